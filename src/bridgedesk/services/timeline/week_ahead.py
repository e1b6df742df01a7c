"""What falls due in the next seven days, in one sentence for the status bar and dashboard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials.reminders import reminders_due_count
from bridgedesk.services.credentials.service import CredentialService
from bridgedesk.services.timeline.agenda import agenda_counts

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
    """The agenda's rows for the week counted by kind (:func:`agenda_counts`, the agenda's own
    conditions), and the credentials whose next event falls in the week."""
    last = today + dt.timedelta(days=DAYS - 1)
    with ctx.read() as s:
        counts = agenda_counts(s, today, DAYS - 1, site)
    deadlines = CredentialService(ctx).deadlines(  # only the week's: no need to rate the rest
        today, within_days=DAYS - 1, site=site, include_lapsed=False
    )
    return WeekAhead(
        checkins=counts.checkins,
        milestones=counts.milestones,
        deadlines=sum(
            1 for row in deadlines if row.expires_on is not None and today <= row.expires_on <= last
        ),
        overdue=counts.overdue_checkins + counts.overdue_milestones,
        overdue_checkins=counts.overdue_checkins,
        reminders=reminders_due_count(ctx, today) if site is None else 0,
    )


def _count(number: int, noun: str) -> str:
    if not number:
        return ""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
