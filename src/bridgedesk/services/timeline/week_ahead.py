"""What falls due in the next seven days, in one sentence for the status bar and dashboard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials.reminders import reminders_due_count
from bridgedesk.services.credentials.service import CredentialService
from bridgedesk.services.timeline.service import TimelineService

DAYS = 7


@dataclass(frozen=True)
class WeekAhead:
    checkins: int  # planned check-ins dated today .. today + 6
    milestones: int  # open milestones due in the same window
    deadlines: int  # credentials of active mentees expiring in the window
    overdue: int  # check-ins and milestones already past their date and still open
    reminders: int = 0  # credential reminders come and not yet acknowledged
    overdue_checkins: int = 0  # the check-ins among ``overdue`` (the rest are milestones)

    @property
    def overdue_milestones(self) -> int:
        return self.overdue - self.overdue_checkins

    def sentence(self) -> str:
        parts = [
            _count(self.checkins, "check-in"),
            _count(self.milestones, "milestone"),
            _count(self.deadlines, "credential deadline"),
        ]
        due = ", ".join(part for part in parts if part) or "nothing"
        text = f"Due this week: {due}"
        late = " and ".join(
            part
            for part in (
                _count(self.overdue_checkins, "check-in"),
                _count(self.overdue_milestones, "milestone"),
            )
            if part
        )
        if late:
            text += f"; {late} overdue"
        if self.reminders:
            text += f"; {_count(self.reminders, 'reminder')} to acknowledge (Deadlines)"
        return text + "."


def week_ahead(ctx: ServiceContext, today: dt.date, site: str | None = None) -> WeekAhead:
    last = today + dt.timedelta(days=DAYS - 1)
    rows = TimelineService(ctx).agenda(today, days=DAYS - 1, site=site)
    upcoming = [row for row in rows if not row.overdue and today <= row.date <= last]
    deadlines = CredentialService(ctx).deadlines(  # only the week's: no need to rate the rest
        today, within_days=DAYS - 1, site=site, include_lapsed=False
    )
    return WeekAhead(
        checkins=sum(1 for row in upcoming if row.kind == "checkin"),
        milestones=sum(1 for row in upcoming if row.kind == "milestone"),
        deadlines=sum(
            1 for row in deadlines if row.expires_on is not None and today <= row.expires_on <= last
        ),
        overdue=sum(1 for row in rows if row.overdue),
        overdue_checkins=sum(1 for row in rows if row.overdue and row.kind == "checkin"),
        reminders=reminders_due_count(ctx, today) if site is None else 0,
    )


def _count(number: int, noun: str) -> str:
    if not number:
        return ""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
