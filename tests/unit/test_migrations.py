"""Databases from every released schema open in this version: backed up first, data kept."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import RosterService
from bridgedesk.storage import migrate
from bridgedesk.storage.backup import integrity_problems, list_backups, schema_revision

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCHEMAS = sorted(FIXTURES.glob("schema_*.db"))


def test_there_is_a_fixture_for_the_first_schema():
    assert [p.name for p in SCHEMAS][:1] == ["schema_0001.db"]


@pytest.mark.parametrize("fixture", SCHEMAS, ids=lambda p: p.stem)
def test_old_schema_upgrades_with_a_backup_and_keeps_its_data(fixture, tmp_path):
    paths = DataPaths(tmp_path / "data").ensure()
    shutil.copy(fixture, paths.database)
    old_revision = schema_revision(paths.database)
    assert old_revision != migrate.head_revision()

    ctx = open_program(paths, actor="tester")
    try:
        assert migrate.current_revision(ctx.db.engine) == migrate.head_revision()
        roster = RosterService(ctx)
        found = {r.fields.native_name for r in (roster.get(1), roster.get(2))}
        assert found == {"ሰላም ተስፋዬ", "محمد عبد الله"}
        assert roster.get(1).fields.notes == "Notes <&> kept"
    finally:
        ctx.db.dispose()

    backups = [b for b in list_backups(paths.backups) if b.reason.startswith("before-migration")]
    assert len(backups) == 1
    assert integrity_problems(backups[0].path) == []
    assert schema_revision(backups[0].path) == old_revision  # the copy is of the file as it was
    conn = sqlite3.connect(backups[0].path)
    assert conn.execute("SELECT count(*) FROM mentees").fetchone() == (2,)
    conn.close()


def test_opening_an_up_to_date_file_takes_no_backup(sqlite_ctx, data_paths):
    sqlite_ctx.db.dispose()
    open_program(data_paths).db.dispose()
    assert list_backups(data_paths.backups) == []


def test_a_marker_left_after_a_committed_upgrade_goes_at_the_next_start(data_paths):
    """Killed between the upgrade's commit and the marker's removal: the file is at the
    marker's target, so the start-up check does not call it interrupted and opening it
    removes the marker. A marker for another target (a real interruption) stays."""
    from bridgedesk.services.program_file import safety

    open_program(data_paths, actor="tester").db.dispose()
    marker = Path(str(data_paths.database) + migrate.UPGRADE_MARKER_SUFFIX)
    completed = {"from": "0008", "to": migrate.HEAD_REVISION, "started": "2026-12-03T17:01"}
    marker.write_text(json.dumps(completed))
    assert safety.check(data_paths).notes == ()
    open_program(data_paths, actor="tester").db.dispose()
    assert not marker.exists()

    marker.write_text(json.dumps({"from": "0002", "to": "0003", "started": "2026-12-01T09:00"}))
    assert safety.check(data_paths).notes  # not this file's revision: told, and kept
    open_program(data_paths, actor="tester").db.dispose()
    assert marker.exists()
