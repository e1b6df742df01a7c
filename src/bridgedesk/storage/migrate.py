"""Bring a database to the schema this BridgeDesk expects, safely.

Order: refuse a file from a newer BridgeDesk; if a migration is pending on an existing
SQLite file, take a verified backup first; then upgrade to head.

Alembic takes a tenth of a second to import, and almost every start finds the file already
at head. So the revisions this version knows are kept here as constants (a unit test checks
them against Alembic's scripts, so they cannot drift), the file's revision is read with one
plain query, and Alembic is imported only when an upgrade has to run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from bridgedesk.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION = "bridgedesk.storage:migrations"
VERSION_TABLE = "alembic_version"
# Alembic's head and every revision in storage/migrations/versions, oldest first.
# Adding a migration means adding its id here (tests/unit/test_migration_head.py fails until then).
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003")
HEAD_REVISION = KNOWN_REVISIONS[-1]


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    return cfg


def head_revision() -> str:
    return HEAD_REVISION


def known_revisions() -> set[str]:
    return set(KNOWN_REVISIONS)


def script_head_revision() -> str:
    """Alembic's own head, read from the scripts (slow: for tests and diagnostics)."""
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    return heads[0]


def script_revisions() -> set[str]:
    """Every revision Alembic's scripts define (slow: for tests and diagnostics)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, None when it has none (a new database).

    Read the way Alembic stores it, without importing Alembic. A table holding several
    rows (branches, which BridgeDesk never makes) reads as the first one.
    """
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        row = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).first()
    return str(row[0]) if row is not None else None


def is_pending(engine: Engine) -> bool:
    return current_revision(engine) != HEAD_REVISION


def check_not_newer(engine: Engine, current: str | None = None) -> None:
    """Raise DatabaseError when the file was written by a newer BridgeDesk."""
    if current is None:
        current = current_revision(engine)
    if current is not None and current not in KNOWN_REVISIONS:
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
    return bool(names - {VERSION_TABLE})


def upgrade(engine: Engine, before_migration: Callable[[], object] | None = None) -> bool:
    """Upgrade to head; return True when a migration ran.

    ``before_migration`` is called once, only when a migration will run on a database
    that already holds a schema (the caller takes its backup there).
    """
    current = current_revision(engine)
    check_not_newer(engine, current)
    if current == HEAD_REVISION:
        return False
    if current is not None and before_migration is not None:
        before_migration()
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True
