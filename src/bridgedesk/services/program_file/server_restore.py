"""``bridgedesk restore FILE`` on a shared server: a pg_dump backup into an EMPTY database.

A server restore never overwrites anything: the target must be empty, as CREATE DATABASE
leaves it (restoring over a live program would throw away whatever others saved since the
backup). Before anything is written, the dump is read: a file that is not a pg_dump backup,
one from a newer BridgeDesk, or one holding something BridgeDesk did not make (a trigger,
a function, a view, ...) is refused in one sentence. Then the dump's own SQL, written by
``pg_restore`` section by section, runs in ONE transaction with the same verification as
``migrate-to`` (row counts and checksums per table, :mod:`bridgedesk.storage.dump_restore`)
and the same schema comparison as ``bridgedesk check``; any failure rolls everything back
and the database is as empty as it was. The password stays out of every command line.
"""

from __future__ import annotations

import logging
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from bridgedesk.errors import DatabaseError, UserError
from bridgedesk.services.program_file import connection_settings, server_backup
from bridgedesk.storage import dump_restore, migrate, sequences, server_schema
from bridgedesk.storage.copy_verification import TableCheck
from bridgedesk.storage.engine import make_engine
from bridgedesk.storage.model_compare import model_differences

log = logging.getLogger(__name__)
PGDMP = b"PGDMP"  # the first bytes of pg_dump's custom format
SQLITE = b"SQLite format 3\x00"
# Dump entries that carry no object of their own (rows, sequence positions, column defaults).
NOT_OBJECTS = {"TABLE DATA", "SEQUENCE SET", "SEQUENCE OWNED BY", "DEFAULT", "COMMENT", "ACL"}


@dataclass(frozen=True)
class RestoreReport:
    database: str
    revision: str
    checks: list[TableCheck]
    seconds: float

    def lines(self) -> list[str]:
        """The table of counts for the terminal, then the verdict."""
        width = max([len(c.table) for c in self.checks] + [5])
        out = [f"{'table':<{width}}  {'backup':>9}  {'server':>9}  checksum"]
        for c in self.checks:
            verdict = "same" if c.matches else "DIFFERENT"
            out.append(f"{c.table:<{width}}  {c.source_rows:>9,}  {c.target_rows:>9,}  {verdict}")
        rows = sum(c.target_rows for c in self.checks)
        out.append(
            f"{rows:,} rows in {len(self.checks)} tables restored into database {self.database} "
            f"(schema {self.revision}) in {self.seconds:.1f} s; row counts and checksums match."
        )
        return out


def restore_dump(url: str, dump: Path) -> RestoreReport:
    """Restore the pg_dump file ``dump`` into the empty server database at ``url``."""
    began = time.perf_counter()
    parsed = connection_settings.parse_server_url(url)
    database = parsed.database or "postgres"
    _require_server_backup(dump)
    pg_restore = server_backup.find_tool("pg_restore")
    if pg_restore is None:
        raise UserError(
            "Restoring a server backup needs pg_restore, which is not installed here; "
            "install PostgreSQL's client tools and run bridgedesk restore again."
        )
    entries = _entries(server_backup.dump_contents(dump))
    revision = _revision(dump)
    engine = make_engine(parsed, poolclass=NullPool)
    try:
        try:
            conn = engine.connect()
        except DBAPIError as exc:
            raise UserError(connection_settings.explain_failure(exc, parsed)) from None
        with conn, conn.begin():
            checks = _restore(conn, pg_restore, dump, database, revision, entries)
    except DBAPIError as exc:
        log.warning("server restore failed: %s", getattr(exc.orig, "sqlstate", "?"))
        raise DatabaseError(
            f"{dump.name} could not be restored ({_reason(exc)}); database {database} was "
            "left empty."
        ) from None
    finally:
        engine.dispose()
    report = RestoreReport(database, revision, checks, time.perf_counter() - began)
    log.info("server backup restored: %d tables", len(checks))
    return report


def _restore(
    conn: Connection,
    pg_restore: Path,
    dump: Path,
    database: str,
    revision: str,
    entries: list[tuple[str, str]],
) -> list[TableCheck]:
    found = server_schema.first_object(conn)
    if found is not None:
        raise UserError(
            f"Database {database} is not empty (it holds {found}); restore into a new, empty "
            "database, so nothing saved there is overwritten."
        )
    expected = server_schema.expected_schema(conn, revision)
    _refuse_extras(dump, entries, expected)
    path = dump_restore.search_path(conn)
    dump_restore.run_sql(conn, _section(pg_restore, dump, "pre-data"))
    with _streamed(pg_restore, dump, "data") as lines:
        twins = dump_restore.load_data(conn, lines)
    dump_restore.run_sql(conn, _section(pg_restore, dump, "post-data"))
    dump_restore.set_search_path(conn, path)
    sequences.catch_up(conn)  # a backup of a program whose sequences fell behind: not again
    checks = dump_restore.verify(conn, twins)
    wrong = [c for c in checks if not c.matches]
    if wrong:
        raise DatabaseError(
            f"{dump.name} was not restored: table {wrong[0].table} on the server differs from "
            f"the backup ({wrong[0].source_rows} rows there, {wrong[0].target_rows} here); "
            f"database {database} was left empty."
        )
    problems = server_schema.schema_differences(conn, revision, expected)
    if revision == migrate.head_revision():
        problems += [sentence for _k, _n, sentence in model_differences(conn)]
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DatabaseError(
            f"{dump.name} was not restored: {problems[0]}{more}; database {database} was left "
            "empty."
        )
    return checks


