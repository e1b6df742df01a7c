"""Check-ins of a mentee: plan one, edit or delete a planned one, log what happened (late entry
allowed), mark it missed or reschedule it.

A rescheduled check-in stays on the timeline, closed and pointing at its replacement, so the
history shows the meeting moved rather than vanished.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from bridgedesk.domain.enums import CheckinFormat, CheckinStatus, CheckinTopic
from bridgedesk.errors import ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.pair_health.pulses import pulse_problems, record_pulses
from bridgedesk.services.timeline.editing import (
    MAX_TITLE,
    check_title,
    expect_version,
    get_checkin,
    get_mentee,
    saving,
    today_or_now,
)
from bridgedesk.storage.models import Action, Checkin


@dataclass(frozen=True)
class PlannedCheckin:
    """A planned check-in as it was before a delete, to plan it again (undo)."""

    mentee_id: int
    title: str
    planned_date: dt.date
    mentor_id: int | None


@dataclass
class CheckinLog:
    held_date: dt.date
    format: CheckinFormat
    attendees: str
    topics: list[CheckinTopic]
    summary: str
    private_note: str = ""
    actions: list[tuple[str, dt.date | None]] = field(default_factory=list)
    mentee_pulse: int | None = None  # 1-10, pair health (services.pair_health.pulses)
    mentor_pulse: int | None = None


def validate_log(log: CheckinLog, today: dt.date) -> None:
    """Raise ValidationError naming every problem of ``log`` (future date, unknown values)."""
    problems: dict[str, str] = {}
    if log.held_date > today:
        problems["held_date"] = "A check-in cannot be logged with a date in the future."
    try:
        CheckinFormat(log.format)
    except ValueError:
        problems["format"] = "Choose in person, video or phone."
    try:
        [CheckinTopic(t) for t in log.topics]
    except ValueError:
        problems["topics"] = "One of the topics is not a known topic."
    for n, (description, _due) in enumerate(log.actions, start=1):
        if not description or not description.strip():
            problems[f"actions[{n}]"] = "An agreed action needs a description."
    problems.update(pulse_problems(log.mentee_pulse, log.mentor_pulse))
    if problems:
        raise ValidationError(problems)


def _apply_log(s: Session, checkin: Checkin, log: CheckinLog) -> None:
    checkin.held_date = log.held_date
    checkin.status = CheckinStatus.HELD
    checkin.format = CheckinFormat(log.format)
    checkin.attendees = log.attendees
    checkin.topics = ",".join(CheckinTopic(t).value for t in dict.fromkeys(log.topics))
    checkin.summary = log.summary
    checkin.private_note = log.private_note
    for description, due in log.actions:
        s.add(
            Action(
                mentee_id=checkin.mentee_id,
                checkin_id=checkin.id,
                description=description.strip(),
                due_date=due,
            )
        )
    s.flush()
    record_pulses(s, checkin, log.mentee_pulse, log.mentor_pulse)
    s.flush()


class CheckinWriting:
    """Plan, log, miss and reschedule check-ins (part of TimelineService)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def plan_checkin(
        self,
        mentee_id: int,
        planned: dt.date,
        title: str = "Check-in",
        mentor_id: int | None = None,
    ) -> int:
        """Plan a check-in for an active mentee (any date: a past one is logged late)."""
        check_title("title", title, MAX_TITLE)
        with self.ctx.unit_of_work() as s:
            get_mentee(s, mentee_id)
            checkin = Checkin(
                mentee_id=mentee_id, mentor_id=mentor_id, title=title.strip(), planned_date=planned
            )
            s.add(checkin)
            s.flush()
            return checkin.id

    def edit_planned_checkin(
        self,
        checkin_id: int,
        title: str,
        planned: dt.date,
        mentor_id: int | None,
        expected_version: int,
    ) -> int:
        """Change a planned check-in's title, date or mentor; returns the new version."""
        check_title("title", title, MAX_TITLE)
        with self.ctx.unit_of_work() as s, saving("check-in"):
            checkin = get_checkin(s, checkin_id)
            expect_version(checkin, expected_version, "check-in")
            _require_planned(checkin, "edited")
            for name, value in (
                ("title", title.strip()), ("planned_date", planned), ("mentor_id", mentor_id)
            ):  # fmt: skip
                if getattr(checkin, name) != value:
                    setattr(checkin, name, value)
            s.flush()
            return checkin.version

    def delete_checkin(self, checkin_id: int) -> PlannedCheckin:
        """Delete a planned check-in (what was held, missed or moved stays as history).

        Returns what it was, so Edit > Undo can plan it again.
        """
        with self.ctx.unit_of_work() as s, saving("check-in"):
            checkin = get_checkin(s, checkin_id)
            _require_planned(checkin, "deleted")
            gone = PlannedCheckin(
                checkin.mentee_id, checkin.title, checkin.planned_date, checkin.mentor_id
            )
            s.delete(checkin)
            s.flush()
            return gone

    def log_checkin(self, checkin_id: int, log: CheckinLog, today: dt.date | None = None) -> None:
        """Record what happened at a check-in, on its real date (late entry allowed)."""
        validate_log(log, today_or_now(today))
        with self.ctx.unit_of_work() as s, saving("check-in"):
            checkin = get_checkin(s, checkin_id)
            if checkin.status == CheckinStatus.RESCHEDULED:
                raise ValidationError(
                    {"status": "This check-in was rescheduled; log the new one instead."}
                )
            _apply_log(s, checkin, log)

    def log_unplanned_checkin(
        self,
        mentee_id: int,
        log: CheckinLog,
        title: str = "Check-in",
        today: dt.date | None = None,
    ) -> int:
        """Record a check-in that was never planned; its planned date is the held date."""
        check_title("title", title, MAX_TITLE)
        validate_log(log, today_or_now(today))
        with self.ctx.unit_of_work() as s:
            get_mentee(s, mentee_id)
            checkin = Checkin(mentee_id=mentee_id, title=title.strip(), planned_date=log.held_date)
            s.add(checkin)
            s.flush()
            _apply_log(s, checkin, log)
            return checkin.id

    def mark_missed(self, checkin_id: int) -> None:
        with self.ctx.unit_of_work() as s, saving("check-in"):
            checkin = get_checkin(s, checkin_id)
            if checkin.status != CheckinStatus.PLANNED:
                raise ValidationError(
                    {
                        "status": "Only a planned check-in can be marked missed; "
                        f"this one is {checkin.status.value}."
                    }
                )
            checkin.status = CheckinStatus.MISSED
            s.flush()

    def reschedule(self, checkin_id: int, new_date: dt.date) -> int:
        """Close a planned (or missed) check-in as rescheduled and plan its replacement."""
        with self.ctx.unit_of_work() as s, saving("check-in"):
            old = get_checkin(s, checkin_id)
            if old.status not in (CheckinStatus.PLANNED, CheckinStatus.MISSED):
                raise ValidationError(
                    {
                        "status": "Only a planned or missed check-in can be rescheduled; "
                        f"this one is {old.status.value}."
                    }
                )
            new = Checkin(
                mentee_id=old.mentee_id,
                mentor_id=old.mentor_id,
                title=old.title,
                planned_date=new_date,
            )
            s.add(new)
            s.flush()
            old.status = CheckinStatus.RESCHEDULED
            old.rescheduled_to_id = new.id
            s.flush()
            return new.id


def _require_planned(checkin: Checkin, verb: str) -> None:
    if checkin.status != CheckinStatus.PLANNED:
        raise ValidationError(
            {
                "status": f"Only a planned check-in can be {verb}; this one is "
                f"{checkin.status.value} and stays in the history."
            }
        )
