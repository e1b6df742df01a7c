"""The timeline split into small modules keeps one facade, one assignments reader and one audit row.

``TimelineService`` must keep the methods callers use, and every name once imported from
``services.timeline`` must still import from there; the mentor history is read by one function
for the Mentors screen and the packet; the report's audit lines are the History dialog's rows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect

import pytest

from bridgedesk.domain.enums import AssignmentKind, CheckinFormat, CheckinTopic, GoalProgressMode
from bridgedesk.errors import NotFoundError, ValidationError
from bridgedesk.reports.mentee_data import load_reports
from bridgedesk.services.history.audit_rows import AuditRow, history_rows
from bridgedesk.services.history.audit_wording import read_plain_history
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.service import MentorFields, MentorService, read_assignments
from bridgedesk.services.timeline import service as timeline
from bridgedesk.services.timeline.service import CheckinLog, TimelineService
from tests.unit.plans import without_schedule

TODAY = dt.date(2026, 6, 30)
HOSTILE = "<b>&amp;</para>"
PUBLIC_METHODS = {
    "events", "phase_bands", "agenda", "overdue_checkins", "checkin_detail", "open_actions",
    "goals", "plan_checkin", "log_checkin", "log_unplanned_checkin", "mark_missed",
    "reschedule", "add_milestone", "complete_milestone", "add_action", "complete_action",
    "add_goal", "add_goal_task", "complete_goal_task", "set_goal_progress", "set_goal_status",
    "edit_planned_checkin", "delete_checkin", "milestone_detail", "edit_milestone",
    "delete_milestone", "goal_fields", "edit_goal", "delete_goal", "edit_goal_task",
    "delete_goal_task", "edit_action", "reopen_action",
}  # fmt: skip


def _mentee(roster: RosterService, given: str, family: str, native: str = "") -> int:
    return without_schedule(roster.ctx, _created(roster, given, family, native))


def _created(roster: RosterService, given: str, family: str, native: str) -> int:
    return roster.create(
        MenteeFields(
            given_names=given, family_name=family, native_name=native,
            start_date=dt.date(2026, 1, 5),
        )
    )  # fmt: skip


def test_facade_keeps_its_methods_and_every_name_callers_import():
    methods = {n for n, _ in inspect.getmembers(TimelineService) if not n.startswith("_")}
    assert methods == PUBLIC_METHODS
    for name in timeline.__all__:
        assert getattr(timeline, name) is not None
    for name in ("ActionRow", "AgendaRow", "CheckinDetail", "CheckinLog", "GoalRow", "PhaseBand",
                 "TimelineEvent", "read_events", "read_goals", "read_open_actions",
                 "read_phase_bands", "read_checkin_details"):  # fmt: skip
        assert name in timeline.__all__


def test_facade_writes_and_reads_through_the_new_modules(ctx):
    roster = RosterService(ctx, clock=lambda: TODAY)
    selam = _mentee(roster, "Selam", "Tesfaye", "ሰላም ተስፋዬ")
    service = TimelineService(ctx)
    planned = service.plan_checkin(selam, dt.date(2026, 6, 1), "王小明 " + HOSTILE)
    log = CheckinLog(
        dt.date(2026, 6, 2), CheckinFormat.VIDEO, "Ольга Иванова", [CheckinTopic.CLINICAL],
        "x" * 10_000, actions=[("प्रिया शर्मा to read " + HOSTILE, dt.date(2026, 7, 1))],
    )  # fmt: skip
    with pytest.raises(ValidationError) as err:
        service.log_checkin(
            planned, dataclasses.replace(log, held_date=TODAY.replace(day=1, month=7)), today=TODAY
        )
    assert "held_date" in err.value.problems
    service.log_checkin(planned, log, today=TODAY)
    detail = service.checkin_detail(planned)
    assert detail.summary == "x" * 10_000 and detail.title == "王小明 " + HOSTILE
    assert [a.description for a in service.open_actions(selam)] == ["प्रिया शर्मा to read " + HOSTILE]
    late = service.plan_checkin(selam, dt.date(2026, 6, 10))
    moved = service.reschedule(late, dt.date(2026, 7, 3))
    assert [r.id for r in service.agenda(TODAY, days=7)] == [moved]
    assert service.overdue_checkins(TODAY) == []
    ms = service.add_milestone(selam, "Nguyễn Thị Ánh sign-off", dt.date(2026, 6, 20))
    assert [r.id for r in service.agenda(TODAY, days=7)] == [ms, moved]
    service.complete_milestone(ms, dt.date(2026, 6, 29), "محمد عبد الله", today=TODAY)
    states = {e.id: e.state for e in service.events(selam, TODAY) if e.kind == "milestone"}
    assert states == {ms: "done"}
    goal = service.add_goal(selam, HOSTILE, GoalProgressMode.TASKS)
    task = service.add_goal_task(goal, "Audit ten notes")
    service.add_goal_task(goal, "Night call")
    service.complete_goal_task(task, TODAY)
    assert [g.progress_percent for g in service.goals(selam)] == [50]
    with pytest.raises(ValidationError):
        service.set_goal_progress(goal, 40)
    with pytest.raises(NotFoundError):
        service.add_action(selam, "Follow up", None, checkin_id=999_999)


def test_read_assignments_gives_each_mentee_its_history_newest_first(ctx):
    roster = RosterService(ctx, clock=lambda: TODAY)
    mentors = MentorService(ctx)
    a, b = _mentee(roster, "Ánh", "Nguyễn Thị"), _mentee(roster, "Mohammed", "Abdullah")
    hana = mentors.create(MentorFields(name="Dr Hana Tesfaye", native_name="ሐና ተስፋዬ"))
    olga = mentors.create(MentorFields(name="Dr Olga Ivanova", native_name="Ольга Иванова"))
    mentors.assign(a, hana, AssignmentKind.PRIMARY, dt.date(2026, 1, 5))
    mentors.assign(a, olga, AssignmentKind.PRIMARY, dt.date(2026, 3, 1))
    mentors.assign(b, hana, AssignmentKind.PRIMARY, dt.date(2026, 2, 1))
    with ctx.read() as session:
        rows = read_assignments(session, [a, b, 999_999])
    assert set(rows) == {a, b, 999_999} and rows[999_999] == []
    assert [(r.mentor_name, r.start, r.end) for r in rows[a]] == [
        ("Dr Olga Ivanova", dt.date(2026, 3, 1), None),
        ("Dr Hana Tesfaye", dt.date(2026, 1, 5), dt.date(2026, 3, 1)),
    ]
    assert [r.mentor_id for r in rows[b]] == [hana]
    assert mentors.assignments(a) == rows[a] and mentors.assignments(999_999) == []


def test_report_audit_lines_are_the_history_rows(ctx):
    roster = RosterService(ctx, clock=lambda: TODAY)
    mid = _mentee(roster, "Priya", "Sharma")
    record = roster.get(mid)
    roster.update(mid, dataclasses.replace(record.fields, notes=HOSTILE * 500), record.version)
    lines = load_reports(ctx, [mid], TODAY, include_audit=True)[mid].audit
    assert lines is not None and all(isinstance(x, AuditRow) for x in lines)
    with ctx.read() as session:  # the History dialog's plain words, oldest first
        assert lines == read_plain_history(session, "mentee", mid, oldest_first=True)
    assert len(lines) == len(history_rows(ctx, "mentee", mid, oldest_first=True))
    assert lines[-1].field == "Notes" and lines[-1].after == HOSTILE * 500
