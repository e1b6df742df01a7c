"""Timeline service: default schedule, late entry, reschedule chains, overdue, agenda, goals."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from bridgedesk.domain.enums import (
    CheckinFormat,
    CheckinStatus,
    CheckinTopic,
    GoalProgressMode,
    MenteeStatus,
    ScheduleItemKind,
    Tier,
)
from bridgedesk.errors import ValidationError
from bridgedesk.services.timeline.schedule import PlanFrom, plan_mentees
from bridgedesk.services.timeline.service import CheckinLog, TimelineService
from bridgedesk.storage.models import (
    Action,
    AuditEntry,
    Checkin,
    Mentee,
    Milestone,
    ScheduleItem,
    Site,
)

TODAY = dt.date(2025, 6, 15)
HOSTILE = "<b>&amp;</para>"


def make_mentee(ctx, given="ሰላም", family="ተስፋዬ", start=dt.date(2025, 1, 6), **extra) -> int:
    with ctx.unit_of_work() as s:
        mentee = Mentee(given_names=given, family_name=family, start_date=start, **extra)
        s.add(mentee)
        s.flush()
        return mentee.id


def a_log(held: dt.date, **extra) -> CheckinLog:
    return CheckinLog(
        held_date=held,
        format=extra.pop("format", CheckinFormat.VIDEO),
        attendees=extra.pop("attendees", "Dr Ольга Иванова"),
        topics=extra.pop("topics", [CheckinTopic.CULTURAL, CheckinTopic.WELLBEING]),
        summary=extra.pop("summary", "Talked about call rota"),
        **extra,
    )


# ----- default schedule ---------------------------------------------------------------
def test_default_schedule_counts_and_dates_from_template(ctx):
    start = dt.date(2025, 3, 3)
    mid = make_mentee(ctx, start=start)
    with ctx.read() as s:
        want_c = s.scalar(select(func.count()).where(ScheduleItem.kind == ScheduleItemKind.CHECKIN))
        want_m = s.scalar(
            select(func.count()).where(ScheduleItem.kind == ScheduleItemKind.MILESTONE)
        )
    assert (want_c, want_m) == (22, 12)  # the shipped default program
    with ctx.unit_of_work() as s:
        counts = plan_mentees(s, [(mid, start)], TODAY, PlanFrom.START, "tester")
    assert (counts.checkins, counts.milestones, counts.version) == (22, 12, 1)
    with ctx.read() as s:
        planned = dict(
            s.execute(
                select(Checkin.title, Checkin.planned_date).where(Checkin.mentee_id == mid)
            ).all()
        )
        due = dict(s.execute(select(Milestone.name, Milestone.due_date)).all())
        tiers = dict(s.execute(select(Milestone.name, Milestone.tier)).all())
    assert planned["Day 7 check-in"] == dt.date(2025, 3, 10)
    assert planned["Welcome call"] == start - dt.timedelta(days=30)
    assert planned["Final review"] == start + dt.timedelta(days=1095)
    assert due["90-day review"] == start + dt.timedelta(days=90)
    assert tiers["Credentials verified"] == Tier.GOVERNMENT


def test_planning_from_today_leaves_out_only_what_is_already_past(ctx):
    start = dt.date(2025, 3, 3)  # TODAY is day 104: day 90 has passed, month 4 (120) has not
    mid = make_mentee(ctx, start=start)
    with ctx.unit_of_work() as s:
        counts = plan_mentees(s, [(mid, start)], TODAY, PlanFrom.TODAY, "tester")
    events = TimelineService(ctx).events(mid, TODAY)
    assert min(e.planned for e in events) >= TODAY
    assert "overdue" not in {e.state for e in events}
    titles = {e.title for e in events}
    assert "Month 4 check-in" in titles and "Day 90 check-in" not in titles
    assert (counts.checkins, counts.milestones) == (17, 6)  # days 120..1095; 182..1095


def test_planning_is_audited_once_per_mentee_with_how_it_was_planned(ctx):
    mid = make_mentee(ctx, start=TODAY)
    with ctx.unit_of_work() as s:
        plan_mentees(s, [(mid, TODAY)], TODAY, PlanFrom.TODAY, "tester")
    with ctx.read() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.entity == "schedule")))
    assert [(e.mentee_id, e.action) for e in entries] == [(mid, "create")]
    assert '"planned": "from today"' in entries[0].after


# ----- check-ins ----------------------------------------------------------------------
def test_late_entry_keeps_the_real_past_date_and_creates_actions(ctx):
    mid = make_mentee(ctx)
    svc = TimelineService(ctx)
    cid = svc.plan_checkin(mid, dt.date(2025, 5, 1), title="Day 90 check-in")
    held = dt.date(2025, 5, 3)  # entered six weeks later
    note = "x" * 10_000
    svc.log_checkin(
        cid,
        a_log(
            held,
            summary=HOSTILE,
            private_note=note,
            actions=[("Book interpreter training", dt.date(2025, 7, 1)), ("Meet the imam", None)],
        ),
        today=TODAY,
    )
    detail = svc.checkin_detail(cid)
    assert detail.held_date == held
    assert detail.status == CheckinStatus.HELD
    assert detail.summary == HOSTILE
    assert detail.private_note == note
    assert detail.topics == [CheckinTopic.CULTURAL, CheckinTopic.WELLBEING]
    assert detail.attendees == "Dr Ольга Иванова"
    assert [a.description for a in detail.actions] == ["Book interpreter training", "Meet the imam"]
    assert [a.description for a in svc.open_actions(mid)] == [
        "Book interpreter training",
        "Meet the imam",
    ]
    event = next(e for e in svc.events(mid, TODAY) if e.id == cid)
    assert (event.date, event.planned, event.state) == (held, dt.date(2025, 5, 1), "held")
    with ctx.read() as s:
        audited = s.execute(
            select(AuditEntry.entity, AuditEntry.action, AuditEntry.actor).where(
                AuditEntry.mentee_id == mid
            )
        ).all()
    assert ("checkin", "update", "tester") in audited
    assert sum(1 for e in audited if e[:2] == ("action", "create")) == 2


def test_future_held_date_is_refused(ctx):
    mid = make_mentee(ctx)
    svc = TimelineService(ctx)
    cid = svc.plan_checkin(mid, TODAY)
    with pytest.raises(ValidationError) as err:
        svc.log_checkin(cid, a_log(TODAY + dt.timedelta(days=1)), today=TODAY)
    assert "held_date" in err.value.problems
    assert svc.checkin_detail(cid).status == CheckinStatus.PLANNED
    svc.log_checkin(cid, a_log(TODAY), today=TODAY)  # today itself is fine
    assert svc.checkin_detail(cid).status == CheckinStatus.HELD


def test_action_needs_a_description(ctx):
    mid = make_mentee(ctx)
    svc = TimelineService(ctx)
    cid = svc.plan_checkin(mid, TODAY)
    with pytest.raises(ValidationError):
        svc.log_checkin(cid, a_log(TODAY, actions=[("  ", None)]), today=TODAY)
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Action)) == 0


def test_unplanned_checkin_in_several_scripts(ctx):
    svc = TimelineService(ctx)
    for given, family in [
        ("محمد", "عبد الله"),
        ("प्रिया", "शर्मा"),
        ("小明", "王"),
        ("Ánh", "Nguyễn Thị"),
    ]:
        mid = make_mentee(ctx, given=given, family=family)
        cid = svc.log_unplanned_checkin(
            mid, a_log(dt.date(2025, 6, 1), summary=f"{given} {HOSTILE}"), title="Corridor chat",
            today=TODAY,
        )  # fmt: skip
        detail = svc.checkin_detail(cid)
        assert detail.planned_date == detail.held_date == dt.date(2025, 6, 1)
        assert detail.summary == f"{given} {HOSTILE}"
        assert detail.title == "Corridor chat"


def test_reschedule_chain(ctx):
    mid = make_mentee(ctx)
    svc = TimelineService(ctx)
    first = svc.plan_checkin(mid, dt.date(2025, 6, 1), title="Day 30 check-in")
    second = svc.reschedule(first, dt.date(2025, 6, 10))
    third = svc.reschedule(second, dt.date(2025, 6, 20))
    a, b, c = (svc.checkin_detail(i) for i in (first, second, third))
    assert (a.status, a.rescheduled_to_id) == (CheckinStatus.RESCHEDULED, second)
    assert (b.status, b.rescheduled_to_id) == (CheckinStatus.RESCHEDULED, third)
    assert (c.status, c.planned_date, c.title) == (
        CheckinStatus.PLANNED,
        dt.date(2025, 6, 20),
        "Day 30 check-in",
    )
    states = {e.id: e.state for e in svc.events(mid, TODAY)}
    assert states == {first: "rescheduled", second: "rescheduled", third: "planned"}
    with pytest.raises(ValidationError):
        svc.reschedule(first, dt.date(2025, 7, 1))
    with pytest.raises(ValidationError):
        svc.log_checkin(first, a_log(TODAY), today=TODAY)
    assert [r.id for r in svc.overdue_checkins(TODAY)] == []


def test_missed_checkin(ctx):
    mid = make_mentee(ctx)
    svc = TimelineService(ctx)
    cid = svc.plan_checkin(mid, dt.date(2025, 6, 1))
    assert [r.id for r in svc.overdue_checkins(TODAY)] == [cid]
    svc.mark_missed(cid)
    assert svc.checkin_detail(cid).status == CheckinStatus.MISSED
    assert [e.state for e in svc.events(mid, TODAY)] == ["missed"]
    assert svc.overdue_checkins(TODAY) == []
    with pytest.raises(ValidationError):
        svc.mark_missed(cid)
    new = svc.reschedule(cid, dt.date(2025, 6, 20))  # a missed one can be made up
    assert svc.checkin_detail(new).status == CheckinStatus.PLANNED


def test_overdue_detection(ctx):
    active = make_mentee(ctx, given="Ольга", family="Иванова")
    gone = make_mentee(ctx, given="王", family="小明", status=MenteeStatus.LEFT)
    svc = TimelineService(ctx)
    late = svc.plan_checkin(active, TODAY - dt.timedelta(days=1))
    on_day = svc.plan_checkin(active, TODAY)
    held = svc.plan_checkin(active, TODAY - dt.timedelta(days=10))
    svc.log_checkin(held, a_log(TODAY - dt.timedelta(days=10)), today=TODAY)
    svc.plan_checkin(gone, TODAY - dt.timedelta(days=5))
    overdue = svc.overdue_checkins(TODAY)
    assert [(r.id, r.overdue, r.mentee_name) for r in overdue] == [(late, True, "Ольга Иванова")]
    states = {e.id: e.state for e in svc.events(active, TODAY)}
    assert states == {late: "overdue", on_day: "planned", held: "held"}


def test_milestone_completion(ctx):
    mid = make_mentee(ctx)
    svc = TimelineService(ctx)
    msid = svc.add_milestone(mid, "First independent call", dt.date(2025, 6, 1), Tier.HOSPITAL)
    assert [e.state for e in svc.events(mid, TODAY)] == ["overdue"]
    assert [e.state for e in svc.events(mid, dt.date(2025, 5, 1))] == ["due"]
    with pytest.raises(ValidationError):
        svc.complete_milestone(msid, TODAY + dt.timedelta(days=1), "Dr Smith", today=TODAY)
    with pytest.raises(ValidationError):
        svc.complete_milestone(msid, TODAY, "  ", today=TODAY)
    svc.complete_milestone(msid, dt.date(2025, 6, 5), "Dr प्रिया शर्मा", today=TODAY)
    (event,) = svc.events(mid, TODAY)
    assert (event.state, event.date, event.planned, event.done) == (
        "done", dt.date(2025, 6, 5), dt.date(2025, 6, 1), dt.date(2025, 6, 5),
    )  # fmt: skip
    assert svc.agenda(TODAY) == []
    with ctx.read() as s:
        assert s.get(Milestone, msid).signed_off_by == "Dr प्रिया शर्मा"


def test_agenda_window_overdue_first_active_only_and_site(ctx):
    with ctx.unit_of_work() as s:
        north = Site(name="North clinic")
        s.add(north)
        s.flush()
        north_id = north.id
    here = make_mentee(ctx, given="Ánh", family="Nguyễn Thị", site_id=north_id)
    other = make_mentee(ctx, given="Priya", family="Sharma")
    gone = make_mentee(ctx, given="Left", family="Early", status=MenteeStatus.LEFT)
    svc = TimelineService(ctx)
    old = svc.plan_checkin(here, TODAY - dt.timedelta(days=5))
    at_start = svc.plan_checkin(here, TODAY)
    at_end = svc.add_milestone(here, "Year-1 review", TODAY + dt.timedelta(days=30))
    svc.plan_checkin(here, TODAY + dt.timedelta(days=31))  # outside the window
    mid_window = svc.plan_checkin(other, TODAY + dt.timedelta(days=10))
    svc.plan_checkin(gone, TODAY + dt.timedelta(days=2))
    rows = svc.agenda(TODAY, days=30)
    assert [(r.kind, r.id, r.overdue) for r in rows] == [
        ("checkin", old, True),
        ("checkin", at_start, False),
        ("checkin", mid_window, False),
        ("milestone", at_end, False),
    ]
    assert rows[0].mentee_name == "Ánh Nguyễn Thị"
    assert [r.id for r in svc.agenda(TODAY, days=30, site="North clinic")] == [
        old,
        at_start,
        at_end,
    ]
    assert [r.id for r in svc.agenda(TODAY, days=9)] == [old, at_start]


def test_phase_bands_follow_start_date(ctx):
    start = dt.date(2025, 1, 1)
    mid = make_mentee(ctx, start=start)
    bands = TimelineService(ctx).phase_bands(mid)
    assert bands[0].name == "Pre-arrival" and bands[0].start == start - dt.timedelta(days=60)
    assert bands[1].start == start and bands[1].end == start + dt.timedelta(days=14)
    assert bands[-1].end is None


def test_actions_open_and_done(ctx):
    mid = make_mentee(ctx)
    svc = TimelineService(ctx)
    undated = svc.add_action(mid, "Read the bylaws", None, owner="mentee")
    soon = svc.add_action(mid, "Shadow night nurse", dt.date(2025, 7, 1))
    assert [a.id for a in svc.open_actions(mid)] == [soon, undated]
    svc.complete_action(soon, TODAY)
    assert [a.id for a in svc.open_actions(mid)] == [undated]
    other = make_mentee(ctx)
    cid = svc.plan_checkin(other, TODAY)
    with pytest.raises(ValidationError):
        svc.add_action(mid, "Wrong check-in", None, checkin_id=cid)


def test_goal_progress_from_tasks_and_judged(ctx):
    mid = make_mentee(ctx)
    svc = TimelineService(ctx)
    counted = svc.add_goal(
        mid, "Lead a teaching session", GoalProgressMode.TASKS, dt.date(2025, 12, 1)
    )
    tasks = [svc.add_goal_task(counted, t) for t in ("Pick topic", "Book room", "Teach")]
    judged = svc.add_goal(mid, "Confidence with interpreters", GoalProgressMode.JUDGED)
    empty = svc.add_goal(mid, "No tasks yet", GoalProgressMode.TASKS)
    svc.complete_goal_task(tasks[0], TODAY)
    svc.set_goal_progress(judged, 40)
    with pytest.raises(ValidationError):
        svc.set_goal_progress(counted, 90)
    with pytest.raises(ValidationError):
        svc.set_goal_progress(judged, 101)
    rows = {g.id: g for g in svc.goals(mid)}
    assert rows[counted].progress_percent == 33
    assert [t.done_date for t in rows[counted].tasks] == [TODAY, None, None]
    assert rows[judged].progress_percent == 40
    assert rows[empty].progress_percent == 0
    svc.complete_goal_task(tasks[1], TODAY)
    svc.complete_goal_task(tasks[2], TODAY)
    assert {g.id: g.progress_percent for g in svc.goals(mid)}[counted] == 100
