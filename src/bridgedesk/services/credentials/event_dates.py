"""The credential event-date index: the deadline engine's dates, stored so SQL can window them.

A visa's six-year limit or a waiver's work-start deadline is derived from the credential's
fields by the rules in force (:mod:`bridgedesk.domain.deadline_engine`); it is no column
of the credential. To answer "what falls due this week" at 10,000 mentees without running
the engine over every credential, each credential's dated events are kept in
``credential_event_dates``:

* any ORM write of a credential (the service, a test) refreshes its rows in the same flush;
* a newly saved rules version refreshes every credential in the same flush;
* bulk writers (the demo) call :func:`refresh` themselves;
* opening a program refreshes everything when the stamp (the engine's version and the rules
  in force) differs from the one stored with the rows: after migration 0009 (no stamp yet),
  after an upgrade that changed the shipped rules or the engine.

The index only finds candidates: readers still rate each credential found with the engine,
so a date shown is always the engine's own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, event, insert, or_, select, text
from sqlalchemy.orm import Session

from bridgedesk.domain.deadline_engine import ENGINE_VERSION, CredentialFacts, dated_events
from bridgedesk.domain.deadline_rules import KindRules
from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.services.credentials.field_values import read_values
from bridgedesk.services.credentials.rules import default_rules_text, rules_in_force
from bridgedesk.storage.models import (
    Credential,
    CredentialEventDate,
    CredentialKind,
    CredentialRuleVersion,
    Mentee,
    Setting,
)

STAMP_KEY = "credential_event_dates_stamp"
CHUNK = 500
# PostgreSQL: one transaction-level advisory lock serialises every refresh of the table. A
# refresh deletes rows and inserts them again: without it, two users' transactions (a rules
# save and a credential edit, or two programs opening after an upgrade) insert the same keys.
# SQLite allows one writer at a time already.
REFRESH_LOCK = 0x42445245  # "BDRE"

_dates = CredentialEventDate.__table__
_settings = Setting.__table__


def stamp(session: Session) -> str:
    """What the stored rows were computed with: the engine's version and the rules in force
    (the newest saved version, else the shipped file's digest)."""
    newest = session.scalar(
        select(CredentialRuleVersion.version).order_by(CredentialRuleVersion.version.desc())
    )
    if newest is not None:
        rules = f"saved-{newest}"
    else:
        rules = "shipped-" + hashlib.sha256(default_rules_text().encode()).hexdigest()[:16]
    return f"engine-{ENGINE_VERSION}:{rules}"


def refresh_if_stale(session: Session) -> bool:
    """Recompute every credential's rows when the stored stamp is not the current one; True if
    it did.

    One transaction with the caller's: a kill leaves the old rows and the old stamp (done
    again at the next start) or the new ones.
    """
    if _stored_stamp(session) == stamp(session):
        return False
    _serialise(session)  # another program may be refreshing: wait, then look again
    if _stored_stamp(session) == stamp(session):
        return False
    refresh(session)
    return True


def _stored_stamp(session: Session) -> str | None:
    return session.scalar(select(Setting.value).where(Setting.key == STAMP_KEY))


def _serialise(session: Session) -> None:
    """Hold the refresh lock until this transaction ends (PostgreSQL; a no-op on SQLite)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": REFRESH_LOCK})


def refresh(session: Session, credential_ids: Iterable[int] | None = None) -> None:
    """Recompute the rows of these credentials (all when None, which also writes the stamp)."""
    _serialise(session)
    rules = rules_in_force(session)
    query = select(
        Credential.id, CredentialKind.code, Credential.issued_on, Credential.expires_on,
        Credential.field_values,
    ).join(CredentialKind, CredentialKind.id == Credential.kind_id)  # fmt: skip
    if credential_ids is None:
        session.execute(delete(_dates))
        _write(session, session.execute(query.order_by(Credential.id)), rules)
        _write_stamp(session)
        return
    for chunk in _chunks(sorted(set(credential_ids))):
        session.execute(delete(_dates).where(_dates.c.credential_id.in_(chunk)))
        _write(session, session.execute(query.where(Credential.id.in_(chunk))), rules)


def _write(session: Session, rows: Iterable[Any], rules: Mapping[str, KindRules]) -> None:
    batch: list[dict[str, Any]] = []
    for cid, code, issued, expires, values in rows:
        kind = rules.get(code)
        if kind is None:
            continue
        uses_values = bool(kind.derived)  # fields matter only as bases of derived dates
        facts = CredentialFacts(issued, expires, read_values(values) if uses_values else {})
        batch.extend(
            {"credential_id": cid, "key": e.key, "event": e.event, "event_on": e.on,
             "satisfied": e.satisfied, "no_work": e.no_work}
            for e in dated_events(facts, kind)
        )  # fmt: skip
        if len(batch) >= 5000:
            session.execute(insert(_dates), batch)
            batch = []
    if batch:
        session.execute(insert(_dates), batch)


def _write_stamp(session: Session) -> None:
    now = stamp(session)
    session.execute(delete(_settings).where(_settings.c.key == STAMP_KEY))
    session.execute(insert(_settings).values(key=STAMP_KEY, value=now))


Window = tuple[Collection[str], dt.date | None, dt.date | None]  # event kinds, first, last


def with_events(*windows: Window) -> ColumnElement[bool]:
    """``Credential.id`` has an unmet event of the window's kinds dated from its first to its
    last day (either may be None: open), in any of the windows: one subquery over the index
    on the event date."""
    dates = _dates.c
    either: list[ColumnElement[bool]] = []
    for events, first, last in windows:
        window: list[ColumnElement[bool]] = [dates.event.in_(sorted(set(events)))]
        if first is not None:
            window.append(dates.event_on >= first)
        if last is not None:
            window.append(dates.event_on <= last)
        either.append(and_(*window))
    found = select(dates.credential_id).where(dates.satisfied.is_(False), or_(*either))
    return Credential.id.in_(found)


def waiver_obligations(
    session: Session, site_id: int | None = None
) -> list[tuple[str, dt.date, MenteeStatus, dt.date | None]]:
    """(kind name, obligation end, mentee status, exit date) of every waiver with a known
    obligation end: the kinds whose rules say what leaving early costs (not an NIW's count)."""
    rules = rules_in_force(session)
    codes = sorted(code for code, kind in rules.items() if kind.leaving_early)
    stmt = (
        select(CredentialKind.name, _dates.c.event_on, Mentee.status, Mentee.exit_date)
        .select_from(_dates)
        .join(Credential, Credential.id == _dates.c.credential_id)
        .join(CredentialKind, CredentialKind.id == Credential.kind_id)
        .join(Mentee, Mentee.id == Credential.mentee_id)
        .where(_dates.c.event == "obligation_ends", CredentialKind.code.in_(codes))
    )  # fmt: skip
    if site_id is not None:
        stmt = stmt.where(Mentee.site_id == site_id)
    return [(name, on, status, left) for name, on, status, left in session.execute(stmt)]


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


# ----- kept exact on every ORM write ---------------------------------------------------------

_PENDING = "credential_event_dates_pending"
_ALL = "credential_event_dates_all"


@event.listens_for(Session, "before_flush")
def _note_written_credentials(session: Session, _context: Any, _instances: Any) -> None:
    """Remember the credentials (and rules versions) this flush writes."""
    pending: list[Credential] = session.info.setdefault(_PENDING, [])
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Credential):
            pending.append(obj)
        elif isinstance(obj, CredentialRuleVersion):
            session.info[_ALL] = True


@event.listens_for(Session, "after_flush")
def _refresh_written_credentials(session: Session, _context: Any) -> None:
    """Any ORM write of a credential keeps its dates exact; new rules redo them all.

    A deleted credential's rows go with it (ON DELETE CASCADE)."""
    pending: list[Credential] = session.info.pop(_PENDING, [])
    if session.info.pop(_ALL, False):
        refresh(session)
        return
    ids = [c.id for c in pending if c.id is not None and c not in session.deleted]
    if ids:
        refresh(session, ids)
