"""check and restore compare a file's schema with its revision's and refuse anything extra.

Before: a backup carrying a trigger that wiped the audit log was restored, and ``check``
said OK on it; a file at revision 0001 holding a table of 0002 (left by a killed,
non-atomic upgrade) was "OK" too, yet refused to open.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

from bridgedesk.cli.main import main
from bridgedesk.storage import migrate
from tests.unit.test_cli_safety import _make_program, run

TRIGGER = "CREATE TRIGGER wipe AFTER INSERT ON mentees BEGIN DELETE FROM audit_log; END"


def _execute(path, *statements):
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_check_names_an_extra_trigger_view_and_a_missing_index(tmp_path, capsys):
    data = _make_program(tmp_path, capsys)
    db = data / "bridgedesk.db"
    assert run(capsys, "--data-dir", str(data), "check")[:2] == (0, "OK\n")
    _execute(
        db,
        TRIGGER,
        "CREATE VIEW everyone AS SELECT given_names FROM mentees",
        "DROP INDEX ix_mentees_site_id",
    )
    code, out, _ = run(capsys, "--data-dir", str(data), "check")
    assert code == 1
    assert "Problem: bridgedesk.db: it has a trigger wipe that BridgeDesk did not make." in out
    assert "Problem: bridgedesk.db: it has a view everyone that BridgeDesk did not make." in out
    assert "Problem: bridgedesk.db: its index ix_mentees_site_id is missing." in out


def test_restore_refuses_a_backup_carrying_a_trigger_and_leaves_the_program(tmp_path, capsys):
    data = _make_program(tmp_path, capsys)
    db = data / "bridgedesk.db"
    tampered = tmp_path / "tampered.db"
    assert main(["--data-dir", str(data), "backup", "--to", str(tampered)]) == 0
    _execute(tampered, TRIGGER)
    before = _digest(db)
    code, _, err = run(capsys, "--data-dir", str(data), "restore", str(tampered))
    assert code == 1
    assert err.strip() == (
        "bridgedesk: tampered.db cannot be restored: it has a trigger wipe that BridgeDesk "
        "did not make."
    )
    assert _digest(db) == before


def test_a_half_upgraded_file_is_a_problem_for_check(tmp_path, capsys):
    """What a killed upgrade left before upgrades were all or nothing: 0001 plus a new table."""
    data = _make_program(tmp_path, capsys)
    db = data / "bridgedesk.db"
    _execute(
        db,
        "DROP TABLE checklist_summaries",
        "UPDATE alembic_version SET version_num = '0001'",
    )
    _execute(db, "CREATE TABLE checklist_summaries (id INTEGER PRIMARY KEY)")
    code, out, _ = run(capsys, "--data-dir", str(data), "check")
    assert code == 1
    assert "it has a table checklist_summaries that BridgeDesk did not make" in out


def test_check_tells_of_an_interrupted_upgrade(tmp_path, capsys):
    data = _make_program(tmp_path, capsys)
    marker = data / ("bridgedesk.db" + migrate.UPGRADE_MARKER_SUFFIX)
    marker.write_text(json.dumps({"from": "0002", "to": "0003", "started": "2026-12-01T09:00"}))
    code, out, _ = run(capsys, "--data-dir", str(data), "check")
    assert code == 0
    assert out.splitlines() == [
        "Note: an upgrade of bridgedesk.db to revision 0003 was interrupted (started "
        f"2026-12-01T09:00); an upgrade is all or nothing, so the file is still at revision "
        f"{migrate.HEAD_REVISION} and is upgraded at the next start.",
        "OK",
    ]
