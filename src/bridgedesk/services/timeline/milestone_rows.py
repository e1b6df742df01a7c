"""Each mentee's milestones as a report lists them: name, due, completed, signed off by.

The timeline's events (``reads.read_events``) carry a milestone's dates and state but not who
signed it off; the mentee report and the packet print that too. One Core query per chunk of
ids, so the packet reads every mentee's milestones at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from bridgedesk.domain.enums import Tier
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.timeline.reads import milestone_state
from bridgedesk.storage.models import Milestone

IDS_PER_QUERY = 500
"""Ids per ``IN (...)`` list: far below SQLite's and PostgreSQL's parameter limits."""


@dataclass(frozen=True)
class MilestoneRow:
    id: int
    name: str
    tier: Tier
    due_date: dt.date
    completed_date: dt.date | None
    signed_off_by: str
    cancelled_on: dt.date | None
    state: str  # done | cancelled | overdue | due (``reads.milestone_state``)


def milestones_by_mentee(
    ctx: ServiceContext, mentee_ids: Sequence[int], today: dt.date
) -> dict[int, list[MilestoneRow]]:
    """Every milestone of each mentee (every id a key), by due date then id."""
    out: dict[int, list[MilestoneRow]] = {mid: [] for mid in mentee_ids}
    unique = sorted(set(mentee_ids))
    columns = (
        Milestone.mentee_id, Milestone.id, Milestone.name, Milestone.tier, Milestone.due_date,
        Milestone.completed_date, Milestone.signed_off_by, Milestone.cancelled_on,
    )  # fmt: skip
    with ctx.read() as s:
        for at in range(0, len(unique), IDS_PER_QUERY):
            chunk = unique[at : at + IDS_PER_QUERY]
            stmt = select(*columns).where(Milestone.mentee_id.in_(chunk))
            for mid, msid, name, tier, due, done, signed, cancelled in s.execute(stmt):
                state = milestone_state(due, done, today, cancelled)
                out[mid].append(
                    MilestoneRow(msid, name, Tier(tier), due, done, signed, cancelled, state)
                )
    for rows in out.values():
        rows.sort(key=lambda m: (m.due_date, m.id))
    return out
