"""Mentors, who mentors whom (with history), and each mentor's load against capacity."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from bridgedesk.domain import mentee_rules
from bridgedesk.domain.enums import AssignmentKind
from bridgedesk.errors import NotFoundError, UserError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentees.conflicts import conflict_error
from bridgedesk.services.mentors.load import MentorLoadRow, mentor_load
from bridgedesk.services.mentors.retiring import reinstate_mentor, retire_mentor
from bridgedesk.services.program.sites import site_id_for
from bridgedesk.storage.models import Mentee, Mentor, MentorAssignment, Site

MAX_CAPACITY = 50


@dataclass
class MentorFields:
    name: str = ""
    native_name: str = ""
    email: str = ""
    phone: str = ""
    specialty: str = ""
    former_img: bool = False
    capacity: int = 3
    site: str = ""
    notes: str = ""
    languages: str = ""  # e.g. "Amharic, English", compared with the mentee's for matching
    country_of_training: str = ""


@dataclass(frozen=True)
class MentorRecord:
    id: int
    version: int
    fields: MentorFields
    active: bool
    retired_on: dt.date | None = None


@dataclass(frozen=True)
class AssignmentRow:
    id: int
    mentor_id: int
    mentor_name: str
    kind: AssignmentKind
    start: dt.date
    end: dt.date | None
    end_reason: str


def read_assignments(session: Session, mentee_ids: Sequence[int]) -> dict[int, list[AssignmentRow]]:
    """Each mentee's mentor history, newest first (every id a key, [] when none).

    Why over a list of ids: ``MentorService.assignments`` passes one id and the packet's bulk
    reads (``services.timeline_bulk``) a chunk, so both show exactly the same rows.
    """
    out: dict[int, list[AssignmentRow]] = {mid: [] for mid in mentee_ids}
    stmt = (
        select(
            MentorAssignment.mentee_id, MentorAssignment.id, Mentor.id, Mentor.name,
            MentorAssignment.kind, MentorAssignment.start_date, MentorAssignment.end_date,
            MentorAssignment.end_reason,
        )
        .join(Mentor, Mentor.id == MentorAssignment.mentor_id)
        .where(MentorAssignment.mentee_id.in_(mentee_ids))
        .order_by(MentorAssignment.start_date.desc(), MentorAssignment.id.desc())
    )  # fmt: skip
    for mid, aid, mentor_id, name, kind, start, end, reason in session.execute(stmt):
        out[mid].append(
            AssignmentRow(aid, mentor_id, name, AssignmentKind(kind), start, end, reason)
        )
    return out


def validate_mentor(fields: MentorFields) -> dict[str, str]:
    problems: dict[str, str] = {}
    name = mentee_rules.normalize(fields.name)
    if not name:
        problems["name"] = "Name is required."
    elif len(name) > mentee_rules.NAME_MAX:
        problems["name"] = (
            f"Name is too long: at most {mentee_rules.NAME_MAX} characters are allowed."
        )
    if len(fields.native_name) > mentee_rules.NAME_MAX:
        problems["native_name"] = (
            f"Name in native script is too long: at most {mentee_rules.NAME_MAX} characters are allowed."
        )
    message = mentee_rules.check_email(fields.email)
    if message:
        problems["email"] = message
    if len(fields.phone) > 60:
        problems["phone"] = "Phone is too long: at most 60 characters are allowed."
    for key, limit in (
        ("specialty", 120), ("site", mentee_rules.NAME_MAX), ("languages", 300),
        ("country_of_training", 120),
    ):  # fmt: skip
        if len(getattr(fields, key)) > limit:
            problems[key] = f"This is too long: at most {limit} characters are allowed."
    if not 0 <= fields.capacity <= MAX_CAPACITY:
        problems["capacity"] = f"Capacity must be between 0 and {MAX_CAPACITY} mentees."
    if len(fields.notes) > mentee_rules.NOTES_MAX:
        problems["notes"] = (
            f"Notes are too long: at most {mentee_rules.NOTES_MAX:,} characters are allowed."
        )
    return problems


class MentorService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # ---- mentors ------------------------------------------------------------------------
    def validate(self, fields: MentorFields) -> dict[str, str]:
        return validate_mentor(fields)

    def create(self, fields: MentorFields) -> int:
        problems = validate_mentor(fields)
        if problems:
            raise ValidationError(problems)
        with self.ctx.unit_of_work() as session:
            mentor = Mentor(active=True)
            _apply(session, mentor, fields)
            session.add(mentor)
            session.flush()
            return mentor.id

    def get(self, mentor_id: int) -> MentorRecord:
        with self.ctx.read() as session:
            mentor = _load_mentor(session, mentor_id)
            site = session.get(Site, mentor.site_id) if mentor.site_id else None
            return MentorRecord(
                id=mentor.id,
                version=mentor.version,
                fields=MentorFields(
                    name=mentor.name,
                    native_name=mentor.native_name,
                    email=mentor.email,
                    phone=mentor.phone,
                    specialty=mentor.specialty,
                    former_img=mentor.former_img,
                    capacity=mentor.capacity,
                    site=site.name if site else "",
                    notes=mentor.notes,
                    languages=mentor.languages,
                    country_of_training=mentor.country_of_training,
                ),
                active=mentor.active,
                retired_on=mentor.retired_on,
            )

    def update(self, mentor_id: int, fields: MentorFields, expected_version: int) -> int:
        problems = validate_mentor(fields)
        if problems:
            raise ValidationError(problems)
        try:
            with self.ctx.unit_of_work() as session:
                mentor = _load_mentor(session, mentor_id)
                if mentor.version != expected_version:
                    raise StaleDataError("version moved on")
                _apply(session, mentor, fields)
                session.flush()
                return mentor.version
        except StaleDataError:
            raise conflict_error(self.ctx, "mentor", mentor_id, f"Mentor #{mentor_id}") from None

    def retire(self, mentor_id: int, on: dt.date, reason: str = "") -> int:
        """Retire the mentor; their open assignments end on ``on`` (see :mod:`retiring`)."""
        return retire_mentor(self.ctx, mentor_id, on, reason)

    def reinstate(self, mentor_id: int) -> None:
        reinstate_mentor(self.ctx, mentor_id)

    def deactivate(self, mentor_id: int, end: dt.date | None = None) -> None:
        """Retire the mentor on ``end`` (today when not given)."""
        self.retire(mentor_id, end or dt.date.today())

    def list_mentors(self, include_inactive: bool = False) -> list[tuple[int, str]]:
        stmt = select(Mentor.id, Mentor.name).order_by(Mentor.name)
        if not include_inactive:
            stmt = stmt.where(Mentor.active.is_(True))
        with self.ctx.read() as session:
            return [(i, n) for i, n in session.execute(stmt)]

    # ---- assignments --------------------------------------------------------------------
    def assign(self, mentee_id: int, mentor_id: int, kind: AssignmentKind, start: dt.date) -> int:
        """Start an assignment; a new primary ends the current primary on ``start``."""
        with self.ctx.unit_of_work() as session:
            return start_assignment(session, mentee_id, mentor_id, kind, start)

    def end_assignment(self, assignment_id: int, end: dt.date, reason: str) -> None:
        with self.ctx.unit_of_work() as session:
            row = session.get(MentorAssignment, assignment_id)
            if row is None:
                raise NotFoundError(f"There is no mentor assignment #{assignment_id}.")
            if row.end_date is not None:
                raise UserError(f"This assignment already ended on {row.end_date:%Y-%m-%d}.")
            if end < row.start_date:
                raise ValidationError(
                    {
                        "end": f"The end date cannot be before the start date ({row.start_date:%Y-%m-%d})."
                    }
                )
            row.end_date = end
            row.end_reason = mentee_rules.normalize(reason)

    def assignments(self, mentee_id: int) -> list[AssignmentRow]:
        """The mentee's mentor history, newest first."""
        with self.ctx.read() as session:
            return read_assignments(session, [mentee_id])[mentee_id]

    def load(
        self, include_retired: bool = False, today: dt.date | None = None
    ) -> list[MentorLoadRow]:
        """Active mentors (retired ones too when asked) with their load on ``today`` (default:
        the system date) against capacity: open primary assignments of active mentees."""
        return mentor_load(self.ctx, today or dt.date.today(), include_retired)

    def mentees_of(self, mentor_id: int) -> list[tuple[int, str, str]]:
        """Open assignments of the mentor: (mentee id, legal name, kind)."""
        stmt = (
            select(Mentee.id, Mentee.given_names, Mentee.family_name, MentorAssignment.kind)
            .join(MentorAssignment, MentorAssignment.mentee_id == Mentee.id)
            .where(MentorAssignment.mentor_id == mentor_id, MentorAssignment.end_date.is_(None))
            .order_by(Mentee.family_name, Mentee.given_names)
        )
        with self.ctx.read() as session:
            return [
                (mid, f"{given} {family}".strip(), str(getattr(kind, "value", kind)))
                for mid, given, family, kind in session.execute(stmt)
            ]


