"""The dashboard's "today" lists: what the director should act on, one row per thing to do.

Four lists, each computed in a few narrow queries so that a 10,000-mentee program still
answers in well under a second: overdue check-ins, credential deadlines within 30 days
(lapsed ones included), active mentees with no open primary mentor, and mentees whose
checklist has items nobody assessed in the last six months.

Every list takes an optional ``site`` (a site name): the dashboard can show one site of a
multi-site program or, with ``None``, all of them together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.errors import NotFoundError
from bridgedesk.services.checklists.progress import add_months
from bridgedesk.services.checklists.ratings import ChecklistService
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials.service import CredentialService
from bridgedesk.services.mentors.primary_rule import has_primary_mentor
from bridgedesk.services.timeline.service import TimelineService
from bridgedesk.storage.models import (
    Assessment,
    ChecklistDomain,
    ChecklistItem,
    ChecklistTemplate,
    Mentee,
    Site,
)

DEADLINE_DAYS = 30
STALE_MONTHS = 6


@dataclass(frozen=True)
class ActionItem:
    """One line of an action list: who, what, and the date it is about (if any)."""

    mentee_id: int
    mentee_name: str
    what: str
    when: dt.date | None
    urgent: bool  # already late (overdue, lapsed) rather than coming up


@dataclass(frozen=True)
class DashboardLists:
    overdue_checkins: tuple[ActionItem, ...]
    deadlines: tuple[ActionItem, ...]
    without_primary_mentor: tuple[ActionItem, ...]
    stale_checklists: tuple[ActionItem, ...]


def dashboard_lists(ctx: ServiceContext, today: dt.date, site: str | None = None) -> DashboardLists:
    """All four lists as of ``today`` (one site's mentees when ``site`` is given)."""
    return DashboardLists(
        overdue_checkins=overdue_checkins(ctx, today, site),
        deadlines=deadlines_soon(ctx, today, site=site),
        without_primary_mentor=without_primary_mentor(ctx, today, site),
        stale_checklists=stale_checklists(ctx, today, site=site),
    )


def overdue_checkins(
    ctx: ServiceContext, today: dt.date, site: str | None = None
) -> tuple[ActionItem, ...]:
    """Planned check-ins whose date has passed, oldest first."""
    timeline = TimelineService(ctx)
    if site is None:
        rows = timeline.overdue_checkins(today)
    else:  # the agenda up to yesterday is exactly the overdue items; it filters by site
        rows = [r for r in timeline.agenda(today, days=-1, site=site) if r.kind == "checkin"]
        rows.sort(key=lambda r: (r.date, r.mentee_name, r.id))
    return tuple(
        ActionItem(r.mentee_id, r.mentee_name, f"Check-in overdue: {r.title}", r.date, True)
        for r in rows
    )


def deadlines_soon(
    ctx: ServiceContext,
    today: dt.date,
    within_days: int = DEADLINE_DAYS,
    site: str | None = None,
) -> tuple[ActionItem, ...]:
    """Credentials lapsed or expiring within ``within_days``, lapsed first then nearest."""
    out = []
    for r in CredentialService(ctx).deadlines(today, within_days=within_days, site=site):
        left = r.days_left if r.days_left is not None else 0
        what = (
            f"{r.kind_name}: {r.what[:1].lower() + r.what[1:] if r.what[1:2].islower() else r.what}"
            + (" (lapsed)" if left < 0 else "")
        )
        out.append(ActionItem(r.mentee_id, r.mentee_name, what, r.expires_on, left < 0))
    return tuple(out)


def without_primary_mentor(
    ctx: ServiceContext, today: dt.date, site: str | None = None
) -> tuple[ActionItem, ...]:
    """Active mentees with no open primary assignment (none, or all ended by today).

    The date is the mentee's start: urgent once they have started without one.
    """
    has_primary = has_primary_mentor(today)
    stmt = (
        select(Mentee.id, Mentee.given_names, Mentee.family_name, Mentee.start_date)
        .where(Mentee.status == MenteeStatus.ACTIVE, ~has_primary)
        .order_by(Mentee.start_date, Mentee.family_name, Mentee.id)
    )
    if site is not None:
        stmt = stmt.join(Site, Site.id == Mentee.site_id).where(Site.name == site)
    with ctx.read() as s:
        rows = s.execute(stmt).all()
    return tuple(
        ActionItem(
            mid,
            f"{given} {family}".strip(),
            "No primary mentor" + (" (starts on this date)" if start > today else ""),
            start,
            start <= today,
        )
        for mid, given, family, start in rows
    )


def stale_checklists(
    ctx: ServiceContext, today: dt.date, months: int = STALE_MONTHS, site: str | None = None
) -> tuple[ActionItem, ...]:
    """Active mentees with current-template items nobody assessed since ``months`` ago.

    Same rule as :meth:`ChecklistService.stale_items` (an item is followed by its key across
    template versions of the same name), but one grouped query for the whole program.
    Most stale items first.
    """
    try:
        template = ChecklistService(ctx).current_template()
    except NotFoundError:
        return ()
    keys = {key for _domain, items in template.domains for _id, key, _text in items}
    if not keys:
        return ()
    cutoff = add_months(today, -months)
    # The items that carry those keys in any version of the template (a few dozen rows), so
    # the ratings are read through their date index alone, with no join per rating.
    items = (
        select(ChecklistItem.id, ChecklistItem.key)
        .join(ChecklistDomain, ChecklistDomain.id == ChecklistItem.domain_id)
        .join(
            ChecklistTemplate,
            and_(
                ChecklistTemplate.id == ChecklistDomain.template_id,
                ChecklistTemplate.name == template.name,
            ),
        )
        .where(ChecklistItem.key.in_(sorted(keys)))
    )
    active = select(Mentee.id, Mentee.given_names, Mentee.family_name).where(
        Mentee.status == MenteeStatus.ACTIVE
    )
    if site is not None:
        active = active.join(Site, Site.id == Mentee.site_id).where(Site.name == site)
    with ctx.read() as s:
        key_of = {int(item_id): key for item_id, key in s.execute(items)}
        key_number = {key: n for n, key in enumerate(sorted(set(key_of.values())))}
        fresh_counts: dict[int, int] = {}
        if key_of:  # distinct keys (not item ids) rated since the cutoff, per mentee
            key_expr = case(
                {item_id: key_number[key] for item_id, key in key_of.items()},
                value=Assessment.item_id,
            )
            fresh = (
                select(Assessment.mentee_id, func.count(func.distinct(key_expr)))
                .where(Assessment.assessed_on >= cutoff)  # other items map to NULL: not counted
                .group_by(Assessment.mentee_id)
            )
            fresh_counts = {int(m): int(n) for m, n in s.execute(fresh)}
        mentees = s.execute(active).all()
    out = []
    for mid, given, family in mentees:
        stale = len(keys) - int(fresh_counts.get(mid, 0))
        if stale > 0:
            what = f"{stale} of {len(keys)} checklist items not assessed in {months} months"
            out.append((stale, ActionItem(mid, f"{given} {family}".strip(), what, None, False)))
    out.sort(key=lambda pair: (-pair[0], pair[1].mentee_name.casefold(), pair[1].mentee_id))
    return tuple(item for _n, item in out)
