"""Bring a database to the schema this BridgeDesk expects, safely.

Order: refuse a file from a newer BridgeDesk; if a migration is pending on an existing
SQLite file, take a verified backup first; then upgrade to head.

All or nothing: every pending migration runs in ONE transaction. On SQLite that needs care:
Python's sqlite3 driver opens a transaction only before INSERT/UPDATE/DELETE, so each
CREATE TABLE or CREATE INDEX was committed on its own, and a kill half-way left a file at
the old revision holding some of the new tables ("table ... already exists" at every start
after). The migration therefore runs on its own connection with the driver's transaction
handling off and an explicit BEGIN IMMEDIATE (SQLAlchemy's documented pysqlite recipe), so
SQLite's journal undoes everything a killed upgrade did. A marker file beside the program
file says an upgrade is running; ``bridgedesk check`` reports it when a kill left it behind.

Alembic takes a tenth of a second to import, and almost every start finds the file already
at head. So the revisions this version knows are kept here as constants (a unit test checks
them against Alembic's scripts, so they cannot drift), the file's revision is read with one
plain query, and Alembic is imported only when an upgrade has to run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.pool import NullPool

from bridgedesk.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION = "bridgedesk.storage:migrations"
VERSION_TABLE = "alembic_version"
# Alembic's head and every revision in storage/migrations/versions, oldest first.
# Adding a migration means adding its id here (tests/unit/test_migration_head.py fails until then).
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009",
)  # fmt: skip
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
        _drop_completed_marker(engine)
        return False
    if current is not None and before_migration is not None:
        before_migration()
    from alembic import command

    marker = upgrade_marker(engine)
    if marker is not None:
        _write_marker(marker, current)
    _run_migrations(engine, lambda cfg: command.upgrade(cfg, "head"))
    if marker is not None:
        marker.unlink(missing_ok=True)
    return True


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to ``revision`` the same safe way (for tests and diagnostics)."""
    from alembic import command

    _run_migrations(engine, lambda cfg: command.downgrade(cfg, revision))


def _run_migrations(engine: Engine, run: Callable[[Config], object]) -> None:
    """Run Alembic in ONE transaction; on SQLite, check the foreign keys before committing.

    SQLite migrations run with foreign keys off (see :func:`_all_or_nothing_engine`), so
    ``foreign_key_check`` here is what still refuses an upgrade that would leave a row
    pointing at nothing: the transaction is rolled back and the file stays as it was.
    """
    cfg = alembic_config()
    migrating = _all_or_nothing_engine(engine)
    try:
        with migrating.begin() as conn:
            cfg.attributes["connection"] = conn
            run(cfg)
            if conn.dialect.name == "sqlite":
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseError(
                        f"The upgrade would leave {len(broken)} records pointing at records "
                        "that do not exist, so it was not made; the program is as it was."
                    )
    finally:
        if migrating is not engine:
            migrating.dispose()


UPGRADE_MARKER_SUFFIX = ".upgrading"


def upgrade_marker(engine: Engine) -> Path | None:
    """``<program file>.upgrading`` while a SQLite file is being migrated; None on a server."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return None
    return Path(engine.url.database + UPGRADE_MARKER_SUFFIX)


def _drop_completed_marker(engine: Engine) -> None:
    """A kill after an upgrade's commit and before its marker went leaves the file at the
    marker's target: the marker is stale, and goes now."""
    marker = upgrade_marker(engine)
    if marker is None:
        return
    found = interrupted_upgrade(Path(str(engine.url.database)))
    if found is not None and found.get("to") == HEAD_REVISION:
        marker.unlink(missing_ok=True)


def interrupted_upgrade(database: Path) -> dict[str, Any] | None:
    """What a marker left by a killed upgrade of ``database`` says (from, to, when), if any."""
    marker = Path(str(database) + UPGRADE_MARKER_SUFFIX)
    try:
        content = json.loads(marker.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"from": None, "to": HEAD_REVISION, "started": None}
    return content if isinstance(content, dict) else {"from": None, "to": HEAD_REVISION}


def _write_marker(marker: Path, current: str | None) -> None:
    content = {
        "from": current,
        "to": HEAD_REVISION,
        "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(content, fh)


def _all_or_nothing_engine(engine: Engine) -> Engine:
    """An engine whose transactions hold DDL too: SQLite via BEGIN IMMEDIATE; servers as is."""
    if engine.dialect.name != "sqlite":
        return engine  # PostgreSQL's DDL is transactional already
    migrating = create_engine(engine.url, poolclass=NullPool, connect_args={"timeout": 10})

    @event.listens_for(migrating, "connect")
    def _no_driver_transactions(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # the driver emits no BEGIN or COMMIT itself
        # Foreign keys OFF while migrating, as SQLite's own recipe for schema changes asks:
        # Alembic's batch mode rebuilds a table (copy, DROP, rename), and a DROP TABLE with
        # foreign keys on deletes every child row through ON DELETE CASCADE (a mentee's
        # check-ins, ratings, credentials...). _run_migrations checks the keys before commit.
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        dbapi_connection.execute("PRAGMA synchronous=FULL")

    @event.listens_for(migrating, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return migrating
