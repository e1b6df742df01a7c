"""What the pair-health flags read for every active mentee at once, in four set-based queries.

The rules (``domain.pair_health_flags.pair_flags``) look at little of a pair's history: each
side's two latest pulses, the latest check-in where both sides gave one, the current pair's
fit answers, the last held check-in, and the open check-ins around today. This module reads
just that for the whole program (or one site): the latest pulses per mentee by one window
over each mentee's pulses, the last held check-in by a grouped query, the open check-ins
counted through their index in the same statement, the current primary mentors and their
pairs' fit answers as plain column reads. Never a query per mentee or per pair.

``reads.read_pair_health`` stays the full read of a few mentees (the record, a report); the
flags it computes and the ones computed here are the same (tests/unit/test_pair_health_bulk.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVarTuple

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import Over

from bridgedesk.domain.enums import AssignmentKind, CheckinStatus, MenteeStatus
from bridgedesk.domain.pair_health import FitAnswer
from bridgedesk.domain.pair_health_flags import FitAnswers, PairHistory, PulseReading
from bridgedesk.storage.models import (
    Checkin,
    CheckinPulse,
    FitCheck,
    Mentee,
    Mentor,
    MentorAssignment,
    Site,
)

_Ts = TypeVarTuple("_Ts")
OPEN = (CheckinStatus.PLANNED, CheckinStatus.MISSED)  # planned (overdue or to come), missed


@dataclass(frozen=True)
class PairState:
    """One active mentee, the current primary mentor, and what the flag rules read."""

    mentee_id: int
    mentee_name: str  # the legal name
    site: str
    mentor_name: str  # "" without a current primary mentor
    history: PairHistory


def _active(stmt: Select[*_Ts], site: str | None, mentee_ids: Sequence[int] | None) -> Select[*_Ts]:
    """``stmt`` (over a table with a ``mentee_id``, joined to Mentee) narrowed to active
    mentees of ``site`` (None: every site) and of ``mentee_ids`` (None: all)."""
    stmt = stmt.where(Mentee.status == MenteeStatus.ACTIVE)
    if site is not None:
        stmt = stmt.join(Site, Site.id == Mentee.site_id).where(Site.name == site)
    if mentee_ids is not None:
        stmt = stmt.where(Mentee.id.in_(list(mentee_ids)))
    return stmt


def read_pair_states(
    s: Session,
    today: dt.date,
    site: str | None = None,
    mentee_ids: Sequence[int] | None = None,
) -> list[PairState]:
    """Every active mentee's pair state (of ``site``; of ``mentee_ids`` when given)."""
    last_held = (
        select(Checkin.mentee_id.label("mentee_id"), func.max(Checkin.held_date).label("day"))
        .where(Checkin.status == CheckinStatus.HELD, Checkin.held_date.is_not(None))
        .group_by(Checkin.mentee_id)
        .subquery()
    )
    since = func.coalesce(last_held.c.day, Mentee.start_date)
    # Open check-ins counted and the next one found through the (status, mentee, planned
    # date) index, inside the one statement over the mentees.
    unheld = (
        select(func.count(Checkin.id))
        .where(Checkin.status.in_(OPEN), Checkin.mentee_id == Mentee.id)
        .where(Checkin.planned_date > since, Checkin.planned_date < today)
        .scalar_subquery()
    )
    next_planned = (
        select(func.min(Checkin.planned_date))
        .where(Checkin.status.in_(OPEN), Checkin.mentee_id == Mentee.id)
        .where(Checkin.planned_date >= today)
        .scalar_subquery()
    )
    mentee_stmt = (
        select(
            Mentee.id, Mentee.given_names, Mentee.family_name, Mentee.start_date, Site.name,
            last_held.c.day, unheld, next_planned,
        )
        .outerjoin(Site, Site.id == Mentee.site_id)
        .outerjoin(last_held, last_held.c.mentee_id == Mentee.id)
        .where(Mentee.status == MenteeStatus.ACTIVE)
    )  # fmt: skip
    if site is not None:
        mentee_stmt = mentee_stmt.where(Site.name == site)
    if mentee_ids is not None:
        mentee_stmt = mentee_stmt.where(Mentee.id.in_(list(mentee_ids)))
    mentees = s.connection().execute(mentee_stmt).all()
    primary = _current_primary(s, site, mentee_ids)
    fits = _fit_answers(s, site, mentee_ids)
    pulses = _latest_pulses(s, site, mentee_ids)
    out = []
    for mid, given, family, start, site_name, held_on, missed, next_on in mentees:
        mentor_id, mentor_name = primary.get(mid, (None, ""))
        fit = fits.get((mid, mentor_id)) if mentor_id is not None else None
        history = PairHistory(
            start=start,
            active=True,
            pulses=pulses.get(mid, ()),
            fit=fit or FitAnswers(),
            last_held=held_on,
            unheld_due=int(missed or 0),
            next_planned=next_on,
        )
        out.append(
            PairState(mid, f"{given} {family}".strip(), site_name or "", mentor_name, history)
        )
    return out


