"""``bridgedesk check`` on a shared PostgreSQL server: one sentence per problem found.

In order: the connection; the schema revision (a newer one is refused, an empty or foreign
database said so); the schema compared with what the migrations build for that revision
(:mod:`bridgedesk.storage.server_schema`), and at the head revision with the models
(:mod:`bridgedesk.storage.model_compare`); then the program's own consistency: no row
pointing at a row that is not there, and the checklist summary equal to a recount of the
ratings. Everything runs in one REPEATABLE READ transaction that is rolled back: the check
changes nothing on the server, writes nothing there and locks nothing another user waits on.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from bridgedesk.errors import UserError
from bridgedesk.services.checklists.summary import STALE_KEY, refresh
from bridgedesk.services.program_file import connection_settings
from bridgedesk.storage import consistency, migrate, sequences, server_schema
from bridgedesk.storage.engine import make_engine
from bridgedesk.storage.model_compare import model_differences
from bridgedesk.storage.models import ChecklistSummary, Setting

log = logging.getLogger(__name__)


@dataclass
class ServerCheck:
    """What the check found in one server database (named by ``database``, no password)."""

    database: str
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_server(url: str) -> ServerCheck:
    """Check the server database at ``url``; UserError (one sentence) when it can't be reached."""
    began = time.perf_counter()
    parsed = connection_settings.parse_server_url(url)
    result = ServerCheck(connection_settings.masked(url))
    engine = make_engine(parsed, poolclass=NullPool)
    try:
        try:
            conn = engine.connect()
        except DBAPIError as exc:
            raise UserError(connection_settings.explain_failure(exc, parsed)) from None
        with conn:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            transaction = conn.begin()
            try:
                _check(conn, parsed.database or "postgres", result)
            finally:
                transaction.rollback()  # the check never keeps anything
    finally:
        engine.dispose()
    result.seconds = time.perf_counter() - began
    log.info("server check: %d problems in %.2f s", len(result.problems), result.seconds)
    return result


def _check(conn: Connection, name: str, result: ServerCheck) -> None:
    def problem(sentence: str) -> None:
        result.problems.append(f"database {name}: {sentence}")

    revision = server_schema.stamped_revision(conn)
    if revision is None:
        found = server_schema.first_object(conn)
        if found is None:
            problem("it is empty: there is no BridgeDesk program in it yet")
        else:
            problem(f"it is not a BridgeDesk database (it holds {found} and no schema revision)")
        return
    if revision not in migrate.known_revisions():
        problem(
            f"it was written by a newer version of BridgeDesk (schema {revision}); "
            "install that version or newer to check or open it"
        )
        return
    named = server_schema.schema_differences(conn, revision)
    for sentence in named:
        problem(sentence)
    if revision != migrate.head_revision():
        result.notes.append(
            f"database {name} is at schema revision {revision}: BridgeDesk upgrades it to "
            f"{migrate.head_revision()} at its next start, and its data is checked from then on"
        )
        return
    for _kind, _name, sentence in _not_yet_named(model_differences(conn), named):
        problem(sentence)
    steps = (
        ("foreign keys", consistency.orphan_rows),
        ("id sequences", _sequences),
        ("checklist summary", _summary),
    )
    for label, step in steps:
        for sentence in _guarded(conn, label, step, result.notes, name):
            problem(sentence)


def _not_yet_named(
    found: list[tuple[str, str, str]], named: list[str]
) -> list[tuple[str, str, str]]:
    """Model differences about something the revision's comparison did not already name."""
    said = " ".join(named)
    return [d for d in found if f" {d[1]} " not in f" {said} "]


def _guarded(
    conn: Connection,
    label: str,
    step: Callable[[Connection], list[str]],
    notes: list[str],
    name: str,
) -> list[str]:
    """Run one consistency check in a savepoint; a schema too changed to run it is a note."""
    savepoint = conn.begin_nested()
    try:
        return step(conn)
    except DBAPIError as exc:
        log.warning("server check %s could not run: %s", label, type(exc.orig).__name__)
        notes.append(
            f"database {name}: the {label} check could not run (the server refused its "
            "query: a table changed, see the problems above, or a user who may not read it)"
        )
        return []
    finally:
        savepoint.rollback()


def _sequences(conn: Connection) -> list[str]:
    """Tables whose id sequence would hand out an id already taken (a new row would fail)."""
    return [
        f"its table {table} would give the next new row the id {upcoming}, which is taken "
        f"(the highest is {top}); adding one would fail"
        for table, upcoming, top in sequences.behind(conn)
    ]


def _summary(conn: Connection) -> list[str]:
    """The checklist summary rows compared with a recount of the ratings they come from.

    The recount is the service's own :func:`refresh`, writing into a temporary copy of the
    table (:func:`consistency.scratch_copy`), so the stored rows are never touched.
    """
    table = ChecklistSummary.__table__
    with Session(bind=conn) as session:
        if session.scalar(select(Setting.key).where(Setting.key == STALE_KEY)) is not None:
            return []  # marked for a rebuild at the next start: nothing to compare yet
        stored = consistency.stored_rows(conn, table)
        with consistency.scratch_copy(conn, table):
            refresh(session)
            recounted = consistency.stored_rows(conn, table)
    if stored == recounted:
        return []
    at = [c.name for c in table.columns if c.name != "id"].index("mentee_id")
    wrong = Counter(stored)
    wrong.subtract(recounted)
    mentees = sorted({int(row[at]) for row, n in wrong.items() if n})
    ids = ", ".join(map(str, mentees[:10])) + (", …" if len(mentees) > 10 else "")
    noun = "mentee" if len(mentees) == 1 else "mentees"
    return [
        f"its checklist summary of {len(mentees)} {noun} (id {ids}) differs from a recount "
        "of their ratings"
    ]
