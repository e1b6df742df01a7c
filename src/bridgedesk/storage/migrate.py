"""Bring a database to the schema this BridgeDesk expects, safely.

Order: refuse a file from a newer BridgeDesk; if a migration is pending on an existing
SQLite file, take a verified backup first; then upgrade to head.
"""

from __future__ import annotations

from collections.abc import Callable

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from bridgedesk.errors import DatabaseError

SCRIPT_LOCATION = "bridgedesk.storage:migrations"


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    return cfg


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def is_pending(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def check_not_newer(engine: Engine) -> None:
    """Raise DatabaseError when the file was written by a newer BridgeDesk."""
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise DatabaseError(
            "This database was written by a newer version of BridgeDesk "
            f"(schema {current}); install that version or newer to open it."
        )
    if current is None and _has_foreign_tables(engine):
        raise DatabaseError(
            "This file is a database, but not a BridgeDesk database; it was left untouched."
        )


def _has_foreign_tables(engine: Engine) -> bool:
    names = set(inspect(engine).get_table_names())
    return bool(names - {"alembic_version"})


def upgrade(engine: Engine, before_migration: Callable[[], object] | None = None) -> bool:
    """Upgrade to head; return True when a migration ran.

    ``before_migration`` is called once, only when a migration will run on a database
    that already holds a schema (the caller takes its backup there).
    """
    check_not_newer(engine)
    current = current_revision(engine)
    if current == head_revision():
        return False
    if current is not None and before_migration is not None:
        before_migration()
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True
