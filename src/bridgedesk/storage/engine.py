"""One engine per app, with the connection settings that make SQLite safe.

Everything dialect-specific lives here; models and services stay dialect-neutral so the
same code runs on PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000
# A shared server that does not answer within this many seconds is reported as unreachable,
# instead of freezing the window for the operating system's TCP timeout (minutes).
CONNECT_TIMEOUT_S = 5
# The driver this package installs; a bare "postgresql://" URL would ask for psycopg2.
POSTGRES_DRIVER = "postgresql+psycopg"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def server_url(url: str | URL) -> URL:
    """Parse a server URL, giving a bare ``postgresql://`` (or ``postgres://``) our driver."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername=POSTGRES_DRIVER)
    return parsed


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    """Create the engine; on SQLite switch on foreign keys, WAL, synchronous=FULL, busy timeout.

    On a server, ``pool_pre_ping`` tests a pooled connection before each use, so one dropped by
    a server restart or a network blip is replaced silently on the next call, and the connect
    timeout keeps an unreachable server from hanging the caller.
    """
    if str(url).startswith("sqlite"):
        connect_args = kwargs.pop("connect_args", {})
        connect_args.setdefault("timeout", BUSY_TIMEOUT_MS / 1000)
        engine = create_engine(url, connect_args=connect_args, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    parsed = server_url(url)
    kwargs.setdefault("pool_pre_ping", True)
    if parsed.get_backend_name() == "postgresql":
        connect_args = kwargs.pop("connect_args", {})
        connect_args.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
        kwargs["connect_args"] = connect_args
    return create_engine(parsed, **kwargs)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: objects returned by a service stay readable after its
    # unit of work ends; nothing holds a session open between calls.
    return sessionmaker(bind=engine, expire_on_commit=False)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
