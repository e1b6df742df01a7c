"""Start-up in order: data folder, logging, open + migrate the database, default content.

The CLI and the GUI both call :func:`open_program`, so they share one start-up path.
"""

from __future__ import annotations

import logging
import logging.handlers
import os

from sqlalchemy.exc import DBAPIError

from bridgedesk.errors import DatabaseError
from bridgedesk.paths import DataPaths
from bridgedesk.services.checklists.summary import refresh_if_stale
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.program.defaults import ensure_defaults
from bridgedesk.services.program_file import connection_settings
from bridgedesk.storage import backup, migrate
from bridgedesk.storage.database import Database, open_sqlite, open_url
from bridgedesk.storage.engine import server_url

ENV_DATABASE_URL = connection_settings.ENV_DATABASE_URL
log = logging.getLogger(__name__)


def setup_logging(paths: DataPaths, level: int = logging.INFO) -> None:
    handler = logging.handlers.RotatingFileHandler(
        paths.logs / "bridgedesk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(level)


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
        taken = backup.take_backup(
            db_file, paths.backups, f"before-migration-to-{migrate.head_revision()}"
        )
        log.info("backup before migration: %s", taken)

    return open_sqlite(db_file, before_migration=backup_before_migration)


def open_program(
    paths: DataPaths, database_url: str | None = None, actor: str = ""
) -> ServiceContext:
    """Open the program database (creating and filling defaults when new)."""
    os.umask(0o077)
    paths.ensure()
    db = open_database(paths, database_url)
    ctx = ServiceContext(db, actor)
    with db.sessions.begin() as session:
        ensure_defaults(session)
        refresh_if_stale(session)
    return ctx
