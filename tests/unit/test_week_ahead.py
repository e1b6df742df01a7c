"""The status bar's week ahead: what is due in the next seven days, and what is overdue."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.timeline.service import TimelineService
from bridgedesk.services.timeline.week_ahead import WeekAhead, week_ahead
from bridgedesk.storage.models import Site

TODAY = dt.date(2026, 3, 12)


def _mentee(ctx) -> int:
    return RosterService(ctx).create(
        MenteeFields(
            given_names="Selam",
            family_name="Tesfaye",
            native_name="ሰላም ተስፋዬ",
            start_date=dt.date(2025, 7, 1),
        )
    )


def test_counts_what_falls_in_the_seven_days_and_nothing_beyond(ctx):
    mentee_id = _mentee(ctx)
    before = week_ahead(ctx, TODAY)
    timeline = TimelineService(ctx)
    timeline.plan_checkin(mentee_id, TODAY, "Today")
    timeline.plan_checkin(mentee_id, TODAY + dt.timedelta(days=6), "Last day of the week")
    timeline.plan_checkin(mentee_id, TODAY + dt.timedelta(days=7), "Next week")
    timeline.plan_checkin(mentee_id, TODAY - dt.timedelta(days=2), "Missed <b>&amp;")
    timeline.add_milestone(mentee_id, "Board review", TODAY + dt.timedelta(days=3))
    credentials = CredentialService(ctx)
    credentials.add(mentee_id, CredentialFields("j1_visa", expires_on=TODAY + dt.timedelta(days=5)))
    credentials.add(mentee_id, CredentialFields("ecfmg", expires_on=TODAY + dt.timedelta(days=30)))

    after = week_ahead(ctx, TODAY)
    assert after.checkins - before.checkins == 2
    assert after.milestones - before.milestones == 1
    assert after.deadlines - before.deadlines == 1
    assert after.overdue - before.overdue == 1


def test_sentence_reads_plainly():
    assert WeekAhead(0, 0, 0, 0).sentence() == "Due this week: nothing."
    assert (
        WeekAhead(1, 2, 1, 3, overdue_checkins=1).sentence()
        == "Due this week: 1 check-in, 2 milestones, 1 credential deadline; "
        "1 check-in and 2 milestones overdue."
    )
    assert WeekAhead(0, 0, 0, 2, overdue_checkins=2).sentence() == (
        "Due this week: nothing; 2 check-ins overdue."
    )


def test_the_weeks_counts_are_the_agendas_rows_counted(ctx):
    """week_ahead counts in SQL with the agenda's own conditions: the same numbers as the
    Timeline's agenda rows, program-wide and for one site, on several days."""
    from bridgedesk.services.demo import generate_demo

    generate_demo(ctx, TODAY, mentees=60, seed=5)
    with ctx.read() as s:
        sites = [None, *s.scalars(select(Site.name).order_by(Site.id).limit(2))]
    assert len(sites) == 3
    timeline = TimelineService(ctx)
    seen = 0
    for day in (TODAY, TODAY + dt.timedelta(days=40), TODAY - dt.timedelta(days=200)):
        for site in sites:
            rows = timeline.agenda(day, days=6, site=site)
            week = week_ahead(ctx, day, site)
            upcoming = [r for r in rows if not r.overdue]
            assert week.checkins == sum(1 for r in upcoming if r.kind == "checkin")
            assert week.milestones == sum(1 for r in upcoming if r.kind == "milestone")
            assert week.overdue_checkins == sum(
                1 for r in rows if r.overdue and r.kind == "checkin"
            )
            assert week.overdue == sum(1 for r in rows if r.overdue)
            seen += len(rows)
    assert seen
