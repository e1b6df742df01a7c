"""No personal data in a message or a log line, even from an error nobody expected.

A database driver's error carries the SQL statement and the values of the rows (names,
notes); other exceptions quote the value they choked on. A locked program file is said in
one sentence; an unexpected error prints one generic sentence naming the log, and the log
gets the error's type and BridgeDesk's own frames, never its message.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3

import pytest
from sqlalchemy import event

from bridgedesk.bootstrap import open_program, setup_logging
from bridgedesk.errors import DatabaseError
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.storage import db_errors
from tests.safety.cli_runs import (
    MARKER,
    MARKER_PART,
    log_text,
    roster_file,
    run_cli,
    seed_program,
    write_locked,
)


def _marked_mentee() -> MenteeFields:
    return MenteeFields(
        given_names="Zelalem",
        family_name="Hostile-Marker",
        native_name=MARKER,
        notes=MARKER,
        start_date=dt.date(2025, 7, 1),
    )


def _no_wait_for_locks(engine) -> None:
    """Give up on a held lock at once instead of after 10 s: the same error, sooner."""
    event.listen(engine, "connect", lambda conn, _record: conn.execute("PRAGMA busy_timeout=0"))
    engine.dispose()  # connections opened from here on get it


def test_a_save_on_a_locked_program_file_is_one_sentence_without_names(tmp_path):
    paths = seed_program(tmp_path / "data")
    ctx = open_program(paths, actor="tester")
    _no_wait_for_locks(ctx.db.engine)
    try:
        with write_locked([paths.database]), pytest.raises(DatabaseError) as caught:
            RosterService(ctx).create(_marked_mentee())
    finally:
        ctx.db.dispose()
    assert str(caught.value) == db_errors.LOCKED
    assert "database is locked" in str(caught.value.__cause__)  # the real SQLite error


@pytest.mark.slow  # waits out SQLite's busy timeout (10 s) while the start-up creates tables
def test_a_locked_file_at_start_is_the_same_sentence(tmp_path):
    """Locked while the first start creates the tables: the same sentence, not "damaged"."""
    paths = DataPaths(tmp_path / "data").ensure()
    sqlite3.connect(paths.database).execute("PRAGMA journal_mode=WAL").connection.close()
    with write_locked([paths.database]), pytest.raises(DatabaseError) as caught:
        open_program(paths, actor="tester")
    assert str(caught.value) == db_errors.LOCKED


def test_an_unexpected_database_error_prints_and_logs_no_sql_and_no_names(tmp_path):
    paths = seed_program(tmp_path / "data")
    conn = sqlite3.connect(paths.database)  # something BridgeDesk never made: it must not leak
    conn.execute(
        "CREATE TRIGGER refuse_new_mentees BEFORE INSERT ON mentees "
        "BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END"
    )
    conn.commit()
    conn.close()
    run = run_cli("--data-dir", str(paths.root), "import", "roster", str(roster_file(tmp_path)))
    assert run.code == 2
    assert run.err == (
        "bridgedesk: something unexpected went wrong (IntegrityError); "
        f"the details are in {paths.logs / 'bridgedesk.log'}.\n"
    )
    log = log_text(paths)
    assert "unexpected error in command import roster" in log
    assert "sqlalchemy.exc.IntegrityError (from sqlite3.IntegrityError" in log
    assert 'File "bridgedesk/cli/main.py"' in log  # our own frames, to find where
    for leak in (MARKER_PART, "INSERT INTO", "[SQL", "[parameters", "site-packages"):
        assert leak not in log + run.out + run.err, leak


def test_an_unexpected_error_quoting_a_name_prints_and_logs_no_name(tmp_path):
    paths = seed_program(tmp_path / "data")
    conn = sqlite3.connect(paths.database)  # a date SQLAlchemy cannot read, quoted in its error
    conn.execute("UPDATE mentees SET start_date = ?", (MARKER,))
    conn.commit()
    conn.close()
    run = run_cli("--data-dir", str(paths.root), "export", "roster", str(tmp_path / "out.csv"))
    assert run.code == 2
    assert run.err.startswith("bridgedesk: something unexpected went wrong (ValueError)")
    assert len(run.err.splitlines()) == 1
    log = log_text(paths)
    assert "unexpected error in command export roster" in log and "ValueError" in log
    assert MARKER_PART not in log + run.out + run.err


@pytest.fixture
def file_log(tmp_path):
    """The process's log set up in a fresh data folder; taken down after the test."""
    paths = DataPaths(tmp_path / "data").ensure()
    before = list(logging.getLogger().handlers)
    setup_logging(paths)
    try:
        yield paths
    finally:
        for handler in logging.getLogger().handlers:
            if handler not in before:
                logging.getLogger().removeHandler(handler)
                handler.close()


def test_any_logged_exception_leaves_its_message_out(file_log, sqlite_ctx, data_paths):
    """A worker's ``log.exception`` anywhere in BridgeDesk: the file gets no SQL or names."""
    conn = sqlite3.connect(data_paths.database)  # a trigger BridgeDesk never made refuses
    conn.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON mentees BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    conn.commit()
    conn.close()
    try:
        RosterService(sqlite_ctx).create(_marked_mentee())
    except Exception:  # noqa: BLE001 - the real driver error, as a worker would catch it
        logging.getLogger("bridgedesk.ui.workers").exception("background work failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    log = log_text(file_log)
    assert "background work failed" in log
    assert "sqlalchemy.exc.IntegrityError (from sqlite3.IntegrityError" in log
    assert 'File "bridgedesk/services/mentees/roster.py"' in log
    for leak in (MARKER_PART, "INSERT INTO", "[SQL", "[parameters"):
        assert leak not in log, leak