def _current_primary(
    s: Session, site: str | None, mentee_ids: Sequence[int] | None
) -> dict[int, tuple[int, str]]:
    """The current primary mentor per mentee (the open primary assignment started last)."""
    stmt = (
        select(MentorAssignment.mentee_id, Mentor.id, Mentor.name)
        .join(Mentor, Mentor.id == MentorAssignment.mentor_id)
        .join(Mentee, Mentee.id == MentorAssignment.mentee_id)
        .where(MentorAssignment.kind == AssignmentKind.PRIMARY)
        .where(MentorAssignment.end_date.is_(None))
        .order_by(MentorAssignment.start_date, MentorAssignment.id)
    )
    # Later rows replace earlier ones: the latest open primary wins, as in reads.read_pair_health.
    return {
        mid: (with_id, name)
        for mid, with_id, name in s.connection().execute(_active(stmt, site, mentee_ids))
    }


def _fit_answers(
    s: Session, site: str | None, mentee_ids: Sequence[int] | None
) -> dict[tuple[int, int], FitAnswers]:
    """Both sides' fit answers, by (mentee, mentor) pair."""
    stmt = select(
        FitCheck.mentee_id, FitCheck.mentor_id, FitCheck.mentee_answer, FitCheck.mentor_answer,
        FitCheck.answered_on,
    ).join(Mentee, Mentee.id == FitCheck.mentee_id)  # fmt: skip
    return {
        (mid, with_id): FitAnswers(_answer(mentee), _answer(mentor), on)
        for mid, with_id, mentee, mentor, on in s.connection().execute(
            _active(stmt, site, mentee_ids)
        )
    }


def _answer(text: str) -> FitAnswer | None:
    return FitAnswer(text) if text else None


def _latest_pulses(
    s: Session, site: str | None, mentee_ids: Sequence[int] | None
) -> dict[int, list[PulseReading]]:
    """Per mentee, the pulses the rules read, oldest first: each side's two latest and the
    latest with both sides (the latest by held date, then by check-in, as the full read).

    One window over each mentee's pulses, newest first, counts the pulses of each side seen
    so far (a running count of the non-empty scores), so one sort serves all three."""
    mentee_score, mentor_score = CheckinPulse.mentee_score, CheckinPulse.mentor_score
    both = case((and_(mentee_score.is_not(None), mentor_score.is_not(None)), 1), else_=None)

    def running(
        counted: ColumnElement[int | None] | InstrumentedAttribute[int | None],
    ) -> Over[int]:
        return func.count(counted).over(
            partition_by=CheckinPulse.mentee_id,
            order_by=(Checkin.held_date.desc(), Checkin.id.desc()),
            rows=(None, 0),
        )

    ranked_stmt = (
        select(
            CheckinPulse.mentee_id.label("mentee_id"),
            Checkin.id.label("checkin_id"),
            Checkin.held_date.label("day"),
            mentee_score.label("mentee"),
            mentor_score.label("mentor"),
            running(mentee_score).label("mentee_seen"),
            running(mentor_score).label("mentor_seen"),
            running(both).label("both_seen"),
        )
        .join(Checkin, Checkin.id == CheckinPulse.checkin_id)
        .join(Mentee, Mentee.id == CheckinPulse.mentee_id)
        .where(Checkin.status == CheckinStatus.HELD, Checkin.held_date.is_not(None))
    )
    ranked = _active(ranked_stmt, site, mentee_ids).subquery()
    stmt = (
        select(ranked.c.mentee_id, ranked.c.day, ranked.c.mentee, ranked.c.mentor)
        .where(
            or_(
                and_(ranked.c.mentee.is_not(None), ranked.c.mentee_seen <= 2),
                and_(ranked.c.mentor.is_not(None), ranked.c.mentor_seen <= 2),
                and_(
                    ranked.c.mentee.is_not(None),
                    ranked.c.mentor.is_not(None),
                    ranked.c.both_seen == 1,
                ),
            )
        )
        .order_by(ranked.c.mentee_id, ranked.c.day, ranked.c.checkin_id)
    )
    out: dict[int, list[PulseReading]] = {}
    for mid, day, mentee, mentor in s.connection().execute(stmt):
        out.setdefault(mid, []).append(PulseReading(day, mentee, mentor))
    return out
