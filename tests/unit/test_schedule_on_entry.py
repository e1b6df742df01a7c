"""Every way a mentee enters the program gives the same structured plan (program.md).

Day 7, 30, 60 and 90 check-ins, monthly to the end of year 1, quarterly to year 3, and the
milestones (orientation complete, first independent call, 90-day, 6-month and yearly reviews,
board certified, exit interview): through the roster service (the form's call), a roster file,
the command line and the demo, all by one planning function.
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from sqlalchemy import select

from bridgedesk.cli.main import main as cli_main
from bridgedesk.domain.enums import CheckinFormat, ScheduleItemKind
from bridgedesk.services.demo.generator import generate_demo
from bridgedesk.services.importing.roster_import import import_roster
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program import schedule_template
from bridgedesk.services.program.schedule_template import TemplateItem
from bridgedesk.services.timeline.schedule import PlanFrom, planned_items
from bridgedesk.services.timeline.service import CheckinLog, TimelineService
from bridgedesk.storage.models import AuditEntry, Checkin, Mentee, Milestone

TODAY = dt.date(2026, 3, 12)
START = dt.date(2026, 3, 2)  # ten days ago: the day-7 check-in is already past
CHECKIN_DAYS = {
    -30, 7, 30, 60, 90,  # welcome call, then the first 90 days
    120, 150, 180, 210, 240, 270, 300, 330, 365,  # monthly to the end of year 1
    455, 545, 635, 730, 820, 910, 1000, 1095,  # quarterly through years 2 and 3
}  # fmt: skip
MILESTONES = {
    "Credentials verified", "Hospital privileges granted", "Orientation complete",
    "First cultural-fluency self-assessment", "First independent call", "90-day review",
    "6-month review", "Year-1 review", "Mentors a newer IMG", "Year-2 review",
    "Board certified", "Year-3 review and exit interview",
}  # fmt: skip


def plan_of(ctx, mentee_id: int) -> tuple[set[int], set[str], dt.date | None]:
    """(check-in days from the start, milestone names, the start) as stored."""
    with ctx.read() as s:
        start = s.scalar(select(Mentee.start_date).where(Mentee.id == mentee_id))
        checkins = s.scalars(select(Checkin.planned_date).where(Checkin.mentee_id == mentee_id))
        days = {(day - start).days for day in checkins}
        names = set(s.scalars(select(Milestone.name).where(Milestone.mentee_id == mentee_id)))
    return days, names, start


def assert_full_schedule(ctx, mentee_id: int) -> None:
    days, names, _start = plan_of(ctx, mentee_id)
    assert days == CHECKIN_DAYS
    assert names == MILESTONES


def assert_from_today(ctx, mentee_id: int) -> None:
    """Nothing before today, everything from today on."""
    days, names, start = plan_of(ctx, mentee_id)
    assert start is not None
    assert days == {d for d in CHECKIN_DAYS if start + dt.timedelta(days=d) >= TODAY}
    assert "Orientation complete" in names and "Credentials verified" not in names
    assert "overdue" not in {e.state for e in TimelineService(ctx).events(mentee_id, TODAY)}


def test_the_roster_service_plans_every_new_mentee(ctx):
    roster = RosterService(ctx, clock=lambda: TODAY)
    full = roster.create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", start_date=START),
        PlanFrom.START,
    )
    assert_full_schedule(ctx, full)
    today_only = roster.create(
        MenteeFields(given_names="Mohammed", family_name="Abdullah", start_date=START)
    )
    assert_from_today(ctx, today_only)
    assert roster.get(full).schedule_version == 1
    with ctx.read() as s:
        audited = s.scalars(
            select(AuditEntry.mentee_id).where(AuditEntry.entity == "schedule")
        ).all()
    assert sorted(audited) == sorted([full, today_only])


@pytest.mark.parametrize("plan_from", [PlanFrom.TODAY, PlanFrom.START])
def test_an_imported_file_plans_every_active_mentee(ctx, tmp_path, plan_from):
    path = tmp_path / "roster.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Given names", "Family name", "Start date", "Status", "Exit date"])
        writer.writerow(["Priya", "Sharma", START.isoformat(), "", ""])
        writer.writerow(["Olga", "Ivanova", "2023-01-09", "completed", "2026-01-12"])
    result = import_roster(ctx, path, today=TODAY, plan_from=plan_from)
    active, done = result.mentee_ids
    assert result.planned is not None and result.planned.mentees == 1
    if plan_from is PlanFrom.START:
        assert_full_schedule(ctx, active)
    else:
        assert_from_today(ctx, active)
    assert plan_of(ctx, done)[:2] == (set(), set())  # someone who has left gets no plan


def test_the_command_line_import_plans_from_the_start_date_when_asked(tmp_path, capsys):
    path = tmp_path / "roster.csv"
    path.write_text(
        f"Given names,Family name,Start date\nNguyễn Thị,Ánh,{dt.date.today().isoformat()}\n",
        encoding="utf-8",
    )
    data = str(tmp_path / "data")
    assert (
        cli_main(["import", "roster", str(path), "--plan-from", "start", "--data-dir", data]) == 0
    )
    out = capsys.readouterr().out
    assert "Planned 22 check-ins and 12 milestones for 1 active mentee from the start date" in out


def test_the_demo_plans_with_the_same_function(ctx):
    generate_demo(ctx, TODAY, mentees=6, seed=4)
    with ctx.read() as s:
        starts = dict(s.execute(select(Mentee.id, Mentee.start_date)).all())
        titles = {
            mid: {t for (t,) in s.execute(select(Checkin.title).where(Checkin.mentee_id == mid))}
            for mid in starts
        }
    items = schedule_template.current_items(ctx)
    for mid, start in starts.items():
        expected = {
            p.name for p in planned_items(items, start, TODAY, PlanFrom.START)
            if p.kind == ScheduleItemKind.CHECKIN
        }  # fmt: skip
        assert expected <= {t.removesuffix(" (rescheduled)") for t in titles[mid]}, mid


def test_a_new_schedule_version_plans_only_mentees_added_after_it(ctx):
    roster = RosterService(ctx, clock=lambda: TODAY)
    before = roster.create(MenteeFields(given_names="Ana", family_name="Silva", start_date=TODAY))
    items = schedule_template.current_items(ctx)
    edited = [i for i in items if i.name != "Month 5 check-in"] + [
        TemplateItem(ScheduleItemKind.CHECKIN, "Week 2 huddle", 14)
    ]
    assert schedule_template.save_new_version(ctx, edited, "Week 2 huddle") == 2
    after = roster.create(MenteeFields(given_names="Bo", family_name="Lee", start_date=TODAY))
    titles = {
        mid: {e.title for e in TimelineService(ctx).events(mid, TODAY)} for mid in (before, after)
    }
    assert "Week 2 huddle" in titles[after] and "Month 5 check-in" not in titles[after]
    assert "Week 2 huddle" not in titles[before] and "Month 5 check-in" in titles[before]
    assert (roster.get(before).schedule_version, roster.get(after).schedule_version) == (1, 2)
    versions = schedule_template.versions(ctx)
    assert [(v.version, v.is_current, v.mentees_planned) for v in versions] == [
        (2, True, 1),
        (1, False, 1),
    ]


def test_a_bad_schedule_is_refused_with_every_row_named(ctx):
    items = [
        TemplateItem(ScheduleItemKind.CHECKIN, "  ", 7),
        TemplateItem(ScheduleItemKind.CHECKIN, "Day 30", 30),
        TemplateItem(ScheduleItemKind.CHECKIN, "day 30", 31),
        TemplateItem(ScheduleItemKind.MILESTONE, "Far", 99_999),
    ]
    problems = schedule_template.validate_items(items)
    assert set(problems) == {"items[1]", "items[3]", "items[4]"}
    assert "same name as row 2" in problems["items[3]"]


def test_a_new_start_date_moves_what_is_planned_and_keeps_what_happened(ctx):
    roster = RosterService(ctx, clock=lambda: TODAY)
    mid = roster.create(
        MenteeFields(given_names="Kim", family_name="Minjun", start_date=START), PlanFrom.START
    )
    timeline = TimelineService(ctx)
    day7 = next(e for e in timeline.events(mid, TODAY) if e.title == "Day 7 check-in")
    log = CheckinLog(dt.date(2026, 3, 9), CheckinFormat.VIDEO, "Kim, Dr Adams", [], "Settling in")
    timeline.log_checkin(day7.id, log, today=TODAY)
    record = roster.get(mid)
    shift = roster.plan_shift(mid, START + dt.timedelta(days=14))
    assert (shift.days, shift.checkins, shift.milestones) == (14, 21, 12)
    record.fields.start_date = START + dt.timedelta(days=14)
    roster.update(mid, record.fields, record.version, shift_plan=True)
    events = {e.title: e for e in timeline.events(mid, TODAY)}
    assert events["Day 7 check-in"].done == dt.date(2026, 3, 9)  # held: kept as it happened
    assert events["Day 30 check-in"].planned == START + dt.timedelta(days=44)
    assert events["90-day review"].planned == START + dt.timedelta(days=104)
    with ctx.read() as s:
        updates = s.execute(
            select(AuditEntry.entity, AuditEntry.after).where(
                AuditEntry.action == "update", AuditEntry.mentee_id == mid
            )
        ).all()
    moved = [
        entity for entity, after in updates if '"planned_date"' in after or '"due_date"' in after
    ]
    assert moved.count("checkin") == 21 and moved.count("milestone") == 12  # each one audited


def test_keeping_the_dates_after_a_start_date_change_moves_nothing(ctx):
    roster = RosterService(ctx, clock=lambda: TODAY)
    mid = roster.create(MenteeFields(given_names="Eleni", family_name="Papa", start_date=TODAY))
    before = [(e.title, e.planned) for e in TimelineService(ctx).events(mid, TODAY)]
    record = roster.get(mid)
    record.fields.start_date = TODAY + dt.timedelta(days=7)
    roster.update(mid, record.fields, record.version)
    assert [(e.title, e.planned) for e in TimelineService(ctx).events(mid, TODAY)] == before
    assert {e.state for e in TimelineService(ctx).events(mid, TODAY)} == {"planned", "due"}
