"""Leaving the program: archive a mentee (completed or left early), or make them active again.

Archiving is one transaction: the status, exit date and reason (from the program's list, plus
free-text details), the mentor assignments still open end on the exit date, and the check-ins
and milestones planned after it are cancelled: they stay in the history, marked cancelled on
the exit date, and are never counted as overdue. Making the mentee active again undoes all of
that. Every change is an ORM change, so the audit trail holds each one.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain import mentee_rules
from bridgedesk.domain.enums import CheckinStatus, MenteeStatus
from bridgedesk.errors import NotFoundError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import Checkin, ExitReason, Mentee, MentorAssignment, Milestone

OTHER = "other"  # the list's catch-all reason: it needs the details in words
ENDED_AT_EXIT = {
    MenteeStatus.COMPLETED: "The mentee completed the program",
    MenteeStatus.LEFT: "The mentee left the program",
}


def check_archive(
    s: Session,
    mentee: Mentee,
    status: MenteeStatus | str | None,
    exit_date: dt.date | None,
    reason_id: int | None,
    details: str,
) -> dict[str, str]:
    """Every problem with an archive request, by field (status, exit_date, exit_reason_id, ...)."""
    problems: dict[str, str] = {}
    if status not in (MenteeStatus.COMPLETED, MenteeStatus.LEFT):
        problems["status"] = "Choose whether the mentee completed the program or left it early."
    if exit_date is None:
        problems["exit_date"] = "Give the last day in the program."
    else:
        message = mentee_rules.check_exit_date(exit_date, mentee.start_date)
        if message:
            problems["exit_date"] = message
    reason = s.get(ExitReason, reason_id) if reason_id is not None else None
    if reason_id is not None and (reason is None or reason.retired):
        problems["exit_reason_id"] = "That reason is no longer on the list; choose another."
    elif reason is None and status == MenteeStatus.LEFT:
        problems["exit_reason_id"] = "Choose the reason for leaving early from the list."
    elif reason is not None and reason.label.casefold() == OTHER and not details:
        problems["exit_reason"] = "Say in a few words what the other reason was."
    problems.update(mentee_rules.check_lengths({"exit_reason": details}))
    return problems


def archive(
    ctx: ServiceContext,
    mentee_id: int,
    status: MenteeStatus | str | None,
    exit_date: dt.date | None,
    reason_id: int | None,
    details: str = "",
) -> None:
    """Archive the mentee as completed or left on ``exit_date``; see the module's words."""
    details = mentee_rules.normalize(details)
    with ctx.unit_of_work() as s:
        mentee = _load(s, mentee_id)
        if mentee.status != MenteeStatus.ACTIVE:
            raise ValidationError({"status": "This mentee is already archived."})
        problems = check_archive(s, mentee, status, exit_date, reason_id, details)
        if problems:
            raise ValidationError(problems)
        assert exit_date is not None and status is not None  # checked above
        status = MenteeStatus(status)
        mentee.status = status
        mentee.exit_date = exit_date
        mentee.exit_reason_id = reason_id
        mentee.exit_reason = details
        for row in _open_assignments(s, mentee_id):
            row.end_date = max(exit_date, row.start_date)
            row.end_reason = ENDED_AT_EXIT[status]
        for checkin in s.scalars(
            select(Checkin).where(
                Checkin.mentee_id == mentee_id,
                Checkin.status == CheckinStatus.PLANNED,
                Checkin.planned_date > exit_date,
            )
        ):
            checkin.status = CheckinStatus.CANCELLED
            checkin.cancelled_on = exit_date
        for milestone in s.scalars(
            select(Milestone).where(
                Milestone.mentee_id == mentee_id,
                Milestone.completed_date.is_(None),
                Milestone.cancelled_on.is_(None),
                Milestone.due_date > exit_date,
            )
        ):
            milestone.cancelled_on = exit_date
        s.flush()


def reactivate(ctx: ServiceContext, mentee_id: int) -> None:
    """Active again: what the archive cancelled is planned again, its assignment ends reopened."""
    with ctx.unit_of_work() as s:
        mentee = _load(s, mentee_id)
        if mentee.status == MenteeStatus.ACTIVE:
            return
        exit_date, status = mentee.exit_date, MenteeStatus(mentee.status)
        mentee.status = MenteeStatus.ACTIVE
        mentee.exit_date = None
        mentee.exit_reason = ""
        mentee.exit_reason_id = None
        for checkin in s.scalars(
            select(Checkin).where(
                Checkin.mentee_id == mentee_id, Checkin.status == CheckinStatus.CANCELLED
            )
        ):
            checkin.status = CheckinStatus.PLANNED
            checkin.cancelled_on = None
        for milestone in s.scalars(
            select(Milestone).where(
                Milestone.mentee_id == mentee_id, Milestone.cancelled_on.is_not(None)
            )
        ):
            milestone.cancelled_on = None
        for row in s.scalars(
            select(MentorAssignment).where(
                MentorAssignment.mentee_id == mentee_id,
                MentorAssignment.end_date == exit_date,
                MentorAssignment.end_reason == ENDED_AT_EXIT.get(status, ""),
            )
        ):
            row.end_date = None
            row.end_reason = ""
        s.flush()


def _open_assignments(s: Session, mentee_id: int) -> list[MentorAssignment]:
    return list(
        s.scalars(
            select(MentorAssignment).where(
                MentorAssignment.mentee_id == mentee_id, MentorAssignment.end_date.is_(None)
            )
        )
    )


def _load(s: Session, mentee_id: int) -> Mentee:
    mentee = s.get(Mentee, mentee_id)
    if mentee is None:
        raise NotFoundError(f"There is no mentee #{mentee_id}; it may have been deleted.")
    return mentee
