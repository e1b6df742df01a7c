"""Run a pg_dump backup's SQL (as ``pg_restore --file=-`` writes it) on one open transaction.

``pg_restore`` run against the server commits as it goes, or at best in its own single
transaction that BridgeDesk cannot look into before it commits. Its script output run here
instead puts the whole restore, its verification and the schema check in ONE transaction of
the caller (PostgreSQL runs DDL in transactions): anything wrong, a checksum included, rolls
it all back and the target database is as empty as it was.

The verification is the one ``migrate-to`` does (:mod:`bridgedesk.storage.copy_verification`):
each table's rows, as the dump holds them, go both into the table and into a temporary twin
of it; after the constraints and indexes are on, the two are compared by row count and a
checksum over every value. A difference means something between the dump and the table
(a rule, a trigger, a default, a lost row) changed what was restored.
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

from sqlalchemy import Connection, MetaData, text

from bridgedesk.errors import DatabaseError
from bridgedesk.storage.copy_verification import TableCheck, table_checksum

log = logging.getLogger(__name__)

# The meta-commands pg_restore (PostgreSQL 17.6, 16.10, 15.14, ... and later) writes around
# a script so psql runs nothing smuggled between them; plain SQL has no use for them.
RESTRICT = (b"\\restrict ", b"\\unrestrict ")
_IDENT = rb'(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)'
_COPY = re.compile(
    rb"^COPY (?P<table>" + _IDENT + rb"\." + _IDENT + rb") "
    rb"\((?P<columns>" + _IDENT + rb"(?:, " + _IDENT + rb")*)\) FROM stdin;$"
)
SPOOL_BYTES = 16 * 1024 * 1024  # a table's rows in memory up to this, then in a temp file
CHUNK = 1024 * 1024


class NotARestoreScript(DatabaseError):
    """The script holds something a pg_dump backup of a BridgeDesk program never does."""


@dataclass(frozen=True)
class Twin:
    """A restored table and the temporary table holding the same rows, straight from the dump."""

    schema: str
    table: str
    twin: str


def run_sql(conn: Connection, script: bytes) -> None:
    """Run a pre-data or post-data script (SQL only: no COPY, no psql meta-command)."""
    kept = []
    for line in script.splitlines(keepends=True):
        if line.startswith(RESTRICT):
            continue
        if line.startswith(b"\\") or _COPY.match(line.rstrip(b"\r\n")):
            raise NotARestoreScript("it holds commands a BridgeDesk server backup never holds")
        kept.append(line)
    _execute(conn, b"".join(kept))


def load_data(conn: Connection, lines: Iterable[bytes]) -> list[Twin]:
    """Run the data section: each table's rows into the table and into its twin."""
    twins: list[Twin] = []
    pending: list[bytes] = []
    block: tuple[bytes, bytes] | None = None
    spool: IO[bytes] | None = None
    for line in lines:
        if block is not None and spool is not None:
            if line.rstrip(b"\r\n") == b"\\.":
                twins.append(_load_block(conn, block, spool, len(twins)))
                block, spool = None, None
            else:
                spool.write(line)
            continue
        copy = _COPY.match(line.rstrip(b"\r\n"))
        if copy:
            _execute(conn, b"".join(pending))
            pending = []
            block = (copy["table"], copy["columns"])
            spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
        elif line.startswith(RESTRICT):
            continue
        elif line.startswith(b"\\"):
            raise NotARestoreScript("it holds commands a BridgeDesk server backup never holds")
        else:
            pending.append(line)
    if block is not None:
        raise NotARestoreScript("its data ends in the middle of a table")
    _execute(conn, b"".join(pending))
    return twins


def _load_block(conn: Connection, block: tuple[bytes, bytes], spool: IO[bytes], n: int) -> Twin:
    table, columns = (part.decode("utf-8") for part in block)
    schema, name = (_unquote(part) for part in _split_qualified(table))
    twin = f"bridgedesk_restored_{n}"
    with spool:
        conn.execute(text(f"CREATE TEMP TABLE {twin} (LIKE {table}) ON COMMIT DROP"))
        for target in (table, f"pg_temp.{twin}"):
            spool.seek(0)
            _copy_in(conn, f"COPY {target} ({columns}) FROM STDIN", spool)
    return Twin(schema, name, twin)


def verify(conn: Connection, twins: list[Twin]) -> list[TableCheck]:
    """Row counts and checksums of each restored table against the dump's rows (its twin)."""
    by_schema: dict[str, list[str]] = {}
    for t in twins:
        by_schema.setdefault(t.schema, []).append(t.table)
    reflected = MetaData()
    for schema, names in by_schema.items():
        reflected.reflect(conn, schema=schema, only=names)
    checks = []
    for t in twins:
        table = reflected.tables[f"{t.schema}.{t.table}"]
        # the twin's name unqualified: PostgreSQL looks among temporary tables first
        dumped = table.to_metadata(MetaData(), schema=None, name=t.twin)  # type: ignore[arg-type]
        dump_rows, dump_sha = table_checksum(conn, dumped)
        rows, sha = table_checksum(conn, table)
        checks.append(TableCheck(t.table, dump_rows, rows, dump_sha, sha))
    return checks


def search_path(conn: Connection) -> str:
    return str(conn.execute(text("SELECT current_setting('search_path')")).scalar())


def set_search_path(conn: Connection, value: str) -> None:
    """Put back the search path the script changed (it empties it for its own statements)."""
    conn.execute(text("SELECT set_config('search_path', :v, false)"), {"v": value})


# ---- the driver's own calls: many statements in one string, and COPY ---------------------
def _execute(conn: Connection, sql: bytes) -> None:
    if not sql.strip():
        return
    with _driver(conn).cursor() as cursor:
        cursor.execute(sql.decode("utf-8"))  # no parameters: psycopg runs every statement


def _copy_in(conn: Connection, statement: str, rows: IO[bytes]) -> None:
    with _driver(conn).cursor() as cursor, cursor.copy(statement) as copy:
        while chunk := rows.read(CHUNK):
            copy.write(chunk)


def _driver(conn: Connection) -> Any:
    """The psycopg connection under ``conn`` (the same transaction)."""
    return conn.connection.driver_connection


def _split_qualified(name: str) -> tuple[str, str]:
    match = re.fullmatch(r'("(?:[^"]|"")+"|[^."]+)\.("(?:[^"]|"")+"|[^."]+)', name)
    if match is None:
        raise NotARestoreScript("it names a table BridgeDesk cannot read")
    return match[1], match[2]


def _unquote(part: str) -> str:
    return part[1:-1].replace('""', '"') if part.startswith('"') else part
