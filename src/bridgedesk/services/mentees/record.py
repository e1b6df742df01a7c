"""Small reads for one mentee's record (the sections of the mentee dialog).

The Deadlines list only carries dated credentials that still need watching; a mentee's own
record shows every credential they hold, whatever its status, so it needs its own read.
The checklist gap summary is a pure function over the grid rows the checklist service gives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean

from sqlalchemy import select

from bridgedesk.domain.enums import CredentialStatus, Tier
from bridgedesk.domain.reminders import NONE, days_left
from bridgedesk.services.checklists.ratings import ChecklistGridRow
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials.deadline_rows import deadline_rows
from bridgedesk.storage.models import Credential, CredentialKind

TIER_ORDER = (Tier.HOSPITAL, Tier.ACCREDITATION, Tier.GOVERNMENT)


@dataclass(frozen=True)
class MenteeCredentialRow:
    credential_id: int
    kind_name: str
    tier: Tier
    number: str
    status: CredentialStatus
    expires_on: dt.date | None
    days_left: int | None
    band: str  # as in the Deadlines view; "none" for undated or no-longer-watched credentials


@dataclass(frozen=True)
class GapSummary:
    """How the mentee's self-ratings and the mentor's ratings differ, item by item."""

    both_rated: int
    mentor_higher: int
    self_higher: int
    mean_gap: float | None  # mentor - self, in levels
    largest: list[ChecklistGridRow]  # up to three items with the widest gap, widest first


def credentials_of(
    ctx: ServiceContext, mentee_id: int, today: dt.date
) -> list[MenteeCredentialRow]:
    """Every credential of one mentee, by tier (hospital, accreditation, government), then expiry."""
    stmt = (
        select(
            Credential.id, CredentialKind.name, CredentialKind.tier, Credential.number,
            Credential.status, Credential.expires_on, Credential.reminder_offsets,
            CredentialKind.reminder_offsets,
        )
        .join(CredentialKind, CredentialKind.id == Credential.kind_id)
        .where(Credential.mentee_id == mentee_id)
        .order_by(Credential.expires_on, Credential.id)
    )  # fmt: skip
    with ctx.read() as s:
        rows = s.execute(stmt).all()
        # the deadline engine's next event per watched credential: the Deadlines view's rows
        next_events = {r.credential_id: r for r in deadline_rows(s, today, mentee_id=mentee_id)}
    out = []
    for cid, name, tier, number, status, expires, _own, _kinds in rows:
        event = next_events.get(cid)
        if event is not None:
            on, left, band = event.expires_on, event.days_left, event.band
        else:
            on, left, band = expires, days_left(expires, today), NONE
        out.append(MenteeCredentialRow(cid, name, Tier(tier), number, status, on, left, band))
    rank = {tier: n for n, tier in enumerate(TIER_ORDER)}
    # Undated credentials after dated ones within a tier; sort is stable on the expiry order.
    out.sort(key=lambda r: (rank.get(r.tier, 99), r.expires_on is None))
    return out


def gap_summary(rows: Sequence[ChecklistGridRow]) -> GapSummary:
    """Count items where mentor and mentee disagree, and name the widest gaps."""
    both = [r for r in rows if r.gap is not None]
    gaps = [r.gap for r in both if r.gap is not None]
    widest = sorted((r for r in both if r.gap), key=lambda r: (-abs(r.gap or 0), r.key))
    return GapSummary(
        both_rated=len(both),
        mentor_higher=sum(1 for g in gaps if g > 0),
        self_higher=sum(1 for g in gaps if g < 0),
        mean_gap=fmean(gaps) if gaps else None,
        largest=widest[:3],
    )
