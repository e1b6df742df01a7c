"""Prove a program copy exact: per table, row counts and a checksum over normalised values.

Kept apart from the copy itself so a copy can be re-checked later (``verify_copy``) with
both sides only read, and so the rules for "equal on SQLite and PostgreSQL" sit in one place.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Integer, Table, select
from sqlalchemy.pool import NullPool

from bridgedesk.storage.copy_tables import copied_tables, open_source_readonly, readable_columns
from bridgedesk.storage.engine import make_engine


@dataclass(frozen=True)
class TableCheck:
    """One table's row counts and checksums on both sides."""

    table: str
    source_rows: int
    target_rows: int
    source_sha256: str
    target_sha256: str

    @property
    def matches(self) -> bool:
        return self.source_rows == self.target_rows and self.source_sha256 == self.target_sha256


def normalised(value: object) -> object:
    """One value in a form that is equal on SQLite and PostgreSQL when the data is."""
    kind = type(value)
    if kind in _AS_IS:
        return value
    if kind is float:
        return repr(value)
    if isinstance(value, enum.Enum):
        return normalised(value.value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value.normalize())
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, bool | int | str):  # subclasses of the plain types
        return value
    return repr(value)


_AS_IS = {type(None), bool, int, str}


def table_checksum(conn: Connection, table: Table) -> tuple[int, str]:
    """Row count and sha256 over the rows in primary-key order, each value normalised."""
    keys = list(table.primary_key.columns)
    integer_keys = all(isinstance(k.type, Integer) for k in keys)
    query = select(*readable_columns(table))
    if integer_keys:  # text keys are sorted in Python: server collations differ from SQLite
        query = query.order_by(*keys)
    rows: Iterable[Sequence[Any]] = conn.execute(query)
    if not integer_keys:
        positions = [list(table.columns).index(k) for k in keys]
        rows = sorted(rows, key=lambda r: [str(r[i]) for i in positions])
    digest = hashlib.sha256()
    count = 0
    for row in rows:
        digest.update(json.dumps([normalised(v) for v in row], ensure_ascii=False).encode())
        digest.update(b"\n")
        count += 1
    return count, digest.hexdigest()


def compare(src: Connection, dst: Connection) -> list[TableCheck]:
    """Counts and checksums of every copied table on both connections, in table order."""
    checks = []
    for table in copied_tables():
        source_rows, source_sha = table_checksum(src, table)
        target_rows, target_sha = table_checksum(dst, table)
        checks.append(TableCheck(table.name, source_rows, target_rows, source_sha, target_sha))
    return checks


def verify_copy(source: Path, target_url: str) -> list[TableCheck]:
    """Compare a program file with a server database table by table (both only read)."""
    source_engine = open_source_readonly(source)
    target_engine = make_engine(target_url, poolclass=NullPool)
    try:
        with source_engine.connect() as src, src.begin(), target_engine.connect() as dst:
            return compare(src, dst)
    finally:
        source_engine.dispose()
        target_engine.dispose()
