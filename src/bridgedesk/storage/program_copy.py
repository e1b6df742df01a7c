"""Copy a SQLite program file into an empty PostgreSQL database, then prove the copy exact.

Moving a program to a shared server is done once, so it is all or nothing: the target is
migrated, filled and verified inside ONE transaction (PostgreSQL runs DDL in transactions),
and any failure, a checksum mismatch included, rolls it back to empty. The source file is
opened read-only through SQLite's ``mode=ro`` and read in one snapshot; it is never changed.
Rows keep their ids, so the audit trail and every reference still point at the right records;
the audit entries are copied verbatim rather than new ones written for the copy. Which
tables and how they are read: ``copy_tables``; the counts and checksums: ``copy_verification``.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import (
    Connection,
    Engine,
    Table,
    bindparam,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from bridgedesk.errors import DatabaseError, UserError
from bridgedesk.storage import db_errors, migrate, sequences
from bridgedesk.storage.copy_tables import (
    NOT_COPIED,
    copied_tables,
    open_source_readonly,
    readable_columns,
)
from bridgedesk.storage.copy_verification import (
    TableCheck,
    compare,
    normalised,
    table_checksum,
    verify_copy,
)
from bridgedesk.storage.engine import make_engine
from bridgedesk.storage.models import Base

# Callers (the CLI, tests) import the table list and the verification from here.
__all__ = [
    "BATCH_ROWS",
    "NOT_COPIED",
    "CopyFailed",
    "CopyReport",
    "Progress",
    "TableCheck",
    "compare",
    "copied_tables",
    "copy_program",
    "normalised",
    "open_source_readonly",
    "table_checksum",
    "verify_copy",
]

BATCH_ROWS = 2_000
log = logging.getLogger(__name__)
Progress = Callable[[str, int], None]


class CopyFailed(DatabaseError):
    """The copy did not happen and the server database is as it was (empty).

    The sentence never carries the driver's text (it is logged); ``connecting`` is True when
    the server could not even be reached, so the CLI can explain that with the URL in hand.
    """

    def __init__(self, message: str, connecting: bool = False):
        super().__init__(message)
        self.connecting = connecting


@dataclass(frozen=True)
class CopyReport:
    checks: list[TableCheck]
    seconds: float

    @property
    def total_rows(self) -> int:
        return sum(c.target_rows for c in self.checks)

    def lines(self) -> list[str]:
        """A table of counts for the terminal, then the verdict."""
        width = max(len(c.table) for c in self.checks)
        out = [f"{'table':<{width}}  {'file':>9}  {'server':>9}  checksum"]
        for c in self.checks:
            verdict = "same" if c.matches else "DIFFERENT"
            out.append(f"{c.table:<{width}}  {c.source_rows:>9,}  {c.target_rows:>9,}  {verdict}")
        out.append(
            f"{self.total_rows:,} rows in {len(self.checks)} tables copied in "
            f"{self.seconds:.1f} s; row counts and checksums match."
        )
        return out


# ---- the copy --------------------------------------------------------------------------
def copy_program(
    source: Path, target_url: str, batch_rows: int = BATCH_ROWS, progress: Progress | None = None
) -> CopyReport:
    """Copy the program file ``source`` into the empty database at ``target_url``.

    Refuses a target that already holds data, and a source from another schema revision.
    Returns the per-table counts and checksums, all equal (otherwise it raised, target empty).
    """
    began = time.perf_counter()
    source_engine = open_source_readonly(source)
    target_engine = make_engine(target_url, poolclass=NullPool)
    try:
        _require_head(source_engine, source)
        with (
            source_engine.connect() as src,
            src.begin(),
            _connect(target_engine) as dst,
            dst.begin(),
        ):
            _refuse_non_empty(dst)
            _migrate_to_head(dst)
            for table in copied_tables():
                copied = _copy_table(src, dst, table, batch_rows)
                if progress is not None:
                    progress(table.name, copied)
            sequences.catch_up(dst)  # new rows get ids after the copied
            checks = compare(src, dst)
            _raise_on_mismatch(checks)
    except DBAPIError as exc:
        log.warning("copy to the server failed: %s", _first_line(exc))
        raise CopyFailed(
            f"The copy failed ({_reason(exc)}) and the server database was left empty."
        ) from exc
    finally:
        source_engine.dispose()
        target_engine.dispose()
    report = CopyReport(checks, time.perf_counter() - began)
    log.info("program copied to the server: %s rows", report.total_rows)
    return report


def _connect(engine: Engine) -> Connection:
    try:
        return engine.connect()
    except DBAPIError as exc:
        log.warning("could not connect to the server: %s", _first_line(exc))
        raise CopyFailed(
            "BridgeDesk could not connect to the server, so nothing was copied.", connecting=True
        ) from exc


def _require_head(source_engine: Engine, source: Path) -> None:
    try:
        revision = migrate.current_revision(source_engine)
    except DBAPIError as exc:
        log.warning("could not read %s: %s", source, _first_line(exc))
        raise CopyFailed(f"{source.name} could not be read, so nothing was copied.") from exc
    if revision != migrate.head_revision():
        raise UserError(
            f"{source.name} is at schema revision {revision or 'none'}, not "
            f"{migrate.head_revision()}; start BridgeDesk once on it to bring it up to date first."
        )


def _refuse_non_empty(dst: Connection) -> None:
    names = set(inspect(dst).get_table_names())
    known = {t.name for t in Base.metadata.sorted_tables} | NOT_COPIED
    foreign = sorted(names - known)
    if foreign:
        raise UserError(
            f"The server database already holds other tables ({', '.join(foreign[:3])}); "
            "copy into a new, empty database."
        )
    for table in copied_tables():
        if table.name in names and dst.execute(select(func.count()).select_from(table)).scalar():
            raise UserError(
                f"The server database is not empty (table {table.name} holds rows); "
                "copy into a new, empty database so nothing there is overwritten."
            )


def _migrate_to_head(dst: Connection) -> None:
    cfg = migrate.alembic_config()
    cfg.attributes["connection"] = dst
    command.upgrade(cfg, "head")


def _copy_table(src: Connection, dst: Connection, table: Table, batch_rows: int) -> int:
    """Insert the rows in batches; a column referring to its own table is filled in after.

    (A check-in's ``rescheduled_to_id`` may point at a later check-in, which is not there yet
    when the earlier one is inserted, and the server checks foreign keys on every insert.)
    """
    names = [c.name for c in table.columns]
    later = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    # Columns with an on-update default (updated_at) are set to their copied value, not now.
    kept = [c.name for c in table.columns if c.onupdate is not None and c.name not in later]
    keys = [c.name for c in table.primary_key.columns]
    statement = insert(table)  # executemany: psycopg pipelines the batch in one round trip
    result = src.execution_options(stream_results=True).execute(
        select(*readable_columns(table)).order_by(*table.primary_key.columns)
    )
    copied = 0
    pending: list[dict[str, Any]] = []
    try:
        while batch := result.fetchmany(batch_rows):
            rows = [dict(zip(names, row, strict=True)) for row in batch]
            for row in rows:
                if any(row[name] is not None for name in later):
                    pending.append(
                        {f"k_{k}": row[k] for k in keys} | {n: row[n] for n in (*later, *kept)}
                    )
                    row.update(dict.fromkeys(later))
            dst.execute(statement, rows)
            copied += len(rows)
        if pending:
            dst.execute(
                update(table)
                .where(*[table.c[k] == bindparam(f"k_{k}") for k in keys])
                .values({n: bindparam(n) for n in (*later, *kept)}),
                pending,
            )
    except DBAPIError as exc:
        log.warning("table %s could not be copied: %s", table.name, _first_line(exc))
        raise CopyFailed(
            f"Table {table.name} could not be copied ({_reason(exc)}), so the server "
            "database was left empty."
        ) from exc
    return copied


def _raise_on_mismatch(checks: list[TableCheck]) -> None:
    wrong = [c for c in checks if not c.matches]
    if wrong:
        first = wrong[0]
        raise DatabaseError(
            f"The copy of table {first.table} differs from the file ({first.source_rows} rows "
            f"there, {first.target_rows} on the server); the server database was left empty."
        )


def _reason(exc: DBAPIError) -> str:
    """Why a copy failed, in plain words; the driver's own text goes to the log only."""
    if isinstance(exc.orig, sqlite3.Error):
        return "the program file could not be read"
    translated = db_errors.translate(exc)
    if translated is not None and str(translated) == db_errors.SERVER_GONE:
        return "the connection to the server was lost"
    return "the server refused the data; its message is in the log"


def _first_line(exc: BaseException) -> str:
    detail = str(getattr(exc, "orig", exc) or exc).strip()
    return detail.splitlines()[0] if detail else type(exc).__name__
