"""The dashboard's action lists: each agrees with the service it summarises, in any script."""

from __future__ import annotations

import datetime as dt

import pytest

from bridgedesk.domain.enums import AssessmentMethod, MenteeStatus, ObserverRole
from bridgedesk.services.checklists.ratings import ChecklistService, Rating
from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.services.demo import generate_demo
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentees.roster_rows import roster_rows
from bridgedesk.services.metrics.dashboard_lists import (
    dashboard_lists,
    deadlines_soon,
    overdue_checkins,
    stale_checklists,
    without_primary_mentor,
)
from bridgedesk.services.timeline.service import TimelineService

TODAY = dt.date(2026, 3, 12)


@pytest.fixture
def two(sqlite_ctx) -> dict[str, int]:
    roster = RosterService(sqlite_ctx, clock=lambda: TODAY)
    return {
        native: roster.create(
            MenteeFields(given_names=given, family_name=family, native_name=native,
                         start_date=dt.date(2025, 9, 1))
        )
        for given, family, native in (
            ("Selam", "Tesfaye", "ሰላም ተስፋዬ"),
            ("Muhammad", "Abdullah", "محمد عبد الله"),
        )
    }  # fmt: skip


def test_overdue_checkin_and_deadline_within_30_days(sqlite_ctx, two):
    selam, muhammad = two["ሰላም ተስፋዬ"], two["محمد عبد الله"]
    timeline = TimelineService(sqlite_ctx)
    timeline.plan_checkin(selam, TODAY - dt.timedelta(days=5), "Month 6 <b>&amp;</para>")
    timeline.plan_checkin(muhammad, TODAY + dt.timedelta(days=5), "Month 6")
    credentials = CredentialService(sqlite_ctx)
    code = credentials.kinds()[0].code
    credentials.add(muhammad, CredentialFields(code, expires_on=TODAY + dt.timedelta(days=20)))
    credentials.add(selam, CredentialFields(code, expires_on=TODAY + dt.timedelta(days=45)))
    credentials.add(selam, CredentialFields(code, expires_on=TODAY - dt.timedelta(days=2)))

    overdue = overdue_checkins(sqlite_ctx, TODAY)
    assert [(i.mentee_id, i.when, i.urgent) for i in overdue] == [
        (selam, TODAY - dt.timedelta(days=5), True)
    ]
    assert "<b>&amp;</para>" in overdue[0].what
    soon = deadlines_soon(sqlite_ctx, TODAY)
    assert [(i.mentee_id, i.when, i.urgent) for i in soon] == [
        (selam, TODAY - dt.timedelta(days=2), True),
        (muhammad, TODAY + dt.timedelta(days=20), False),
    ]
    # the kind and what its date means, from the deadline rules
    assert soon[0].what.endswith("(lapsed)") and not soon[1].what.endswith("(lapsed)")
    assert soon[1].what == "Board certification: eligibility window ends"


def test_new_mentees_have_no_mentor_and_stale_checklists(sqlite_ctx, two):
    lists = dashboard_lists(sqlite_ctx, TODAY)
    assert {i.mentee_id for i in lists.without_primary_mentor} == set(two.values())
    service = ChecklistService(sqlite_ctx)
    template = service.current_template()
    items = [item_id for _d, rows in template.domains for item_id, _k, _t in rows]
    selam = two["ሰላም ተስፋዬ"]
    service.rate(selam, Rating(items[0], 2, TODAY - dt.timedelta(days=10), "Dr A",
                               ObserverRole.MENTOR, AssessmentMethod.DIRECT_OBSERVATION), today=TODAY)  # fmt: skip
    service.rate(selam, Rating(items[1], 2, TODAY - dt.timedelta(days=400), "Dr A",
                               ObserverRole.MENTOR, AssessmentMethod.DIRECT_OBSERVATION), today=TODAY)  # fmt: skip
    stale = {i.mentee_id: i.what for i in stale_checklists(sqlite_ctx, TODAY)}
    n = len(items)
    assert stale[selam].startswith(f"{n - 1} of {n} ")
    assert stale[two["محمد عبد الله"]].startswith(f"{n} of {n} ")
    assert service.stale_items(selam, TODAY) == n - 1


def test_lists_agree_with_the_services_on_the_demo(sqlite_ctx):
    generate_demo(sqlite_ctx, TODAY, mentees=30, seed=3)
    rows = roster_rows(sqlite_ctx, TODAY)
    active = [r for r in rows if r.status == MenteeStatus.ACTIVE.value]
    no_mentor = {i.mentee_id for i in without_primary_mentor(sqlite_ctx, TODAY)}
    assert no_mentor == {r.id for r in active if r.primary_mentor_id is None}
    service = ChecklistService(sqlite_ctx)
    expected = {r.id: service.stale_items(r.id, TODAY) for r in active}
    got = {i.mentee_id: int(i.what.split()[0]) for i in stale_checklists(sqlite_ctx, TODAY)}
    assert got == {mid: n for mid, n in expected.items() if n > 0}
    assert len(overdue_checkins(sqlite_ctx, TODAY)) == len(
        TimelineService(sqlite_ctx).overdue_checkins(TODAY)
    )
    assert len(deadlines_soon(sqlite_ctx, TODAY)) == len(
        CredentialService(sqlite_ctx).deadlines(TODAY, within_days=30)
    )
