"""The "is this a good fit?" question, asked of both sides after a pair's first held check-in.

One row per mentor-mentee pair; answering again replaces the earlier answers (audited).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bridgedesk.domain.pair_health import FitAnswer, check_comment, check_fit
from bridgedesk.errors import NotFoundError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import FitCheck, Mentee, Mentor


def fit_problems(
    answered_on: dt.date,
    today: dt.date,
    mentee_answer: FitAnswer | None,
    mentee_comment: str,
    mentor_answer: FitAnswer | None,
    mentor_comment: str,
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if answered_on > today:
        problems["answered_on"] = "The answers cannot be dated in the future."
    for key, label, answer in (
        ("mentee_answer", "mentee's", mentee_answer),
        ("mentor_answer", "mentor's", mentor_answer),
    ):
        if problem := check_fit(label, answer):
            problems[key] = problem
    for key, label, text in (
        ("mentee_comment", "mentee's comment", mentee_comment),
        ("mentor_comment", "mentor's comment", mentor_comment),
    ):
        if problem := check_comment(label, text):
            problems[key] = problem
    if not mentee_answer and not mentor_answer and not problems:
        problems["mentee_answer"] = "Give at least one side's answer."
    return problems


def record_fit(
    ctx: ServiceContext,
    mentee_id: int,
    mentor_id: int,
    answered_on: dt.date,
    today: dt.date,
    mentee_answer: FitAnswer | None,
    mentor_answer: FitAnswer | None,
    mentee_comment: str = "",
    mentor_comment: str = "",
    checkin_id: int | None = None,
) -> int:
    """Save both sides' answers for the pair (replacing earlier ones); returns the row id."""
    mentee_comment, mentor_comment = mentee_comment.strip(), mentor_comment.strip()
    problems = fit_problems(
        answered_on, today, mentee_answer, mentee_comment, mentor_answer, mentor_comment
    )
    if problems:
        raise ValidationError(problems)
    with ctx.unit_of_work() as s:
        if s.get(Mentee, mentee_id) is None:
            raise NotFoundError(f"There is no mentee with id {mentee_id}.")
        if s.get(Mentor, mentor_id) is None:
            raise NotFoundError(f"There is no mentor with id {mentor_id}.")
        row = s.scalar(
            select(FitCheck).where(FitCheck.mentee_id == mentee_id, FitCheck.mentor_id == mentor_id)
        )
        values = {
            "answered_on": answered_on,
            "mentee_answer": FitAnswer(mentee_answer).value if mentee_answer else "",
            "mentee_comment": mentee_comment,
            "mentor_answer": FitAnswer(mentor_answer).value if mentor_answer else "",
            "mentor_comment": mentor_comment,
        }
        if row is None:
            row = FitCheck(
                mentee_id=mentee_id, mentor_id=mentor_id, checkin_id=checkin_id, **values
            )
            s.add(row)
        else:
            for name, value in values.items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
            if checkin_id is not None and row.checkin_id != checkin_id:
                row.checkin_id = checkin_id
        s.flush()
        return row.id
