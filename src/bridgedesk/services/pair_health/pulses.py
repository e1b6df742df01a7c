"""The 1-10 pulses of the mentee and of the mentor, given at a held check-in.

Logged with the check-in itself (``record_pulses`` inside the timeline's unit of work) or
entered afterwards from a paper form (``set_pulses``).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import CheckinStatus
from bridgedesk.domain.pair_health import check_pulse
from bridgedesk.errors import NotFoundError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import Checkin, CheckinPulse


def pulse_problems(mentee_score: int | None, mentor_score: int | None) -> dict[str, str]:
    """Problems by field (``mentee_pulse``, ``mentor_pulse``); empty when both are fine."""
    problems = {}
    for key, label, value in (
        ("mentee_pulse", "mentee's", mentee_score),
        ("mentor_pulse", "mentor's", mentor_score),
    ):
        problem = check_pulse(label, value)
        if problem:
            problems[key] = problem
    return problems


def record_pulses(
    session: Session, checkin: Checkin, mentee_score: int | None, mentor_score: int | None
) -> None:
    """Write (or replace, or remove when both are empty) the pulses of a held check-in.

    Runs inside the caller's unit of work; the caller validated with ``pulse_problems``.
    """
    row = session.scalar(select(CheckinPulse).where(CheckinPulse.checkin_id == checkin.id))
    if mentee_score is None and mentor_score is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(
            CheckinPulse(
                checkin_id=checkin.id,
                mentee_id=checkin.mentee_id,
                mentee_score=mentee_score,
                mentor_score=mentor_score,
            )
        )
        return
    if row.mentee_score != mentee_score:
        row.mentee_score = mentee_score
    if row.mentor_score != mentor_score:
        row.mentor_score = mentor_score


def set_pulses(
    ctx: ServiceContext, checkin_id: int, mentee_score: int | None, mentor_score: int | None
) -> None:
    """Enter the pulses of a check-in already logged as held (from a paper form)."""
    problems = pulse_problems(mentee_score, mentor_score)
    if problems:
        raise ValidationError(problems)
    with ctx.unit_of_work() as s:
        checkin = s.get(Checkin, checkin_id)
        if checkin is None:
            raise NotFoundError(f"There is no check-in with id {checkin_id}.")
        if checkin.status != CheckinStatus.HELD:
            raise ValidationError(
                {"checkin": "Pulses are given at a held check-in; log the check-in first."}
            )
        record_pulses(s, checkin, mentee_score, mentor_score)