def _require_server_backup(dump: Path) -> None:
    try:
        with dump.open("rb") as fh:
            head = fh.read(len(SQLITE))
    except FileNotFoundError:
        raise UserError(f"{dump} does not exist.") from None
    except IsADirectoryError:
        raise UserError(f"{dump} is a folder, not a server backup.") from None
    if head.startswith(SQLITE):
        raise UserError(
            f"{dump.name} is a backup of a program file; a shared server is restored from a "
            "server backup (bridgedesk backup on the server). To move this file's program "
            "to a server, restore it without --database-url, then use migrate-to."
        )
    if not head.startswith(PGDMP):
        raise UserError(
            f"{dump.name} is not a server backup (pg_dump's custom format, as bridgedesk "
            "backup writes it on a server)."
        )


def _entries(contents: list[str]) -> list[tuple[str, str]]:
    """(type, name) of each object a dump's table of contents lists."""
    found = []
    for line in contents:
        # "214; 1259 16385 TABLE public alembic_version postgres": id; catalog oid; then
        # the type (one or more words), the schema, the name (may hold spaces), the owner.
        words = line.split(";", 1)[-1].split()[2:]
        for size in (3, 2, 1):
            kind = " ".join(words[:size])
            if kind in _KINDS or kind in NOT_OBJECTS:
                rest = words[size:]
                name = " ".join(rest[1:-1]) if len(rest) > 2 else " ".join(rest[1:])
                found.append((kind, name))
                break
        else:
            found.append((" ".join(words[:1]), " ".join(words[1:])))
    return found


# What a dump's entry types are called in the schema comparison.
_KINDS = {
    "TABLE": "table",
    "SEQUENCE": "sequence",
    "INDEX": "index",
    "CONSTRAINT": "constraint",
    "FK CONSTRAINT": "foreign key",
    "TRIGGER": "trigger",
    "VIEW": "view",
    "MATERIALIZED VIEW": "materialized view",
    "FUNCTION": "function",
    "PROCEDURE": "procedure",
    "AGGREGATE": "aggregate",
    "RULE": "rule",
    "POLICY": "row policy",
    "TYPE": "type",
    "DOMAIN": "domain",
}


def _refuse_extras(
    dump: Path, entries: list[tuple[str, str]], expected: set[server_schema.Entry]
) -> None:
    """Refuse, before anything is written, a dump holding what the revision does not make."""
    names = {e.name for e in expected} | {e.name.split(" on table ")[0] for e in expected}
    names |= {e.name.split("(")[0] for e in expected}
    for kind, name in entries:
        if kind in NOT_OBJECTS:
            continue
        words = name.split()
        own = (
            words[-1]
            if kind in ("CONSTRAINT", "FK CONSTRAINT", "TRIGGER", "RULE", "POLICY")
            else name
        )
        if kind not in _KINDS or own.split("(")[0] not in names:
            label = _KINDS.get(kind, kind.lower())
            raise UserError(
                f"{dump.name} cannot be restored: it holds {_article(label)} {label} {name} "
                "that BridgeDesk did not make; nothing was written."
            )


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _revision(dump: Path) -> str:
    rows = server_backup.table_rows(dump, migrate.VERSION_TABLE)
    if rows is None:
        raise UserError(f"{dump.name} is not a readable server backup.")
    if not rows:
        raise UserError(f"{dump.name} cannot be restored: it holds no BridgeDesk program.")
    revision = rows[0].decode("utf-8", "replace").strip()
    if revision not in migrate.known_revisions():
        raise UserError(
            f"{dump.name} cannot be restored: it was written by a newer version of BridgeDesk "
            f"(schema {revision}); install that version or newer to restore it."
        )
    return revision


def _section(pg_restore: Path, dump: Path, section: str) -> bytes:
    done = subprocess.run(_command(pg_restore, dump, section), capture_output=True)
    if done.returncode != 0:
        raise UserError(f"{dump.name} is not a readable server backup.")
    return done.stdout


class _streamed:
    """The data section's lines straight from pg_restore, which must end well."""

    def __init__(self, pg_restore: Path, dump: Path, section: str) -> None:
        self.dump = dump
        self.process = subprocess.Popen(
            _command(pg_restore, dump, section),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )

    def __enter__(self) -> IO[bytes]:
        assert self.process.stdout is not None
        return self.process.stdout

    def __exit__(self, kind: object, *_: object) -> None:
        if kind is not None:
            self.process.kill()
        code = self.process.wait()
        if kind is None and code != 0:
            raise UserError(f"{self.dump.name} is not a readable server backup.")


def _command(pg_restore: Path, dump: Path, section: str) -> list[str]:
    return [
        str(pg_restore),
        f"--section={section}",
        "--no-owner",
        "--no-privileges",
        "--no-comments",
        "--file=-",
        str(dump),
    ]


def _reason(exc: DBAPIError) -> str:
    """Why the server refused, naming at most a table and a constraint (never a value)."""
    diag = getattr(exc.orig, "diag", None)
    table = getattr(diag, "table_name", None)
    constraint = getattr(diag, "constraint_name", None)
    if table and constraint:
        return f"the server refused its rows of table {table}: they break {constraint}"
    if table:
        return f"the server refused its rows of table {table}"
    return "the server refused it; the reason is in the server's log"
