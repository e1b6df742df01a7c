"""Which database the program uses, remembered between starts, and a connection test.

The choice made in the Database dialog is kept in the data folder's settings file (JSON,
owner-only, because a server URL may carry a password). At start-up the first of these wins:
``--database-url``, ``BRIDGEDESK_DATABASE_URL``, the saved choice, the file in the data folder.
Passwords never reach a log or a message: URLs are shown through :func:`masked`.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.pool import NullPool

from bridgedesk.errors import UserError
from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import server_password, settings_file
from bridgedesk.storage import migrate
from bridgedesk.storage.engine import make_engine, server_url

ENV_DATABASE_URL = "BRIDGEDESK_DATABASE_URL"
KEY_DATABASE_URL = "database_url"
DEFAULT_PORT = 5432
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServerFields:
    """The parts of a PostgreSQL URL as the dialog shows them."""

    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    password: str = ""

    def url(self) -> str:
        """The SQLAlchemy URL, password included (for saving, never for showing)."""
        built = URL.create(
            "postgresql+psycopg",
            username=self.user.strip() or None,
            password=self.password or None,
            host=self.host.strip() or None,
            port=self.port or None,
            database=self.database.strip() or None,
        )
        return built.render_as_string(hide_password=False)

    def problems(self) -> dict[str, str]:
        found = {}
        if not self.host.strip():
            found["host"] = "Enter the server's name or address."
        if not self.database.strip():
            found["database"] = "Enter the database's name."
        if not self.user.strip():
            found["user"] = "Enter the user name."
        if not 1 <= self.port <= 65535:
            found["port"] = "The port is a number between 1 and 65535."
        return found

    @classmethod
    def from_url(cls, url: str) -> ServerFields:
        parsed = parse_server_url(url)
        return cls(
            host=parsed.host or "",
            port=parsed.port or DEFAULT_PORT,
            database=parsed.database or "",
            user=parsed.username or "",
            password=parsed.password if isinstance(parsed.password, str) else "",
        )


def masked(url: str) -> str:
    """The URL with its password replaced by ``***``: the only form that is logged or shown."""
    try:
        return server_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(not a database URL)"


def parse_server_url(url: str) -> URL:
    """Parse a PostgreSQL URL or raise UserError saying what it should look like."""
    try:
        parsed = server_url(url.strip())
    except ArgumentError:
        raise UserError(
            "That is not a database URL; it should look like "
            "postgresql://user:password@server:5432/database."
        ) from None
    if parsed.get_backend_name() != "postgresql":
        raise UserError(
            "A shared server must be PostgreSQL: the URL should start with postgresql://."
        )
    return parsed


# ---- the saved choice ------------------------------------------------------------------
def saved_url(paths: DataPaths) -> str | None:
    """The server URL saved by the Database dialog (with its password from the password
    store), or None for the file in the data folder.

    A password an older BridgeDesk wrote into settings.json is moved to the store here,
    the first time a store is there to take it.
    """
    value = settings_file.read(paths).get(KEY_DATABASE_URL)
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        url = server_url(value.strip())
    except ArgumentError:
        return value.strip()  # opening it gives the sentence about a malformed URL
    if url.password and server_password.has_store():
        save_url(paths, url.render_as_string(hide_password=False))
        return value.strip()
    return server_password.with_kept_password(url).render_as_string(hide_password=False)


def save_url(paths: DataPaths, url: str | None) -> str | None:
    """Remember the database for the next start (None: the file in the data folder).

    The password goes to the system's password store (:mod:`server_password`), never into
    settings.json; returns a sentence for the user when there is no store to keep it in.
    Other keys of the settings file are kept, and a damaged file is moved aside rather than
    overwritten; :mod:`settings_file` writes it atomically and owner-only from the first byte.
    """
    note = None
    if url is not None:
        bare, note = server_password.keep(parse_server_url(url))
        url = bare.render_as_string(hide_password=False)
    settings_file.update(paths, **{KEY_DATABASE_URL: url})
    log.info("database choice saved: %s", masked(url) if url else "the file in the data folder")
    return note


def chosen_url(paths: DataPaths, explicit: str | None = None) -> str | None:
    """The server URL to open, or None for the SQLite file: argument, environment, saved."""
    for candidate in (explicit, os.environ.get(ENV_DATABASE_URL), saved_url(paths)):
        if candidate and candidate.strip():
            return candidate.strip()
    return None


def chosen_server(paths: DataPaths, explicit: str | None = None) -> str | None:
    """The chosen database's URL when it is a PostgreSQL server; None for a file (or no URL).

    A URL BridgeDesk cannot use (another kind of database, a malformed one) is None here
    too: opening it gives the sentence saying why.
    """
    url = chosen_url(paths, explicit)
    if url is None:
        return None
    try:
        parsed = server_url(url)
    except ArgumentError:
        return None
    return url if parsed.get_backend_name() == "postgresql" else None


def require_driver(url: str) -> None:
    """Raise DatabaseError (one sentence: how to install it) when the server's driver is missing.

    Creating an engine loads the driver without connecting, so this is quick and offline.
    """
    make_engine(url, poolclass=NullPool).dispose()


# ---- testing a connection --------------------------------------------------------------
def test_connection(url: str) -> str:
    """Connect once and describe what is there, in one sentence; UserError if it fails."""
    parsed = parse_server_url(url)
    where = f"{parsed.host or 'localhost'}:{parsed.port or DEFAULT_PORT}"
    try:
        engine = make_engine(parsed, poolclass=NullPool)
    except NoSuchModuleError:
        raise UserError(f"BridgeDesk has no driver for {parsed.drivername}.") from None
    try:
        with engine.connect() as conn:
            version = str(conn.execute(text("SHOW server_version")).scalar_one()).split()[0]
            database = str(conn.execute(text("SELECT current_database()")).scalar_one())
        revision = migrate.current_revision(engine)
    except DBAPIError as exc:
        raise UserError(explain_failure(exc, parsed)) from None
    finally:
        engine.dispose()
    if revision is None:
        schema = "it is empty, and BridgeDesk will create its tables on first start"
    elif revision == migrate.head_revision():
        schema = f"its BridgeDesk schema is at revision {revision}, up to date"
    elif revision in migrate.known_revisions():
        schema = f"its BridgeDesk schema is at revision {revision} and will be updated on start"
    else:
        schema = f"its schema revision {revision} is from a newer BridgeDesk"
    return f"Connected to PostgreSQL {version} at {where}, database {database}; {schema}."


def explain_failure(exc: Exception, url: URL) -> str:
    """Turn a driver's connection error into one plain sentence (never with the password)."""
    detail = str(getattr(exc, "orig", exc) or exc)
    lowered = detail.lower()
    host = url.host or "localhost"
    port = url.port or DEFAULT_PORT
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return f"The server refused user {url.username or '(none)'}: the password is wrong."
    if "could not translate host name" in lowered or "name or service not known" in lowered:
        return f"The server name {host} is unknown; check its spelling and the network."
    if "failed to resolve host" in lowered or "nodename nor servname" in lowered:
        return f"The server name {host} is unknown; check its spelling and the network."
    if "connection refused" in lowered:
        return f"No database server is running at {host}:{port}, or a firewall blocks it."
    if "timeout" in lowered or "timed out" in lowered:
        return f"The server at {host}:{port} did not answer in time; check the address and network."
    if "does not exist" in lowered and "database" in lowered:
        return (
            f"The server has no database named {url.database}; ask its administrator to create it."
        )
    if "role" in lowered and "does not exist" in lowered:
        return f"The server has no user named {url.username}."
    if "permission denied" in lowered or "not permitted" in lowered:
        return f"User {url.username} may not connect to database {url.database}."
    first_line = detail.strip().splitlines()[0] if detail.strip() else type(exc).__name__
    if url.password:
        first_line = first_line.replace(str(url.password), "***")
    return f"Could not connect to {host}:{port} ({first_line})."
