"""Open the program's database: engine, migration to head, session factory."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from bridgedesk.errors import DatabaseError
from bridgedesk.paths import make_private
from bridgedesk.storage import migrate
from bridgedesk.storage.backup import integrity_problems, schema_revision, user_tables
from bridgedesk.storage.engine import make_engine, make_session_factory, sqlite_url


@dataclass
class Database:
    """The engine and session factory of one open program database."""

    engine: Engine
    sessions: sessionmaker[Session] = field(init=False)
    path: Path | None = None

    def __post_init__(self) -> None:
        self.sessions = make_session_factory(self.engine)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def open_sqlite(path: Path, before_migration: Callable[[], object] | None = None) -> Database:
    """Open (creating if needed) a SQLite program file and migrate it to head."""
    is_new = not path.exists() or path.stat().st_size == 0
    if not is_new:
        _refuse_unusable_file(path)
    engine = make_engine(sqlite_url(path))
    try:
        migrate.upgrade(engine, before_migration)
    except SADatabaseError as exc:
        engine.dispose()
        raise DatabaseError(
            f"{path.name} is damaged or is not a BridgeDesk database ({exc.orig}); it was left untouched."
        ) from exc
    except DatabaseError:
        engine.dispose()
        raise
    if is_new:
        make_private(path)
    return Database(engine=engine, path=path)


def _refuse_unusable_file(path: Path) -> None:
    """Check an existing file read-only, before any pragma can write to it."""
    problems = integrity_problems(path)
    if problems:
        raise DatabaseError(
            f"{path.name} is damaged or is not a BridgeDesk database ({problems[0]}); "
            "it was left untouched."
        )
    if schema_revision(path) is None and user_tables(path):
        raise DatabaseError(
            f"{path.name} is a database, but not a BridgeDesk database; it was left untouched."
        )


def open_url(url: str, before_migration: Callable[[], object] | None = None) -> Database:
    """Open a database by URL (PostgreSQL for a shared program) and migrate it to head."""
    engine = make_engine(url)
    migrate.upgrade(engine, before_migration)
    return Database(engine=engine)
