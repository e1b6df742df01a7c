"""Start-up check: a damaged program file is moved aside unchanged and the newest good
backup is offered; a file from a newer BridgeDesk stays where it is."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sqlite3
from pathlib import Path

import pytest

from bridgedesk.bootstrap import open_program
from bridgedesk.errors import DatabaseError, UserError
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program_file import safety
from bridgedesk.services.program_file.startup_check import (
    DamagedFile,
    earlier_damage,
    quarantine_if_damaged,
    restore_newest_good_backup,
    set_aside_at,
    set_aside_files,
)
from bridgedesk.storage.backup import integrity_problems

NAMES = ["ሰላም ተስፋዬ", "محمد عبد الله", "प्रिया शर्मा", "王小明", "Ольга Иванова", "Nguyễn Thị Ánh"]


def _program_with_backup(paths: DataPaths) -> Path:
    """A program holding six mentees, a verified backup of it, then one more mentee."""
    ctx = open_program(paths, actor="tester")
    roster = RosterService(ctx, clock=lambda: dt.date(2026, 1, 15))
    for i, name in enumerate(NAMES):
        roster.create(
            MenteeFields(
                given_names="Given",
                family_name=f"Family {chr(65 + i)}",
                native_name=name,
                start_date=dt.date(2025, 7, 1),
                notes="<b>&amp;</para>",
            )
        )
    ctx.db.dispose()
    taken = safety.backup_now(paths).path
    ctx = open_program(paths, actor="tester")
    RosterService(ctx, clock=lambda: dt.date(2026, 1, 15)).create(
        MenteeFields(given_names="After", family_name="Backup", start_date=dt.date(2025, 7, 1))
    )
    ctx.db.dispose()
    return taken


def _truncate(db: Path) -> None:
    raw = db.read_bytes()
    db.write_bytes(raw[: len(raw) // 2])


def _scribble(db: Path) -> None:
    raw = bytearray(db.read_bytes())
    rng = random.Random(20261124)
    middle = len(raw) // 2 // 4096 * 4096
    raw[middle : middle + 8192] = bytes(rng.randrange(256) for _ in range(8192))
    db.write_bytes(bytes(raw))


def _text_file(db: Path) -> None:
    db.write_text("name,country\nAmina,Nigeria\n", encoding="utf-8")


def _foreign(db: Path) -> None:
    db.unlink()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _native_names(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT native_name FROM mentees ORDER BY id")]
    finally:
        conn.close()


@pytest.mark.parametrize(
    "damage",
    [_truncate, _scribble, _text_file, _foreign],
    ids=["truncated", "random-bytes", "text-file", "foreign-database"],
)
def test_damaged_file_is_moved_aside_unchanged_and_backup_restores(data_paths, damage):
    taken = _program_with_backup(data_paths)
    damage(data_paths.database)
    before = _sha256(data_paths.database)

    found = quarantine_if_damaged(data_paths)

    assert isinstance(found, DamagedFile)
    assert found.problems
    assert not data_paths.database.exists()
    assert found.moved_to.parent == data_paths.damaged
    assert _sha256(found.moved_to) == before  # moved, not changed
    assert found.newest_good_backup == taken
    assert str(found.moved_to) in found.explanation
    assert str(taken) in found.explanation
    assert "without changing it" in found.explanation

    assert restore_newest_good_backup(data_paths) == taken
    assert integrity_problems(data_paths.database) == []
    assert _native_names(data_paths.database) == NAMES
    ctx = open_program(data_paths)  # the restored program opens
    ctx.db.dispose()
    assert _sha256(found.moved_to) == before


def test_file_from_a_newer_version_stays_in_place(data_paths):
    _program_with_backup(data_paths)
    conn = sqlite3.connect(data_paths.database)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = _sha256(data_paths.database)
    assert quarantine_if_damaged(data_paths) is None
    assert _sha256(data_paths.database) == before
    assert not data_paths.damaged.exists() or not any(data_paths.damaged.iterdir())
    with pytest.raises(DatabaseError, match="newer version"):
        open_program(data_paths)


def test_sound_new_and_empty_files_are_left_alone(data_paths):
    assert quarantine_if_damaged(data_paths) is None  # no file yet
    data_paths.database.write_bytes(b"")
    assert quarantine_if_damaged(data_paths) is None
    data_paths.database.unlink()
    _program_with_backup(data_paths)
    assert quarantine_if_damaged(data_paths) is None
    assert data_paths.database.exists()


def test_wal_goes_along_and_nothing_in_damaged_is_overwritten(data_paths):
    _program_with_backup(data_paths)
    now = dt.datetime(2026, 11, 24, 9, 30)
    moved = []
    for round_ in range(2):
        _text_file(data_paths.database)
        Path(str(data_paths.database) + "-wal").write_bytes(f"wal {round_}".encode())
        found = quarantine_if_damaged(data_paths, now=now)  # same second both times
        assert found is not None
        moved.append(found.moved_to)
    assert moved[0] != moved[1]
    for round_, path in enumerate(moved):
        assert Path(str(path) + "-wal").read_bytes() == f"wal {round_}".encode()
    assert not Path(str(data_paths.database) + "-wal").exists()


def test_no_good_backup_is_said_plainly(data_paths):
    _text_file(data_paths.database)
    found = quarantine_if_damaged(data_paths)
    assert found is not None and found.newest_good_backup is None
    assert "No good backup was found" in found.explanation
    with pytest.raises(UserError, match="No good backup"):
        restore_newest_good_backup(data_paths)


def test_damaged_backup_is_skipped_for_the_older_good_one(data_paths):
    good = _program_with_backup(data_paths)
    newer = safety.backup_now(data_paths).path
    _scribble(newer)
    _text_file(data_paths.database)
    found = quarantine_if_damaged(data_paths)
    assert found is not None and found.newest_good_backup == good


def test_set_aside_files_are_listed_newest_first_without_side_files(data_paths):
    assert set_aside_files(data_paths) == []  # no damaged/ folder yet
    _program_with_backup(data_paths)
    moved = []
    for when in (
        dt.datetime(2026, 3, 1, 8, 0),
        dt.datetime(2026, 11, 24, 9, 30),
        dt.datetime(2026, 11, 24, 9, 30),  # same second: the counter makes it newer
        dt.datetime(2026, 6, 5, 17, 45),
    ):
        _text_file(data_paths.database)
        Path(str(data_paths.database) + "-wal").write_bytes(b"wal")
        found = quarantine_if_damaged(data_paths, now=when)
        assert found is not None
        moved.append(found.moved_to)
    (data_paths.damaged / "notes.txt").write_text("not a program file", encoding="utf-8")
    listed = set_aside_files(data_paths)
    assert listed == [moved[2], moved[1], moved[3], moved[0]]
    assert set_aside_at(listed[0]) == dt.datetime(2026, 11, 24, 9, 30)


def test_earlier_damage_names_the_file_and_the_newest_good_backup(data_paths):
    assert earlier_damage(data_paths) is None
    taken = _program_with_backup(data_paths)
    _scribble(data_paths.database)
    quarantine_if_damaged(data_paths, now=dt.datetime(2026, 11, 24, 9, 30))
    found = earlier_damage(data_paths)
    assert found is not None
    assert found.set_aside.parent == data_paths.damaged
    assert found.set_aside_at == dt.datetime(2026, 11, 24, 9, 30)
    assert found.newest_good_backup == taken
    assert found.backup_mentees == len(NAMES)
    assert found.backup_taken_at is not None
