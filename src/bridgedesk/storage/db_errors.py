"""Database failures the user can act on, in one plain sentence each.

A driver error such as ``sqlite3.OperationalError: database or disk is full`` means nothing
to a medical director; the sentence here says what happened to the change and what to do.
Only failures of the storage itself are translated (full disk, read-only folder, file
removed, replaced or damaged, locked by another program, database server gone). Everything
else, including SQLAlchemy's StaleDataError that services turn into a ConflictError and
constraint violations, keeps its type and meaning.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import exc as sa_exc

from bridgedesk.errors import DatabaseError, UserError

DISK_FULL = (
    "The disk holding the program database is full; your change was not saved. "
    "Free some space and save again."
)
READ_ONLY = (
    "The folder holding the program database can't be written to (it is read-only); "
    "your change was not saved. Make the folder writable, or copy the data folder somewhere "
    "writable, and save again."
)
FILE_GONE = (
    "The program database file was removed or replaced while BridgeDesk was running; "
    "your change was not saved. Close BridgeDesk and start it again: it will check the file "
    "and offer the newest good backup."
)
DAMAGED = (
    "The program database file is damaged; your change was not saved. Close BridgeDesk and "
    "start it again: it will move the damaged file aside and offer the newest good backup."
)
CANNOT_OPEN = (
    "The program database file can't be opened right now; your change was not saved. "
    "Check that the data folder is still there and can be written to, then save again."
)
LOCKED = "Another program is using the program file; try again in a moment."
SERVER_GONE = (
    "The database server can't be reached; your change was not saved. "
    "BridgeDesk will reconnect when the server is back."
)

# Lower-case fragments of driver messages, checked in order; the first match wins.
_SIGNATURES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # another connection holds the write lock longer than the busy timeout (SQLITE_BUSY)
    (LOCKED, ("database is locked", "database table is locked", "database schema is locked")),
    (DISK_FULL, ("database or disk is full", "no space left on device")),
    (
        READ_ONLY,
        ("attempt to write a readonly database", "read-only file system", "permission denied"),
    ),
    (
        FILE_GONE,
        (
            "no such table",
            "disk i/o error",
            "file is not a database",
        ),
    ),
    (DAMAGED, ("database disk image is malformed",)),
)
_SERVER_SIGNATURES = (
    "connection refused",
    "server closed the connection",
    "could not connect",
    "connection to server",
    "terminating connection",
    "connection is closed",
    "the connection is lost",
    "connection timed out",
    "the database system is shutting down",
    "the database system is starting up",
    "consuming input failed",
)


def translate(error: BaseException, database: Path | None = None) -> DatabaseError | None:
    """The plain-words DatabaseError for a storage failure, or None to let ``error`` pass.

    ``database`` is the SQLite file, when known: SQLite says only "unable to open database
    file" for a missing file and a read-only folder alike, so the file system is asked.
    """
    if isinstance(error, UserError):
        return None
    if isinstance(error, sa_exc.DBAPIError):
        message = str(error.orig).lower()
        if _is_server_gone(error, message):
            return DatabaseError(SERVER_GONE)
        return _by_message(message, database) if _is_sqlite(error) else None
    if isinstance(error, sqlite3.Error):
        return _by_message(str(error).lower(), database)
    return None


def _is_sqlite(error: sa_exc.DBAPIError) -> bool:
    return isinstance(error.orig, sqlite3.Error)


def _is_server_gone(error: sa_exc.DBAPIError, message: str) -> bool:
    if _is_sqlite(error):
        return False
    if error.connection_invalidated:
        return True
    if not isinstance(error, (sa_exc.OperationalError, sa_exc.InterfaceError)):
        return False
    return any(fragment in message for fragment in _SERVER_SIGNATURES)


def _by_message(message: str, database: Path | None) -> DatabaseError | None:
    if "unable to open database file" in message:
        return DatabaseError(_why_unopenable(database))
    for sentence, fragments in _SIGNATURES:
        if any(fragment in message for fragment in fragments):
            return DatabaseError(sentence)
    return None


def _why_unopenable(database: Path | None) -> str:
    if database is None:
        return CANNOT_OPEN
    if not database.exists():
        return FILE_GONE
    if _read_only(database.parent):
        return READ_ONLY
    return CANNOT_OPEN


def _read_only(folder: Path) -> bool:
    """True for a folder on a read-only mount or one this user may not write to."""
    if hasattr(os, "statvfs"):
        try:
            if os.statvfs(folder).f_flag & os.ST_RDONLY:
                return True
        except OSError:
            pass
    return not os.access(folder, os.W_OK)
