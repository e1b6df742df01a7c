"""One mentee's pair health, read in bulk: pulses, the fit question, surveys due and answered,
and the flags the rules raise on ``today``.

Column queries over a few tables, for one mentee (the record), a report's mentees, or every
mentee in the program (the flags list), in the same few queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, select, true
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import AssignmentKind, CheckinStatus, MenteeStatus
from bridgedesk.domain.pair_health import SURVEY_MONTHS, FitAnswer, survey_due
from bridgedesk.domain.pair_health_flags import (
    FitAnswers,
    FlagRules,
    PairFlag,
    PairHistory,
    PulseReading,
    pair_flags,
)
from bridgedesk.errors import NotFoundError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.pair_health.rules_setting import flag_rules
from bridgedesk.services.pair_health.surveys import SurveyAnswers, read_answers
from bridgedesk.storage.models import (
    Checkin,
    CheckinPulse,
    FitCheck,
    Mentee,
    Mentor,
    MentorAssignment,
)


@dataclass(frozen=True)
class PulseRow:
    checkin_id: int
    day: dt.date
    title: str
    mentee: int | None
    mentor: int | None


@dataclass(frozen=True)
class FitRow:
    mentor_id: int
    mentor_name: str
    answered_on: dt.date
    mentee_answer: FitAnswer | None
    mentee_comment: str
    mentor_answer: FitAnswer | None
    mentor_comment: str


@dataclass(frozen=True)
class SurveyDue:
    month: int
    due: dt.date
    answers: SurveyAnswers | None

    def state(self, today: dt.date) -> str:
        """ "answered", "overdue" (past due, not answered) or "due" (to come)."""
        if self.answers is not None:
            return "answered"
        return "overdue" if self.due < today else "due"


@dataclass(frozen=True)
class MenteePairHealth:
    mentee_id: int
    start: dt.date
    active: bool
    mentor_id: int | None  # the current primary mentor
    mentor_name: str
    first_held_with_mentor: dt.date | None  # the day the fit question became due
    last_held: dt.date | None
    pulses: list[PulseRow]
    fit: FitRow | None  # the current pair's answers
    surveys: list[SurveyDue]
    flags: list[PairFlag] = field(default_factory=list)
    held_checkins: list[tuple[int, dt.date, str]] = field(default_factory=list)  # id, day, title

    @property
    def fit_due(self) -> bool:
        """The pair held a first check-in and both sides have not answered yet."""
        if self.first_held_with_mentor is None:
            return False
        return self.fit is None or not (self.fit.mentee_answer and self.fit.mentor_answer)


def _scope(column: Any, mentee_ids: Sequence[int] | None) -> ColumnElement[bool]:
    """``column`` among ``mentee_ids``, or always true when reading the whole program."""
    return true() if mentee_ids is None else column.in_(list(mentee_ids))


def _answer(text: str) -> FitAnswer | None:
    return FitAnswer(text) if text else None


def read_pair_health(
    s: Session, mentee_ids: Sequence[int] | None, today: dt.date, rules: FlagRules
) -> dict[int, MenteePairHealth]:
    """Each mentee's pair health by id; ``None`` reads every mentee of the program."""
    mentees = {
        mid: (start, status)
        for mid, start, status in s.execute(
            select(Mentee.id, Mentee.start_date, Mentee.status).where(_scope(Mentee.id, mentee_ids))
        )
    }
    primary: dict[int, tuple[int, str, dt.date]] = {}
    primary_stmt = (
        select(MentorAssignment.mentee_id, Mentor.id, Mentor.name, MentorAssignment.start_date)
        .join(Mentor, Mentor.id == MentorAssignment.mentor_id)
        .where(MentorAssignment.kind == AssignmentKind.PRIMARY)
        .where(MentorAssignment.end_date.is_(None))
        .order_by(MentorAssignment.start_date, MentorAssignment.id)
    )
    for mid, with_id, name, since in s.execute(
        primary_stmt.where(_scope(MentorAssignment.mentee_id, mentee_ids))
    ):
        primary[mid] = (with_id, name, since)  # the latest open primary wins
    held: dict[int, list[tuple[int, dt.date, str, int | None]]] = {}
    held_stmt = (
        select(Checkin.mentee_id, Checkin.id, Checkin.held_date, Checkin.title, Checkin.mentor_id)
        .where(Checkin.status == CheckinStatus.HELD, Checkin.held_date.is_not(None))
        .order_by(Checkin.held_date, Checkin.id)
    )
    for mid, cid, held_on, title, held_with in s.execute(
        held_stmt.where(_scope(Checkin.mentee_id, mentee_ids))
    ):
        assert held_on is not None  # selected so
        held.setdefault(mid, []).append((cid, held_on, title, held_with))
    open_dates: dict[int, list[dt.date]] = {}  # planned (overdue or to come) and missed
    open_stmt = select(Checkin.mentee_id, Checkin.planned_date).where(
        Checkin.status.in_([CheckinStatus.PLANNED, CheckinStatus.MISSED])
    )
    for mid, day in s.execute(open_stmt.where(_scope(Checkin.mentee_id, mentee_ids))):
        open_dates.setdefault(mid, []).append(day)
    pulses: dict[int, list[PulseRow]] = {}
    pulse_stmt = (
        select(
            CheckinPulse.mentee_id, Checkin.id, Checkin.held_date, Checkin.title,
            CheckinPulse.mentee_score, CheckinPulse.mentor_score,
        )
        .join(Checkin, Checkin.id == CheckinPulse.checkin_id)
        .where(Checkin.status == CheckinStatus.HELD, Checkin.held_date.is_not(None))
        .order_by(Checkin.held_date, Checkin.id)
    )  # fmt: skip
    for mid, cid, given_on, title, mentee_score, mentor_score in s.execute(
        pulse_stmt.where(_scope(CheckinPulse.mentee_id, mentee_ids))
    ):
        assert given_on is not None  # selected so
        pulses.setdefault(mid, []).append(
            PulseRow(cid, given_on, title, mentee_score, mentor_score)
        )
    fits: dict[tuple[int, int], FitRow] = {}
    fit_stmt = select(FitCheck, Mentor.name).join(Mentor, Mentor.id == FitCheck.mentor_id)
    for check, name in s.execute(fit_stmt.where(_scope(FitCheck.mentee_id, mentee_ids))):
        fits[(check.mentee_id, check.mentor_id)] = FitRow(
            check.mentor_id, name, check.answered_on, _answer(check.mentee_answer),
            check.mentee_comment, _answer(check.mentor_answer), check.mentor_comment,
        )  # fmt: skip
    answers = read_answers(s, list(mentees))
    out: dict[int, MenteePairHealth] = {}
    for mid, (start, status) in mentees.items():
        current = primary.get(mid)
        mentor_id = current[0] if current else None
        mentor_name = current[1] if current else ""
        paired_since = current[2] if current else None
        own_held = held.get(mid, [])
        first_with = next(
            (
                day
                for _cid, day, _t, with_id in own_held
                if mentor_id is not None
                and (with_id == mentor_id or with_id is None)
                and (paired_since is None or day >= paired_since)
            ),
            None,
        )
        fit = fits.get((mid, mentor_id)) if mentor_id is not None else None
        by_month = {a.month: a for a in answers.get(mid, [])}
        own_pulses = pulses.get(mid, [])
        active = str(status) == MenteeStatus.ACTIVE.value
        last_held = own_held[-1][1] if own_held else None
        history = PairHistory(
            start=start,
            active=active,
            pulses=[PulseReading(p.day, p.mentee, p.mentor) for p in own_pulses],
            fit=FitAnswers(fit.mentee_answer, fit.mentor_answer, fit.answered_on)
            if fit
            else FitAnswers(),
            last_held=last_held,
            unheld_due=sum(
                1 for day in open_dates.get(mid, []) if (last_held or start) < day < today
            ),
            next_planned=min((d for d in open_dates.get(mid, []) if d >= today), default=None),
        )
        out[mid] = MenteePairHealth(
            mentee_id=mid,
            start=start,
            active=active,
            mentor_id=mentor_id,
            mentor_name=mentor_name,
            first_held_with_mentor=first_with,
            last_held=last_held,
            pulses=own_pulses,
            fit=fit,
            surveys=[SurveyDue(m, survey_due(start, m), by_month.get(m)) for m in SURVEY_MONTHS],
            flags=pair_flags(history, today, rules),
            held_checkins=[(cid, day, title) for cid, day, title, _m in own_held],
        )
    return out


def pair_health_by_mentee(
    ctx: ServiceContext, mentee_ids: Sequence[int], today: dt.date
) -> dict[int, MenteePairHealth]:
    """The pair health of each mentee of a report, by id."""
    rules = flag_rules(ctx)
    with ctx.read() as s:
        return read_pair_health(s, mentee_ids, today, rules)


def mentee_pair_health(ctx: ServiceContext, mentee_id: int, today: dt.date) -> MenteePairHealth:
    found = pair_health_by_mentee(ctx, [mentee_id], today)
    if mentee_id not in found:
        raise NotFoundError(f"There is no mentee with id {mentee_id}.")
    return found[mentee_id]
