"""One engine per app, with the connection settings that make SQLite safe.

Everything dialect-specific lives here; models and services stay dialect-neutral so the
same code runs on PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from bridgedesk.errors import DatabaseError

BUSY_TIMEOUT_MS = 10_000
# A shared server that does not answer within this many seconds is reported as unreachable,
# instead of freezing the window for the operating system's TCP timeout (minutes).
CONNECT_TIMEOUT_S = 5
# The driver this package installs; a bare "postgresql://" URL would ask for psycopg2.
POSTGRES_DRIVER = "postgresql+psycopg"
SUPPORTED = (
    "BridgeDesk works with its own SQLite file or a shared PostgreSQL server "
    "(postgresql://user@server:5432/database)"
)
UNSUPPORTED = SUPPORTED + "; a {kind} database is not supported."
UNSUPPORTED_DRIVER = SUPPORTED + "; the PostgreSQL driver {driver} is not supported: leave it out."
NOT_A_URL = "That is not a database URL: " + SUPPORTED + "."
POSTGRES_MISSING = (
    "This BridgeDesk has no PostgreSQL driver; install the PostgreSQL support: "
    "pip install 'bridgedesk[postgres]'."
)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def server_url(url: str | URL) -> URL:
    """Parse a server URL, giving a bare ``postgresql://`` (or ``postgres://``) our driver."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername=POSTGRES_DRIVER)
    return parsed


def sqlite_file(url: str | URL) -> Path | None:
    """The file a ``sqlite:///FILE`` URL names; None for any other URL or an in-memory one."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    if parsed.database.startswith("file:"):  # a SQLite URI filename: not a plain path
        return None
    return Path(parsed.database)


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    """Create the engine; on SQLite switch on foreign keys, WAL, synchronous=FULL, busy timeout.

    On a server, ``pool_pre_ping`` tests a pooled connection before each use, so one dropped by
    a server restart or a network blip is replaced silently on the next call, and the connect
    timeout keeps an unreachable server from hanging the caller.

    Raises DatabaseError, one plain sentence, for a database BridgeDesk does not work with
    (MySQL, ...) and for PostgreSQL when its driver is not installed.
    """
    if str(url).startswith("sqlite"):
        connect_args = kwargs.pop("connect_args", {})
        connect_args.setdefault("timeout", BUSY_TIMEOUT_MS / 1000)
        engine = create_engine(url, connect_args=connect_args, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        parsed = server_url(url)
    except ArgumentError:
        raise DatabaseError(NOT_A_URL) from None
    backend = parsed.get_backend_name()
    if backend != "postgresql":
        raise DatabaseError(UNSUPPORTED.format(kind=backend))
    kwargs.setdefault("pool_pre_ping", True)
    connect_args = kwargs.pop("connect_args", {})
    connect_args.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
    kwargs["connect_args"] = connect_args
    try:
        return create_engine(parsed, **kwargs)
    except ImportError:  # the driver's module: psycopg, or another a URL asked for
        if parsed.get_driver_name() == "psycopg":
            raise DatabaseError(POSTGRES_MISSING) from None
        raise DatabaseError(UNSUPPORTED_DRIVER.format(driver=parsed.get_driver_name())) from None
    except NoSuchModuleError:
        raise DatabaseError(UNSUPPORTED_DRIVER.format(driver=parsed.get_driver_name())) from None


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
