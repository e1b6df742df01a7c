"""The program's schedule laid over a mentee's calendar: the one way a mentee gets a plan.

:func:`planned_items` decides what is planned and when (a pure function of the schedule
version, the start date, today and the user's choice); :func:`plan_mentees` writes it for
new mentees. The form, the roster service, the import and the demo all go through them, so
a mentee added any way gets the same check-ins and milestones.

"Plan from today" (the default) leaves out items whose date has already passed when the
mentee is added: nobody is shown overdue for a day-7 check-in of a physician who started
last year. "Plan from the start date" plans every item, past ones included, for a director
who wants to log the past late.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import update
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import CheckinStatus, ScheduleItemKind, Tier
from bridgedesk.services.history.audit import record_bulk
from bridgedesk.services.program.schedule_template import (
    TemplateItem,
    current_template_id,
    template_items,
)
from bridgedesk.services.timeline.fast_insert import insert_rows
from bridgedesk.storage.models import Checkin, Mentee, Milestone, ScheduleTemplate
from bridgedesk.storage.models.base import utcnow

CHUNK = 500  # mentee ids per UPDATE ... IN (...)
STAMPS = ("created_at", "updated_at", "version")
CHECKIN_KEYS = ("mentee_id", "title", "planned_date", "status", *STAMPS)
MILESTONE_KEYS = ("mentee_id", "name", "tier", "due_date", *STAMPS)


class PlanFrom(StrEnum):
    TODAY = "today"  # items already past when the mentee is added are left out
    START = "start"  # every item from the start date, past ones too

    @property
    def words(self) -> str:
        return "from today" if self is PlanFrom.TODAY else "from the start date"


@dataclass(frozen=True)
class PlannedItem:
    kind: ScheduleItemKind
    name: str
    date: dt.date
    tier: Tier


@dataclass(frozen=True)
class PlanCounts:
    mentees: int
    checkins: int
    milestones: int
    version: int | None  # the schedule version used; None when the program has none


def in_order(items: Sequence[TemplateItem]) -> list[TemplateItem]:
    """A schedule's items in the order they are planned: by day, check-ins first, by name."""
    return sorted(items, key=lambda i: (i.day, i.kind != ScheduleItemKind.CHECKIN, i.name))


def planned_items(
    items: Sequence[TemplateItem],
    start: dt.date,
    today: dt.date,
    plan_from: PlanFrom,
    ordered: bool = False,
) -> list[PlannedItem]:
    """The schedule's items for a mentee starting on ``start``, in date order.

    With :attr:`PlanFrom.TODAY`, an item dated before ``today`` is left out; one dated today
    is kept. ``ordered`` says ``items`` come from :func:`in_order` already (many mentees).
    """
    skip_past = PlanFrom(plan_from) is PlanFrom.TODAY
    out = []
    for item in items if ordered else in_order(items):
        when = start + dt.timedelta(days=item.day)
        if skip_past and when < today:
            continue
        out.append(PlannedItem(item.kind, item.name, when, item.tier))
    return out


def plan_mentees(
    session: Session,
    mentees: Sequence[tuple[int, dt.date]],
    today: dt.date,
    plan_from: PlanFrom,
    actor: str,
) -> PlanCounts:
    """Plan the current schedule for new mentees given as (id, start date), in bulk.

    One Core insert per table (an import of thousands stays fast), the version noted on each
    mentee, and one audit entry per mentee saying what was planned and how.
    """
    plan_from = PlanFrom(plan_from)
    template_id = current_template_id(session)
    items = in_order(template_items(session, template_id))
    template = session.get(ScheduleTemplate, template_id) if template_id is not None else None
    version = template.version if template is not None else None
    now = utcnow()
    checkins: list[tuple[object, ...]] = []
    milestones: list[tuple[object, ...]] = []
    entries = []
    for mentee_id, start in mentees:
        own_checkins = own_milestones = 0
        for item in planned_items(items, start, today, plan_from, ordered=True):
            if item.kind == ScheduleItemKind.CHECKIN:
                own_checkins += 1
                checkins.append(
                    (mentee_id, item.name, item.date, CheckinStatus.PLANNED, now, now, 1)
                )
            else:
                own_milestones += 1
                milestones.append((mentee_id, item.name, item.tier, item.date, now, now, 1))
        entries.append(
            {
                "id": template_id,
                "mentee_id": mentee_id,
                "schedule_version": version,
                "planned": plan_from.words,
                "checkins": own_checkins,
                "milestones": own_milestones,
            }
        )
    insert_rows(session, Checkin.__table__, CHECKIN_KEYS, checkins)
    insert_rows(session, Milestone.__table__, MILESTONE_KEYS, milestones)
    if template_id is not None:
        ids = [mentee_id for mentee_id, _start in mentees]
        for at in range(0, len(ids), CHUNK):
            session.execute(
                update(Mentee.__table__)
                .where(Mentee.__table__.c.id.in_(ids[at : at + CHUNK]))
                .values(schedule_template_id=template_id)
            )
    record_bulk(session, actor, "create", "schedule", entries)
    return PlanCounts(len(mentees), len(checkins), len(milestones), version)
