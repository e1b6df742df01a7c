"""Bit rot after a clean close is found by the weekly full check and acted on.

Before: a file closed cleanly and damaged on the disk afterwards (its time and size kept)
was trusted by the clean-close marker at every start, and nothing ever read its pages.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program_file import routine_check
from bridgedesk.services.program_file.startup_check import quarantine_if_damaged
from bridgedesk.storage.backup import take_backup
from bridgedesk.storage.clean_close import is_untouched_since_clean_close, marker_path

NOW = dt.datetime(2026, 12, 3, 9, 0).astimezone()


def _closed_program(tmp_path) -> DataPaths:
    paths = DataPaths(tmp_path / "data").ensure()
    ctx = open_program(paths, actor="director")
    roster = RosterService(ctx)
    for i in range(300):  # enough rows for the index to span its own pages
        family = "Tesfaye " + chr(65 + i % 26) + chr(65 + i // 26 % 26)  # letters only
        roster.create(MenteeFields("Selam", family, start_date=dt.date(2025, 9, 1)))
    ctx.db.mark_clean_at_dispose = True
    ctx.db.dispose()
    assert is_untouched_since_clean_close(paths.database)
    return paths


def _rot(database) -> None:
    """Scramble one page of an index in place, keeping the file's time: what bit rot does."""
    conn = sqlite3.connect(database)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    (root,) = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'ix_mentees_family_name'"
    ).fetchone()
    conn.close()
    stat = database.stat()
    with open(database, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(bytes(range(256)) * (page_size // 256))
    os.utime(database, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_a_check_is_due_weekly_and_a_sound_file_passes(tmp_path):
    paths = _closed_program(tmp_path)
    assert routine_check.full_check_due(paths, NOW)
    assert routine_check.run_full_check(paths, NOW).problems == []
    assert not routine_check.full_check_due(paths, NOW + dt.timedelta(days=6))
    assert routine_check.full_check_due(paths, NOW + dt.timedelta(days=7))


def test_bit_rot_after_a_clean_close_is_found_and_the_next_start_sets_it_aside(tmp_path):
    paths = _closed_program(tmp_path)
    good = take_backup(paths.database, paths.backups, "manual")
    _rot(paths.database)
    assert is_untouched_since_clean_close(paths.database)  # the marker alone would trust it
    found = routine_check.run_full_check(paths, NOW)
    assert found.problems
    assert found.newest_good_backup == good
    assert found.sentence().startswith("The weekly check found damage in the program file (")
    assert good.name in found.sentence()
    assert not marker_path(paths.database).exists()
    assert routine_check.full_check_due(paths, NOW)  # a damaged file is not marked checked
    damaged = quarantine_if_damaged(paths)  # what the next start does
    assert damaged is not None and not paths.database.exists()
    assert damaged.newest_good_backup == good
