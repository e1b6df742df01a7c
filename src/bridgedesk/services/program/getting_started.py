"""The getting-started checklist of a new program: four first steps, each ticked from the data.

The list is offered once, to a program that has no mentees yet (a program that already has
mentees when it is upgraded never sees it), and stays until the user hides it. A step is
done when the data says so: mentees on the roster, mentors in the program, the program's
names and a site set, and a first report made (remembered in the settings table, since a
PDF leaves nothing else behind in the program).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import FromClause, func, select
from sqlalchemy.orm import Session

from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import Mentee, Mentor, Setting, Site

OFFERED = "getting_started_offered"
HIDDEN = "getting_started_hidden"
FIRST_REPORT = "first_report_made"
NAMES = ("hospital_name", "program_name", "director_name")


@dataclass(frozen=True)
class GettingStarted:
    """Which first steps are done, and whether the list is on screen."""

    mentees: bool
    mentors: bool
    details: bool
    report: bool
    offered: bool
    hidden: bool

    @property
    def done(self) -> int:
        return sum((self.mentees, self.mentors, self.details, self.report))

    @property
    def complete(self) -> bool:
        return self.done == 4

    @property
    def shown(self) -> bool:
        return self.offered and not self.hidden


def _flags(session: Session) -> dict[str, str]:
    keys = (OFFERED, HIDDEN, FIRST_REPORT, *NAMES)
    stmt = select(Setting.key, Setting.value).where(Setting.key.in_(keys))
    return {key: value for key, value in session.execute(stmt)}


def _count(session: Session, table: FromClause) -> int:
    return int(session.scalar(select(func.count()).select_from(table)) or 0)


def _read(session: Session) -> GettingStarted:
    flags = _flags(session)
    return GettingStarted(
        mentees=_count(session, Mentee.__table__) > 0,
        mentors=_count(session, Mentor.__table__) > 0,
        details=all(flags.get(key) for key in NAMES) and _count(session, Site.__table__) > 0,
        report=bool(flags.get(FIRST_REPORT)),
        offered=bool(flags.get(OFFERED)),
        hidden=bool(flags.get(HIDDEN)),
    )


def _set(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def getting_started(ctx: ServiceContext) -> GettingStarted:
    """The checklist as the data has it now."""
    with ctx.read() as session:
        return _read(session)


def offer_if_new(ctx: ServiceContext, today: dt.date) -> GettingStarted:
    """Offer the list to a program with no mentees (once; remembered), then read it."""
    with ctx.unit_of_work() as session:
        state = _read(session)
        if state.offered or state.hidden or state.mentees:
            return state
        _set(session, OFFERED, today.isoformat())
        return _read(session)


def hide(ctx: ServiceContext) -> None:
    """The user is done with the list: it does not come back."""
    with ctx.unit_of_work() as session:
        _set(session, HIDDEN, "yes")


def note_first_report(ctx: ServiceContext, today: dt.date) -> None:
    """A report was made: the last step is done (the first date is kept)."""
    with ctx.unit_of_work() as session:
        if session.get(Setting, FIRST_REPORT) is None:
            session.add(Setting(key=FIRST_REPORT, value=today.isoformat()))
