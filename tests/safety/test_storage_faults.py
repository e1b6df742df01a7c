"""Storage faults while the program is open: full disk, read-only folder, file removed or
replaced, second backup folder gone. Each save fails with one plain sentence and loses
nothing that was saved before.

The disk and the read-only folder are real: a 3 MB tmpfs mounted for the test (we run as
root, so permission bits would not stop a write; a mount does).
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import sqlite3
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select

from bridgedesk.bootstrap import open_program
from bridgedesk.errors import DatabaseError
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program_file import backup_settings, safety
from bridgedesk.storage import db_errors
from bridgedesk.storage.backup import integrity_problems
from bridgedesk.storage.models import Mentee

NAMES = ["ሰላም ተስፋዬ", "محمد عبد الله", "प्रिया शर्मा", "王小明", "Ольга Иванова", "Nguyễn Thị Ánh"]
LONG_NOTE = ("<b>&amp;</para> ሰላም " * 500)[:9_999] + "."
TODAY = dt.date(2026, 1, 15)


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True)


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs, unmounted (lazily if still busy) however the test ends."""
    assert os.geteuid() == 0, "these fault tests mount a tmpfs and must run as root (CI does)"
    point = tmp_path / "disk"
    point.mkdir()
    _mount("-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", str(point))
    try:
        yield point
    finally:
        done = subprocess.run(["umount", str(point)], capture_output=True)
        if done.returncode != 0:
            subprocess.run(["umount", "-l", str(point)], check=True)


@pytest.fixture
def program(small_disk):
    """A program on the small disk holding six mentees; yields (paths, ctx, roster)."""
    paths = DataPaths(small_disk / "data")
    ctx = open_program(paths, actor="tester")
    roster = RosterService(ctx, clock=lambda: TODAY)
    for i, name in enumerate(NAMES):
        roster.create(_fields(name, f"Family {chr(65 + i)}"))
    try:
        yield paths, ctx, roster
    finally:
        ctx.db.dispose()


def _fields(native: str, family: str, notes: str = "") -> MenteeFields:
    return MenteeFields(
        given_names="Given",
        family_name=family,
        native_name=native,
        start_date=dt.date(2025, 7, 1),
        notes=notes,
    )


def _native_names(database: Path) -> list[str]:
    conn = sqlite3.connect(database)
    try:
        return [r[0] for r in conn.execute("SELECT native_name FROM mentees ORDER BY id")]
    finally:
        conn.close()


def _fill(folder: Path) -> Path:
    """Write a filler file until the disk says it is full."""
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as fh:
        for size in (65536, 4096, 512, 1):
            while True:
                try:
                    fh.write(b"\0" * size)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
                    break
    return filler


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_full_disk_refuses_the_save_in_one_sentence_and_keeps_everything(program, small_disk):
    paths, ctx, roster = program
    # an empty WAL, so the next save has to grow a file on the full disk
    with ctx.read() as session:
        session.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    filler = _fill(small_disk)

    with pytest.raises(DatabaseError) as caught:
        roster.create(_fields("ሰላም ተስፋዬ", "Overflow", LONG_NOTE))
    assert str(caught.value) == db_errors.DISK_FULL
    assert isinstance(caught.value.__cause__, sa_exc.OperationalError)
    assert "database or disk is full" in str(caught.value.__cause__)

    assert integrity_problems(paths.database) == []
    with ctx.read() as session:
        assert session.scalar(select(func.count()).select_from(Mentee)) == len(NAMES)

    filler.unlink()
    new_id = roster.create(_fields("ሰላም ተስፋዬ", "Overflow", LONG_NOTE))
    assert roster.get(new_id).fields.notes == LONG_NOTE
    ctx.db.dispose()
    assert _native_names(paths.database) == [*NAMES, "ሰላም ተስፋዬ"]


