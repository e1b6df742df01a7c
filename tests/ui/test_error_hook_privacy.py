"""The window's last line of defence shows and logs no SQL and no names.

A database error that reaches the window's excepthook carries the statement and the rows'
values in its message; the dialog's sentence, its "Copy details" text and the log get the
error's type and BridgeDesk's own frames only, and the sentence names the log file.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3

from bridgedesk.bootstrap import setup_logging
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.ui.error_dialog import PLAIN_MESSAGE, make_excepthook

MARKER = "Zelalem Hostile-Marker-7731"


def test_a_database_error_in_the_window_shows_and_logs_no_sql_and_no_names(sqlite_ctx, data_paths):
    conn = sqlite3.connect(data_paths.database)  # a trigger BridgeDesk never made refuses
    conn.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON mentees BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    conn.commit()
    conn.close()
    before = list(logging.getLogger().handlers)
    log_file = setup_logging(data_paths)
    shown: list[tuple[str, str]] = []
    hook = make_excepthook(show=lambda message, details: shown.append((message, details)))
    fields = MenteeFields(
        given_names="Zelalem",
        family_name="Hostile-Marker",
        native_name=MARKER,
        start_date=dt.date(2025, 7, 1),
    )
    try:
        try:
            RosterService(sqlite_ctx).create(fields)
        except Exception as exc:  # noqa: BLE001 - the real driver error, as Qt would pass it on
            hook(type(exc), exc, exc.__traceback__)
        for handler in logging.getLogger().handlers:
            handler.flush()
        log = (data_paths.logs / "bridgedesk.log").read_text(encoding="utf-8")
    finally:
        for handler in logging.getLogger().handlers:
            if handler not in before:
                logging.getLogger().removeHandler(handler)
                handler.close()
    [(message, details)] = shown
    assert message == f"{PLAIN_MESSAGE.removesuffix('.')}: {log_file}."
    assert "sqlalchemy.exc.IntegrityError (from sqlite3.IntegrityError" in details
    assert 'File "bridgedesk/services/mentees/roster.py"' in details
    assert "unexpected error in the window" in log and details in log
    for leak in ("Hostile-Marker", "INSERT INTO", "[SQL", "[parameters"):
        assert leak not in message + details + log, leak
