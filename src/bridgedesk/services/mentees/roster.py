"""Edit one mentee at a time: create, read, update (optimistic), archive, delete, find.

Lists for tables live in :mod:`roster_rows`; this module loads ORM objects only for the
single record being edited.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from bridgedesk.domain import mentee_rules
from bridgedesk.domain.enums import MenteeRole, MenteeStatus
from bridgedesk.domain.phases import PhaseSpan, phase_on_date
from bridgedesk.errors import ConflictError, NotFoundError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import AuditEntry, Mentee, Phase, Site

Clock = Callable[[], dt.date]


@dataclass
class MenteeFields:
    """The editable profile; used by the form, the import and the service."""

    given_names: str = ""
    family_name: str = ""
    native_name: str = ""
    preferred_name: str = ""
    pronouns: str = ""
    country_of_training: str = ""
    medical_school: str = ""
    graduation_year: int | None = None
    specialty: str = ""
    role: MenteeRole = MenteeRole.RESIDENT
    site: str = ""  # site name; created on first use
    start_date: dt.date | None = None
    phase_id: int | None = None
    email: str = ""
    phone: str = ""
    languages: str = ""
    visa_kind: str = ""
    notes: str = ""

    def texts(self) -> dict[str, str]:
        return {f.name: v for f in fields(self) if isinstance(v := getattr(self, f.name), str)}

    def normalized(self) -> MenteeFields:
        """A copy with every text in NFC and trimmed (notes keep their inner layout)."""
        data: dict[str, Any] = asdict(self)
        for name, value in self.texts().items():
            data[name] = mentee_rules.normalize(value)
        data["role"] = MenteeRole(self.role)
        return MenteeFields(**data)


@dataclass(frozen=True)
class MenteeRecord:
    """One mentee for the form."""

    id: int
    version: int
    fields: MenteeFields
    status: MenteeStatus
    exit_date: dt.date | None
    exit_reason: str
    legal_name: str
    phase_name: str


# Columns copied one to one between MenteeFields and the Mentee row (site is by name).
_DIRECT = [f.name for f in fields(MenteeFields) if f.name not in ("site", "phase_id")]


def conflict_error(ctx: ServiceContext, entity: str, entity_id: int, what: str) -> ConflictError:
    """A ConflictError naming who last changed the record, when and which fields."""
    with ctx.read() as session:
        last = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.id.desc())
            .limit(1)
        ).first()
    if last is None or last.action == "create":
        return ConflictError(f"{what} was changed by someone else after you opened it; reload it.")
    if last.action == "delete":
        return ConflictError(f"{what} was deleted by {last.actor} after you opened it.")
    before = json.loads(last.before or "{}")
    after = json.loads(last.after or "{}")
    changed = {k: (before.get(k), after.get(k)) for k in after}
    names = ", ".join(mentee_rules.FIELD_LABELS.get(k, k.replace("_", " ")) for k in changed)
    return ConflictError(
        f"{what} was changed by {last.actor} at {last.at:%Y-%m-%d %H:%M} UTC ({names}) "
        "after you opened it; reload it and make your change again.",
        changed,
    )


class RosterService:
    def __init__(self, ctx: ServiceContext, clock: Clock = dt.date.today):
        self.ctx = ctx
        self.clock = clock

    # ---- validation -------------------------------------------------------------------
    def validate(self, fields: MenteeFields) -> dict[str, str]:
        clean = fields.normalized()
        return mentee_rules.check_profile(
            clean.texts(), clean.start_date, clean.graduation_year, self.clock()
        )

    def _checked(self, fields: MenteeFields) -> MenteeFields:
        clean = fields.normalized()
        problems = self.validate(clean)
        if problems:
            raise ValidationError(problems)
        return clean

    # ---- create / read / update ---------------------------------------------------------
    def create(self, fields: MenteeFields) -> int:
        clean = self._checked(fields)
        with self.ctx.unit_of_work() as session:
            mentee = Mentee(status=MenteeStatus.ACTIVE)
            self._apply(session, mentee, clean)
            session.add(mentee)
            session.flush()
            return mentee.id

    def get(self, mentee_id: int) -> MenteeRecord:
        with self.ctx.read() as session:
            return _record(_load(session, mentee_id))

    def update(self, mentee_id: int, fields: MenteeFields, expected_version: int) -> int:
        clean = self._checked(fields)
        try:
            with self.ctx.unit_of_work() as session:
                mentee = _load(session, mentee_id)
                if mentee.version != expected_version:
                    raise StaleDataError("version moved on")
                self._apply(session, mentee, clean)
                session.flush()
                return mentee.version
        except StaleDataError:
            raise conflict_error(
                self.ctx, "mentee", mentee_id, _what(self.ctx, mentee_id)
            ) from None

    def _apply(self, session: Session, mentee: Mentee, clean: MenteeFields) -> None:
        for name in _DIRECT:
            value = getattr(clean, name)
            if getattr(mentee, name, None) != value:
                setattr(mentee, name, value)
        site_id = site_id_for(session, clean.site)
        if mentee.site_id != site_id:
            mentee.site_id = site_id
        phase_id = clean.phase_id
        if phase_id is None:
            assert clean.start_date is not None  # validated
            phase_id = phase_for_start(session, clean.start_date, self.clock())
        elif session.get(Phase, phase_id) is None:
            raise ValidationError({"phase_id": "The chosen phase no longer exists."})
        if mentee.phase_id != phase_id:
            mentee.phase_id = phase_id

    # ---- status -----------------------------------------------------------------------------
    def archive(
        self, mentee_id: int, status: MenteeStatus, exit_date: dt.date, reason: str
    ) -> None:
        status = MenteeStatus(status)
        reason = mentee_rules.normalize(reason)
        with self.ctx.unit_of_work() as session:
            mentee = _load(session, mentee_id)
            problems: dict[str, str] = {}
            if status == MenteeStatus.ACTIVE:
                problems["status"] = "Choose completed or left to archive a mentee."
            message = mentee_rules.check_exit_date(exit_date, mentee.start_date)
            if message:
                problems["exit_date"] = message
            if status == MenteeStatus.LEFT and not reason:
                problems["exit_reason"] = "Give the reason for leaving the program early."
            problems.update(mentee_rules.check_lengths({"exit_reason": reason}))
            if problems:
                raise ValidationError(problems)
            mentee.status = status
            mentee.exit_date = exit_date
            mentee.exit_reason = reason

    def reactivate(self, mentee_id: int) -> None:
        with self.ctx.unit_of_work() as session:
            mentee = _load(session, mentee_id)
            mentee.status = MenteeStatus.ACTIVE
            mentee.exit_date = None
            mentee.exit_reason = ""

    def delete(self, mentee_id: int) -> None:
        """Delete the mentee; the database cascades to check-ins, milestones, credentials, ..."""
        with self.ctx.unit_of_work() as session:
            session.delete(_load(session, mentee_id))

    # ---- look-ups -------------------------------------------------------------------------
    def find(self, text: str) -> list[tuple[int, str]]:
        """By id ("17" or "#17") or a case-insensitive part of the legal, preferred or native name.

        Names are matched in Python (casefold) so Cyrillic, Greek and Vietnamese fold the
        same way on every database; the scan reads five narrow columns, fast for 10,000 rows.
        """
        query = mentee_rules.normalize(text)
        if not query:
            return []
        cols = (
            Mentee.id,
            Mentee.given_names,
            Mentee.family_name,
            Mentee.preferred_name,
            Mentee.native_name,
        )
        match = re.fullmatch(r"#?\s*(\d+)", query)
        with self.ctx.read() as session:
            if match:
                row = session.execute(select(*cols).where(Mentee.id == int(match.group(1)))).first()
                rows = [row] if row else []
            else:
                rows = list(
                    session.execute(select(*cols).order_by(Mentee.family_name, Mentee.given_names))
                )
        needle = query.casefold()
        found = []
        for mid, given, family, preferred, native in rows:
            legal = f"{given} {family}".strip()
            haystacks = (legal, preferred, native)
            if match or any(needle in mentee_rules.normalize(h).casefold() for h in haystacks):
                found.append((mid, legal))
        return found

    def phases(self) -> list[tuple[int, str]]:
        with self.ctx.read() as session:
            return [
                (i, n)
                for i, n in session.execute(select(Phase.id, Phase.name).order_by(Phase.position))
            ]

    def sites(self) -> list[str]:
        with self.ctx.read() as session:
            return list(session.scalars(select(Site.name).order_by(Site.name)))

    def specialties(self) -> list[str]:
        with self.ctx.read() as session:
            stmt = (
                select(Mentee.specialty)
                .distinct()
                .where(Mentee.specialty != "")
                .order_by(Mentee.specialty)
            )
            return list(session.scalars(stmt))

    def count(self) -> int:
        with self.ctx.read() as session:
            return int(session.scalar(select(func.count()).select_from(Mentee)) or 0)


# ---- helpers shared with the importer and the mentor service ------------------------------
def site_id_for(session: Session, name: str) -> int | None:
    """The id of the site called ``name`` (created on first use); None for an empty name."""
    name = mentee_rules.normalize(name)
    if not name:
        return None
    site_id = session.scalar(select(Site.id).where(Site.name == name))
    if site_id is None:
        site = Site(name=name)
        session.add(site)
        session.flush()
        site_id = site.id
    return site_id


def phase_for_start(session: Session, start_date: dt.date, today: dt.date) -> int | None:
    """The phase a mentee who started on ``start_date`` is in today, from the phase offsets.

    The rule is :func:`bridgedesk.domain.phases.phase_on_day`.
    """
    rows = session.execute(select(Phase.id, Phase.start_day, Phase.end_day))
    return phase_on_date([PhaseSpan(*row) for row in rows], start_date, today)


def _load(session: Session, mentee_id: int) -> Mentee:
    mentee = session.get(Mentee, mentee_id)
    if mentee is None:
        raise NotFoundError(f"There is no mentee #{mentee_id}; it may have been deleted.")
    return mentee


def _what(ctx: ServiceContext, mentee_id: int) -> str:
    with ctx.read() as session:
        row = session.execute(
            select(Mentee.given_names, Mentee.family_name).where(Mentee.id == mentee_id)
        ).first()
    return f"{row[0]} {row[1]}'s record" if row else f"Mentee #{mentee_id}"


def _record(mentee: Mentee) -> MenteeRecord:
    data = {name: getattr(mentee, name) for name in _DIRECT}
    data["site"] = mentee.site.name if mentee.site else ""
    data["phase_id"] = mentee.phase_id
    return MenteeRecord(
        id=mentee.id,
        version=mentee.version,
        fields=MenteeFields(**data),
        status=MenteeStatus(mentee.status),
        exit_date=mentee.exit_date,
        exit_reason=mentee.exit_reason,
        legal_name=mentee.legal_name,
        phase_name=mentee.phase.name if mentee.phase else "",
    )