def test_read_only_folder_refuses_the_save_in_one_sentence(program, small_disk):
    paths, ctx, roster = program
    ctx.db.dispose()  # a mount with a file open for writing can't be made read-only
    before = _sha256(paths.database)
    _mount("-o", "remount,ro", str(small_disk))
    try:
        with pytest.raises(DatabaseError) as caught:
            roster.create(_fields("محمد عبد الله", "ReadOnly"))
        assert str(caught.value) == db_errors.READ_ONLY
        assert caught.value.__cause__ is not None
    finally:
        ctx.db.dispose()
        _mount("-o", "remount,rw", str(small_disk))
    assert _sha256(paths.database) == before
    assert _native_names(paths.database) == NAMES
    roster.create(_fields("محمد عبد الله", "Writable"))  # writable again: saving works


def test_sqlite_read_only_error_gets_the_read_only_sentence(tmp_path):
    """SQLite's own wording for a read-only file, from a real read-only connection."""
    file = tmp_path / "x.db"
    sqlite3.connect(file).execute("CREATE TABLE t (x)").connection.close()
    conn = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as raw:
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    translated = db_errors.translate(raw.value)
    assert translated is not None and str(translated) == db_errors.READ_ONLY


def test_removed_file_refuses_the_next_save_and_creates_no_new_file(program):
    paths, ctx, roster = program
    for suffix in ("", "-wal", "-shm"):
        Path(str(paths.database) + suffix).unlink(missing_ok=True)
    with pytest.raises(DatabaseError) as caught:
        roster.create(_fields("王小明", "AfterRemoval"))
    assert str(caught.value) == db_errors.FILE_GONE
    assert not paths.database.exists()  # nothing was written to a new, empty file either


def test_replaced_file_refuses_the_next_save_and_is_left_untouched(program, small_disk):
    paths, ctx, roster = program
    other = small_disk / f"other-{uuid.uuid4().hex}.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.commit()
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(paths.database) + suffix).unlink(missing_ok=True)
    os.replace(other, paths.database)
    before = _sha256(paths.database)
    with pytest.raises(DatabaseError) as caught:
        roster.create(_fields("Ольга Иванова", "AfterReplace"))
    assert str(caught.value) == db_errors.FILE_GONE
    assert _sha256(paths.database) == before


def test_program_restored_by_bridgedesk_itself_is_accepted_after_remember_file(program):
    paths, ctx, roster = program
    ctx.db.dispose()
    copy = safety.backup_now(paths).path
    safety.restore_from(paths, copy)
    with pytest.raises(DatabaseError):
        roster.create(_fields("王小明", "BeforeRemember"))
    ctx.remember_file()
    roster.create(_fields("王小明", "AfterRemember"))


def test_vanished_second_folder_skips_the_copy_and_says_why(sqlite_ctx, data_paths, tmp_path):
    usb = tmp_path / "usb-drive"
    usb.mkdir()
    backup_settings.save(data_paths, backup_settings.BackupSettings(second_backup_folder=usb))
    first = safety.backup_now(data_paths)
    assert first.second_copy is not None and first.warning == ""
    assert integrity_problems(first.second_copy) == []
    assert first.second_copy.name == first.path.name
    assert _native_names(first.second_copy) == _native_names(first.path)

    for f in usb.iterdir():
        f.unlink()
    usb.rmdir()  # the drive was unplugged
    outcome = safety.backup_now(data_paths)
    assert outcome.path.exists() and integrity_problems(outcome.path) == []
    assert outcome.second_copy is None
    assert "second copy was skipped" in outcome.warning and str(usb) in outcome.warning
    assert not usb.exists()  # the missing folder is not created on the local disk


def test_full_second_folder_keeps_the_primary_backup(program, tmp_path, small_disk):
    paths, ctx, _ = program
    ctx.db.dispose()
    # the primary folder is on the real disk; the second folder is the full tmpfs
    local = DataPaths(tmp_path / "local")
    local.ensure()
    safety.restore_from(local, safety.backup_now(paths).path)
    second = small_disk / "second"
    second.mkdir()
    backup_settings.save(local, backup_settings.BackupSettings(second_backup_folder=second))
    _fill(small_disk)
    outcome = safety.backup_now(local)
    assert outcome.path.exists() and outcome.second_copy is None
    assert "second copy" in outcome.warning and "failed" in outcome.warning
    assert list(second.glob("*.partial")) == []
