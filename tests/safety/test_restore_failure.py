"""Restoring a backup never costs the live file what only its write-ahead log holds.

The copy is written and checked beside the program file first; only then is the live file's
log emptied into it and the copy renamed over. A restore that fails (full disk, a copy that
fails its check) leaves the file, its -wal and every row committed there readable.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bridgedesk.bootstrap import open_program
from bridgedesk.errors import DatabaseError
from bridgedesk.paths import DataPaths
from bridgedesk.storage import backup, migrate
from bridgedesk.storage.backup import integrity_problems, take_backup
from tests.safety.test_storage_faults import NAMES, _fill, small_disk  # noqa: F401

# A writer that commits the six mentees and dies without closing: they are only in the -wal.
CRASHING_WRITER = """
import datetime as dt, os, sys
from pathlib import Path
from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
ctx = open_program(DataPaths(Path(sys.argv[1])), actor="crash")
roster = RosterService(ctx, clock=lambda: dt.date(2026, 1, 15))
for i, name in enumerate(sys.argv[2:]):
    roster.create(MenteeFields(given_names="WAL", family_name=f"Only {chr(65 + i)}", native_name=name,
                               start_date=dt.date(2025, 7, 1), notes="<b>&amp;</para>" * 50))
os._exit(0)
"""


def _program_with_rows_only_in_its_wal(root: Path) -> tuple[DataPaths, Path]:
    """A program file whose six mentees are in its -wal alone; returns it and an older backup."""
    paths = DataPaths(root)
    ctx = open_program(paths, actor="tester")
    ctx.db.dispose()
    older = take_backup(paths.database, root.parent / "elsewhere", "empty")
    subprocess.run(
        [sys.executable, "-c", CRASHING_WRITER, str(root), *NAMES],
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    wal = Path(str(paths.database) + "-wal")
    assert wal.stat().st_size > 0
    main_only = root.parent / "main-only.db"  # the main file without its log: no mentees
    shutil.copyfile(paths.database, main_only)
    assert _native_names(main_only) == []
    return paths, older


def _native_names(database: Path) -> list[str]:
    conn = sqlite3.connect(database)
    try:
        rows = conn.execute("SELECT native_name FROM mentees ORDER BY id").fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


def _assert_live_file_intact(paths: DataPaths) -> None:
    assert not Path(str(paths.database) + ".partial").exists()
    assert Path(str(paths.database) + "-wal").stat().st_size > 0  # the log was not touched
    assert integrity_problems(paths.database) == []
    assert _native_names(paths.database) == NAMES


def test_restore_onto_a_full_disk_keeps_rows_only_in_the_wal(small_disk, tmp_path):  # noqa: F811
    paths, older = _program_with_rows_only_in_its_wal(small_disk / "data")
    safety_folder = tmp_path / "safety"  # on the real disk: the safety backup succeeds
    filler = _fill(small_disk)

    with pytest.raises(DatabaseError) as caught:
        backup.restore(older, paths.database, safety_folder, migrate.known_revisions())
    message = str(caught.value)
    assert message.startswith(f"{older.name} could not be restored (")
    assert message.endswith(f"{paths.database.name} was left as it was.")
    assert message.count(". ") == 0 and "\n" not in message
    # the safety backup was taken, with the rows from the log
    (kept,) = backup.list_backups(safety_folder)
    assert _native_names(kept.path) == NAMES

    filler.unlink()
    _assert_live_file_intact(paths)


def test_restore_whose_copy_fails_its_check_keeps_rows_only_in_the_wal(tmp_path, monkeypatch):
    paths, older = _program_with_rows_only_in_its_wal(tmp_path / "data")
    real_check = backup.integrity_problems

    def failing_for_the_staged_copy(path: Path, *args, **kwargs) -> list[str]:
        if path == Path(str(paths.database) + ".partial"):
            return ["page 3 is damaged"]
        return real_check(path, *args, **kwargs)

    monkeypatch.setattr(backup, "integrity_problems", failing_for_the_staged_copy)
    with pytest.raises(DatabaseError, match=r"could not be restored \(page 3 is damaged\)"):
        backup.restore(older, paths.database, paths.backups, migrate.known_revisions())
    monkeypatch.undo()
    _assert_live_file_intact(paths)


def test_successful_restore_replaces_file_and_log_and_keeps_them_in_the_safety_backup(tmp_path):
    paths, older = _program_with_rows_only_in_its_wal(tmp_path / "data")
    inode_before = paths.database.stat().st_ino
    kept = backup.restore(older, paths.database, paths.backups, migrate.known_revisions())
    assert kept is not None and _native_names(kept) == NAMES
    assert _native_names(paths.database) == []  # the old log was not replayed into the copy
    assert paths.database.stat().st_ino != inode_before
    assert integrity_problems(paths.database) == []
    assert not Path(str(paths.database) + ".partial").exists()
    assert oct(paths.database.stat().st_mode & 0o777) == oct(0o600)


def test_restore_refuses_while_another_program_reads_the_file(tmp_path):
    paths, older = _program_with_rows_only_in_its_wal(tmp_path / "data")
    reader = sqlite3.connect(paths.database)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM mentees").fetchone()  # holds a read snapshot
        with pytest.raises(DatabaseError, match="still open in another program"):
            backup.restore(older, paths.database, paths.backups, migrate.known_revisions())
        _assert_live_file_intact(paths)
    finally:
        reader.close()  # the last connection: SQLite empties the log into the file itself
    assert _native_names(paths.database) == NAMES


# ---- moving a damaged file aside never overwrites ------------------------------------
def test_move_no_overwrite_refuses_a_target_that_appears_after_the_check(tmp_path, monkeypatch):
    source = tmp_path / "bridgedesk.db"
    source.write_bytes(b"damaged program")
    target = tmp_path / "damaged" / "bridgedesk-damaged.db"
    target.parent.mkdir()
    real_link = os.link

    def racing_link(src, dst, *args, **kwargs):
        Path(dst).write_bytes(b"someone else's file")  # appears between check and link
        return real_link(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "link", racing_link)
    with pytest.raises(DatabaseError, match="already exists"):
        backup._move_no_overwrite(source, target)
    assert target.read_bytes() == b"someone else's file"
    assert source.read_bytes() == b"damaged program"


def test_move_without_hard_links_still_refuses_to_overwrite(tmp_path, monkeypatch):
    source = tmp_path / "bridgedesk.db"
    source.write_bytes(b"damaged program")
    target = tmp_path / "bridgedesk-damaged.db"

    def no_links(src, dst, *args, **kwargs):
        Path(dst).write_bytes(b"someone else's file")
        raise PermissionError(1, "Operation not permitted")  # as on FAT, after the race

    monkeypatch.setattr(os, "link", no_links)
    with pytest.raises(DatabaseError, match="already exists"):
        backup._move_no_overwrite(source, target)
    assert target.read_bytes() == b"someone else's file"
    assert source.read_bytes() == b"damaged program"

    target.unlink()
    monkeypatch.setattr(os, "link", lambda *a, **k: (_ for _ in ()).throw(OSError(18, "EXDEV")))
    backup._move_no_overwrite(source, target)  # the copy fallback, when the name is free
    assert target.read_bytes() == b"damaged program" and not source.exists()
