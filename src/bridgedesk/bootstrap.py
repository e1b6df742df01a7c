"""Start-up in order: data folder, logging, open + migrate the database, default content.

The CLI and the GUI both call :func:`open_program`, so they share one start-up path.
"""

from __future__ import annotations

import logging
import os
import sqlite3

from sqlalchemy.exc import DBAPIError

from bridgedesk.errors import DatabaseError
from bridgedesk.logs import setup_logging as setup_logging  # the window takes it from here
from bridgedesk.paths import DataPaths
from bridgedesk.services.checklists.summary import refresh_if_stale
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials import event_dates
from bridgedesk.services.history.acting_person import act_as_director
from bridgedesk.services.program.defaults import ensure_defaults
from bridgedesk.services.program.exit_reasons import ensure_exit_reasons
from bridgedesk.services.program_file import connection_settings
from bridgedesk.storage import backup, db_errors, migrate
from bridgedesk.storage.database import Database, open_sqlite, open_url
from bridgedesk.storage.engine import server_url

ENV_DATABASE_URL = connection_settings.ENV_DATABASE_URL
log = logging.getLogger(__name__)


def open_database(paths: DataPaths, database_url: str | None = None) -> Database:
    """Open the chosen database: --database-url, the environment, the saved choice, the file."""
    url = connection_settings.chosen_url(paths, database_url)
    if url:
        log.info("opening the shared database %s", connection_settings.masked(url))
        try:
            return open_url(url)
        except DBAPIError as exc:
            reason = connection_settings.explain_failure(exc, server_url(url))
            raise DatabaseError(reason) from None
    db_file = paths.database

    def backup_before_migration() -> None:
        reason = f"before-migration-to-{migrate.head_revision()}"
        earlier = backup.same_content_backup(db_file, paths.backups, reason)
        if earlier is not None:  # an upgrade of this same content was tried and interrupted
            log.info("backup before migration: %s already holds this program", earlier.name)
            return
        taken = backup.take_backup(db_file, paths.backups, reason)
        log.info("backup before migration: %s", taken)

    return open_sqlite(db_file, before_migration=backup_before_migration)


def open_program(
    paths: DataPaths, database_url: str | None = None, actor: str = ""
) -> ServiceContext:
    """Open the program database (creating and filling defaults when new)."""
    os.umask(0o077)
    paths.ensure()
    db = open_database(paths, database_url)
    try:
        ctx = ServiceContext(db, actor)
        with db.sessions.begin() as session:
            ensure_defaults(session)
            ensure_exit_reasons(session)
            refresh_if_stale(session)
            event_dates.refresh_if_stale(session)
        act_as_director(ctx)  # new history entries name the director, not the login
    except (DBAPIError, sqlite3.Error) as exc:
        db.dispose()
        # a locked, full or read-only file: one sentence, never the driver's SQL and rows
        translated = db_errors.translate(exc, db.path)
        if translated is None:
            raise
        raise translated from exc
    return ctx