def start_assignment(
    session: Session, mentee_id: int, mentor_id: int, kind: AssignmentKind, start: dt.date
) -> int:
    """Start an assignment in the caller's transaction; a new primary ends the current one.

    The one rule for every way of assigning: one at a time (``MentorService.assign``) or a
    whole cohort confirmed at once (``matching_cohort.apply_proposals``), all or nothing.
    """
    kind = AssignmentKind(kind)
    if session.get(Mentee, mentee_id) is None:
        raise NotFoundError(f"There is no mentee #{mentee_id}; it may have been deleted.")
    mentor = _load_mentor(session, mentor_id)
    if not mentor.active:
        raise UserError(f"{mentor.name} is no longer an active mentor.")
    open_same_kind = list(
        session.scalars(
            select(MentorAssignment).where(
                MentorAssignment.mentee_id == mentee_id,
                MentorAssignment.kind == kind,
                MentorAssignment.end_date.is_(None),
            )
        )
    )
    for row in open_same_kind:
        if row.mentor_id == mentor_id:
            raise UserError(f"{mentor.name} is already a {kind.value} mentor of this mentee.")
    if kind == AssignmentKind.PRIMARY:
        for row in open_same_kind:
            if start < row.start_date:
                raise ValidationError(
                    {
                        "start": f"The new primary mentor cannot start before the current one "
                        f"({row.start_date:%Y-%m-%d})."
                    }
                )
            row.end_date = start
            row.end_reason = f"Primary mentor changed to {mentor.name}"
    assignment = MentorAssignment(
        mentee_id=mentee_id, mentor_id=mentor_id, kind=kind, start_date=start
    )
    session.add(assignment)
    session.flush()
    return assignment.id


def _apply(session: Session, mentor: Mentor, fields: MentorFields) -> None:
    values = {
        "name": mentee_rules.normalize(fields.name),
        "native_name": mentee_rules.normalize(fields.native_name),
        "email": mentee_rules.normalize(fields.email),
        "phone": mentee_rules.normalize(fields.phone),
        "specialty": mentee_rules.normalize(fields.specialty),
        "former_img": bool(fields.former_img),
        "capacity": int(fields.capacity),
        "site_id": site_id_for(session, fields.site),
        "notes": fields.notes,
        "languages": mentee_rules.normalize(fields.languages),
        "country_of_training": mentee_rules.normalize(fields.country_of_training),
    }
    for key, value in values.items():
        if getattr(mentor, key, None) != value:
            setattr(mentor, key, value)


def _load_mentor(session: Session, mentor_id: int) -> Mentor:
    mentor = session.get(Mentor, mentor_id)
    if mentor is None:
        raise NotFoundError(f"There is no mentor #{mentor_id}; they may have been removed.")
    return mentor
