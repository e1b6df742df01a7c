"""The tables a program copy moves, read as stored, from a program file opened read-only.

Shared by the copy and its verification so both walk the same tables in the same order
and read every column the same way; a difference there would show as a false mismatch.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Enum, String, Table, create_engine, event, type_coerce
from sqlalchemy.pool import NullPool

from bridgedesk.errors import UserError
from bridgedesk.storage.file_checks import readonly_uri
from bridgedesk.storage.models import Base

# Alembic's own bookkeeping: the target gets its row from the migration, not from the copy.
NOT_COPIED = {"alembic_version"}


def open_source_readonly(path: Path) -> Engine:
    """A SQLite engine that cannot write to ``path``; every transaction is a real snapshot."""
    if not path.is_file():
        raise UserError(f"There is no program file at {path} to copy.")
    uri = readonly_uri(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:  # pysqlite would not start a read transaction
        conn.exec_driver_sql("BEGIN")

    return engine


def copied_tables() -> list[Table]:
    """Every program table, parents before children (foreign-key order)."""
    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_COPIED]


def readable_columns(table: Table) -> list[Any]:
    """Columns as stored: enums read as their raw strings, so nothing is re-interpreted."""
    return [type_coerce(c, String) if isinstance(c.type, Enum) else c for c in table.columns]
