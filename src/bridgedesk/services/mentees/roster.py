"""Edit one mentee at a time: create (with the program's schedule), read, update (optimistic),
archive, delete, find.

Lists for tables live in :mod:`roster_rows`; leaving the program in :mod:`leaving`. This
module loads ORM objects only for the single record being edited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from bridgedesk.domain import mentee_rules
from bridgedesk.domain.enums import MenteeRole, MenteeStatus
from bridgedesk.errors import NotFoundError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentees.conflicts import conflict_error
from bridgedesk.services.mentees.directory import find_mentees
from bridgedesk.services.mentees.phases import ShownPhase, phase_on, read_phases
from bridgedesk.services.program.sites import site_id_for
from bridgedesk.services.timeline.schedule import PlanCounts, PlanFrom, plan_mentees
from bridgedesk.storage.models import ExitReason, Mentee, Phase, ScheduleTemplate, Site

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
    phase_override_id: int | None = None  # None: the phase follows from the start date
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
    exit_reason: str  # the free-text details
    legal_name: str
    phase: ShownPhase
    exit_reason_id: int | None = None
    exit_reason_label: str = ""  # from the program's list of exit reasons
    schedule_version: int | None = None  # the schedule version the mentee was planned from

    @property
    def phase_name(self) -> str:
        return self.phase.name


@dataclass(frozen=True)
class PlanShift:
    """What a start-date change would move: planned check-ins and open milestones."""

    days: int
    checkins: int
    milestones: int

    @property
    def items(self) -> int:
        return self.checkins + self.milestones


# Columns copied one to one between MenteeFields and the Mentee row (site is by name).
_DIRECT = [f.name for f in fields(MenteeFields) if f.name != "site"]


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
    def create(self, fields: MenteeFields, plan_from: PlanFrom = PlanFrom.TODAY) -> int:
        """A new active mentee with the program's schedule planned (:mod:`timeline.schedule`)."""
        return self.create_planned(fields, plan_from)[0]

    def create_planned(
        self, fields: MenteeFields, plan_from: PlanFrom = PlanFrom.TODAY
    ) -> tuple[int, PlanCounts]:
        clean = self._checked(fields)
        with self.ctx.unit_of_work() as session:
            mentee = Mentee(status=MenteeStatus.ACTIVE)
            self._apply(session, mentee, clean)
            session.add(mentee)
            session.flush()
            assert clean.start_date is not None  # validated
            counts = plan_mentees(
                session, [(mentee.id, clean.start_date)], self.clock(), plan_from, self.ctx.actor
            )
            return mentee.id, counts

    def get(self, mentee_id: int) -> MenteeRecord:
        with self.ctx.read() as session:
            return _record(session, _load(session, mentee_id), self.clock())

    def update(
        self,
        mentee_id: int,
        fields: MenteeFields,
        expected_version: int,
        shift_plan: bool = False,
    ) -> int:
        """Save the profile; with ``shift_plan``, a new start date moves the planned items too."""
        clean = self._checked(fields)
        try:
            with self.ctx.unit_of_work() as session:
                mentee = _load(session, mentee_id)
                if mentee.version != expected_version:
                    raise StaleDataError("version moved on")
                old_start = mentee.start_date
                self._apply(session, mentee, clean)
                session.flush()
                if shift_plan and clean.start_date is not None and clean.start_date != old_start:
                    shift_planned(session, mentee_id, (clean.start_date - old_start).days)
                return mentee.version
        except StaleDataError:
            raise conflict_error(
                self.ctx, "mentee", mentee_id, _what(self.ctx, mentee_id)
            ) from None

    def plan_shift(self, mentee_id: int, new_start: dt.date) -> PlanShift:
        """How many planned items a change of the start date to ``new_start`` would move."""
        from bridgedesk.services.mentees.plan_shift import count_shiftable

        with self.ctx.read() as session:
            mentee = _load(session, mentee_id)
            checkins, milestones = count_shiftable(session, mentee_id)
            return PlanShift((new_start - mentee.start_date).days, checkins, milestones)

    def _apply(self, session: Session, mentee: Mentee, clean: MenteeFields) -> None:
        for name in _DIRECT:
            value = getattr(clean, name)
            if getattr(mentee, name, None) != value:
                setattr(mentee, name, value)
        site_id = site_id_for(session, clean.site)
        if mentee.site_id != site_id:
            mentee.site_id = site_id
        override = clean.phase_override_id
        if override is not None and session.get(Phase, override) is None:
            raise ValidationError({"phase_override_id": "The chosen phase no longer exists."})

    # ---- status (see :mod:`leaving`) ----------------------------------------------------------
    def archive(
        self,
        mentee_id: int,
        status: MenteeStatus | str | None,
        exit_date: dt.date | None,
        reason: str,
        reason_id: int | None = None,
    ) -> None:
        """Archive as completed or left (see :func:`leaving.archive`); ``reason`` is the details."""
        from bridgedesk.services.mentees.leaving import archive

        archive(self.ctx, mentee_id, status, exit_date, reason_id, reason)

    def reactivate(self, mentee_id: int) -> None:
        from bridgedesk.services.mentees.leaving import reactivate

        reactivate(self.ctx, mentee_id)

    def delete(self, mentee_id: int) -> None:
        """Delete the mentee; the database cascades to check-ins, milestones, credentials, ..."""
        with self.ctx.unit_of_work() as session:
            session.delete(_load(session, mentee_id))

    # ---- look-ups -------------------------------------------------------------------------
    def find(self, text: str) -> list[tuple[int, str]]:
        """By id ("17" or "#17") or a part of the legal, preferred or native name."""
        return find_mentees(self.ctx, text)

    def derived_phase(self, start: dt.date, on: dt.date | None = None) -> str:
        """The phase a mentee starting on ``start`` is in on ``on`` (today by default)."""
        with self.ctx.read() as session:
            return read_phases(session).derived(start, on or self.clock())

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


# ---- helpers ------------------------------------------------------------------------------
def shift_planned(session: Session, mentee_id: int, days: int) -> None:
    from bridgedesk.services.mentees.plan_shift import shift_planned as shift

    shift(session, mentee_id, days)


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


def _record(session: Session, mentee: Mentee, today: dt.date) -> MenteeRecord:
    data = {name: getattr(mentee, name) for name in _DIRECT}
    data["site"] = mentee.site.name if mentee.site else ""
    reason = session.get(ExitReason, mentee.exit_reason_id) if mentee.exit_reason_id else None
    schedule = (
        session.get(ScheduleTemplate, mentee.schedule_template_id)
        if mentee.schedule_template_id
        else None
    )
    phase = read_phases(session).shown(
        mentee.start_date, mentee.phase_override_id, phase_on(mentee.exit_date, today)
    )
    return MenteeRecord(
        id=mentee.id,
        version=mentee.version,
        fields=MenteeFields(**data),
        status=MenteeStatus(mentee.status),
        exit_date=mentee.exit_date,
        exit_reason=mentee.exit_reason,
        legal_name=mentee.legal_name,
        phase=phase,
        exit_reason_id=mentee.exit_reason_id,
        exit_reason_label=reason.label if reason else "",
        schedule_version=schedule.version if schedule else None,
    )
