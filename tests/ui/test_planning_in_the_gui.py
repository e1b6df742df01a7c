"""Planning as a director does it, through the windows (offscreen, real SQLite or PostgreSQL):
a mentee typed into the form gets the program's schedule; check-ins and milestones are
planned, edited and deleted in the Timeline view and the record; goals, tasks and actions are
added, edited and completed; every change is audited and the quick ones undone."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from bridgedesk.domain.enums import GoalProgressMode, Tier
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentees.roster_rows import roster_rows
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.timeline.schedule import PlanFrom
from bridgedesk.services.timeline.service import TimelineService
from bridgedesk.storage.models import AuditEntry
from bridgedesk.ui.screens.mentees.roster_view import RosterView
from bridgedesk.ui.screens.mentees.sections.goals_section import GoalsSection
from bridgedesk.ui.screens.mentees.sections.timeline_section import TimelineSection
from bridgedesk.ui.screens.timeline.timeline_view import TimelineView
from bridgedesk.ui.undo import UndoHistory
from tests.ui.conftest import TODAY

START = dt.date(2026, 1, 5)  # day 66 on TODAY: the day 7, 30 and 60 check-ins are past


def set_date(editor, day: dt.date) -> None:
    editor.setDate(QDate(day.year, day.month, day.day))


def audit(ctx, entity: str) -> list[str]:
    with ctx.read() as s:
        return list(
            s.scalars(
                select(AuditEntry.action).where(AuditEntry.entity == entity).order_by(AuditEntry.id)
            )
        )


@pytest.fixture
def undo(env, qtbot) -> UndoHistory:
    env.undo = UndoHistory(env.dialogs)
    return env.undo


@pytest.fixture
def roster_view(qtbot, env) -> RosterView:
    view = RosterView(env)
    qtbot.addWidget(view)
    view.show()
    return view


def type_new_mentee(qtbot, view: RosterView, given: str, family: str, start: dt.date, plan=None):
    form = view.open_mentee(None)
    qtbot.keyClicks(form.editors["given_names"], given)
    qtbot.keyClicks(form.editors["family_name"], family)
    form.editors["native_name"].setText("ሰላም ተስፋዬ")
    set_date(form.profile.start_date_edit, start)
    if plan is not None:
        form.profile.plan_from.setCurrentIndex(form.profile.plan_from.findData(plan.value))
    with qtbot.waitSignal(form.saved, timeout=3000) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    return form, saved.args[0]


def test_a_mentee_typed_into_the_form_gets_the_schedule_from_today(qtbot, env, roster_view):
    form, mid = type_new_mentee(qtbot, roster_view, "Selam", "Tesfaye", START)
    events = TimelineService(env.ctx).events(mid, TODAY)
    titles = {e.title for e in events}
    assert {"Day 90 check-in", "Month 12 check-in", "Final review", "90-day review"} <= titles
    assert "Day 7 check-in" not in titles  # already past when she was added
    assert "overdue" not in {e.state for e in events}
    assert "Now “First 90 days”" in form.profile.phase_hint.text()
    row = next(r for r in roster_rows(env.ctx, TODAY) if r.id == mid)
    assert (row.phase, row.next_checkin) == ("First 90 days", dt.date(2026, 4, 5))


def test_the_form_plans_from_the_start_date_when_asked(qtbot, env, roster_view):
    _form, mid = type_new_mentee(qtbot, roster_view, "Priya", "Sharma", START, PlanFrom.START)
    events = TimelineService(env.ctx).events(mid, TODAY)
    assert len([e for e in events if e.kind == "checkin"]) == 22
    assert {e.title for e in events if e.state == "overdue"} >= {"Day 7 check-in"}


def test_a_new_start_date_asks_before_moving_the_plan(qtbot, env, dialogs, roster_view):
    form, mid = type_new_mentee(qtbot, roster_view, "Olga", "Ivanova", START)
    planned = {e.title: e.planned for e in TimelineService(env.ctx).events(mid, TODAY)}
    set_date(form.profile.start_date_edit, START + dt.timedelta(days=7))
    dialogs.choice_answer = None  # Cancel: nothing saved, the edit stays in the form
    assert not form.save()
    assert RosterService(env.ctx).get(mid).fields.start_date == START
    assert form.is_dirty()
    dialogs.choice_answer = 0  # "Move them too"
    assert form.save()
    (question,) = [text for kind, text in dialogs.messages if kind == "choose"][-1:]
    assert "moves 7 days later" in question and "planned check-ins" in question
    moved = {e.title: e.planned for e in TimelineService(env.ctx).events(mid, TODAY)}
    assert moved == {t: d + dt.timedelta(days=7) for t, d in planned.items()}
    set_date(form.profile.start_date_edit, START)
    dialogs.choice_answer = 1  # "Keep their dates"
    assert form.save()
    assert {e.title: e.planned for e in TimelineService(env.ctx).events(mid, TODAY)} == moved


@pytest.fixture
def selam(env) -> int:
    roster = RosterService(env.ctx, clock=lambda: TODAY)
    return roster.create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", native_name="ሰላም ተስፋዬ",
                     start_date=START)
    )  # fmt: skip


@pytest.fixture
def timeline_view(qtbot, env, selam) -> TimelineView:
    view = TimelineView(env)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.mentee.select(selam)
    view.show_mentee()
    return view


def test_plan_edit_and_delete_a_checkin_in_the_timeline_view(
    qtbot, env, dialogs, undo, timeline_view, selam
):
    mentor = MentorService(env.ctx).create(MentorFields(name="Dr 王小明"))
    timeline_view.refresh()
    qtbot.mouseClick(timeline_view.plan_button, Qt.MouseButton.LeftButton)
    dialog = timeline_view.current_dialog
    dialog.title_edit.clear()
    qtbot.keyClicks(dialog.title_edit, "Interpreter debrief")
    set_date(dialog.planned, dt.date(2026, 3, 20))
    dialog.mentor.setCurrentIndex(dialog.mentor.findData(mentor))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    service = TimelineService(env.ctx)
    planned = next(e for e in service.events(selam, TODAY) if e.title == "Interpreter debrief")
    assert service.checkin_detail(planned.id).mentor_id == mentor
    timeline_view.strip.select("checkin", planned.id)
    assert timeline_view.edit_button.isEnabled() and timeline_view.delete_button.isEnabled()
    qtbot.mouseClick(timeline_view.edit_button, Qt.MouseButton.LeftButton)
    edit = timeline_view.current_dialog
    assert edit.title_edit.text() == "Interpreter debrief"
    set_date(edit.planned, dt.date(2026, 3, 27))
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    assert service.checkin_detail(planned.id).planned_date == dt.date(2026, 3, 27)
    timeline_view.strip.select("checkin", planned.id)
    qtbot.mouseClick(timeline_view.delete_button, Qt.MouseButton.LeftButton)
    assert "Interpreter debrief" not in {e.title for e in service.events(selam, TODAY)}
    assert audit(env.ctx, "checkin")[-3:] == ["create", "update", "delete"]
    assert undo.undo()  # the delete is taken back
    back = next(e for e in service.events(selam, TODAY) if e.title == "Interpreter debrief")
    assert back.planned == dt.date(2026, 3, 27)
    assert undo.undo(), dialogs.messages  # ... then the edit
    assert service.checkin_detail(back.id).planned_date == dt.date(2026, 3, 20)


def test_a_held_checkin_cannot_be_edited_or_deleted(qtbot, env, timeline_view, selam):
    service = TimelineService(env.ctx)
    done = service.plan_checkin(selam, dt.date(2026, 3, 1), "Extra chat")
    service.mark_missed(done)
    timeline_view.show_mentee()
    timeline_view.strip.select("checkin", done)
    assert not timeline_view.edit_button.isEnabled()
    assert not timeline_view.delete_button.isEnabled()


def test_add_edit_and_remove_a_milestone(qtbot, env, dialogs, undo, timeline_view, selam):
    qtbot.mouseClick(timeline_view.add_milestone_button, Qt.MouseButton.LeftButton)
    dialog = timeline_view.current_dialog
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no name: refused, kept
    assert dialog.isVisible() and dialog.rows["name"].problem() == "This cannot be empty."
    qtbot.keyClicks(dialog.name, "State licence in hand")
    set_date(dialog.due, dt.date(2026, 5, 1))
    dialog.tier.setCurrentIndex(dialog.tier.findData(Tier.GOVERNMENT.value))
    dialog.note.setPlainText("<b>&amp; Montana board</b>")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    service = TimelineService(env.ctx)
    added = next(e for e in service.events(selam, TODAY) if e.title == "State licence in hand")
    detail = service.milestone_detail(added.id)
    assert (detail.tier, detail.note) == (Tier.GOVERNMENT, "<b>&amp; Montana board</b>")
    timeline_view.strip.select("milestone", added.id)
    qtbot.mouseClick(timeline_view.edit_button, Qt.MouseButton.LeftButton)
    edit = timeline_view.current_dialog
    edit.name.setText("Montana licence in hand")
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    assert service.milestone_detail(added.id).name == "Montana licence in hand"
    timeline_view.strip.select("milestone", added.id)
    dialogs.confirm_answer = False
    assert not timeline_view.delete_selected()
    dialogs.confirm_answer = True
    assert timeline_view.delete_selected()
    assert audit(env.ctx, "milestone")[-3:] == ["create", "update", "delete"]
    assert undo.undo()
    assert "Montana licence in hand" in {e.title for e in service.events(selam, TODAY)}


def test_the_record_plans_and_edits_on_its_timeline_tab(qtbot, env, selam):
    section = TimelineSection(env, selam)
    qtbot.addWidget(section)
    section.show()
    dialog = section.plan_checkin()
    dialog.title_edit.setText("Family welcome dinner")
    set_date(dialog.planned, dt.date(2026, 3, 14))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert section.model.text(0, 1) == "Family welcome dinner"  # next up, listed first
    section.table.selectRow(0)
    assert section.selected() is not None and section.edit_button.isEnabled()
    edit = section.edit_selected()
    set_date(edit.planned, dt.date(2026, 3, 13))
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    assert section.model.text(0, 0) == "Mar 13, 2026"
    milestone = section.add_milestone()
    milestone.name.setText("Night-call shadowing")
    qtbot.mouseClick(milestone.save_button, Qt.MouseButton.LeftButton)
    assert "Night-call shadowing" in {e.title for e in section.events}


def test_goals_with_tasks_and_actions_are_planned_edited_and_done(qtbot, env, dialogs, undo, selam):
    service = TimelineService(env.ctx)
    checkin = service.plan_checkin(selam, dt.date(2026, 3, 2), "Month 2 check-in")
    action = service.add_action(selam, "Read the EHR note guide", dt.date(2026, 3, 20), checkin)
    section = GoalsSection(env, selam)
    qtbot.addWidget(section)
    dialog = section.add_goal()
    qtbot.keyClicks(dialog.title_edit, "Lead a family meeting")
    dialog.title_edit.insert(" — ሰላም")  # typed by an input method: keyClicks knows no Ethiopic
    dialog.mode.setCurrentIndex(dialog.mode.findData(GoalProgressMode.TASKS.value))
    dialog.target.setText("2026-09-30")
    dialog.set_task(0, "Observe two meetings", "2026-04-15")
    dialog.set_task(1, "Co-lead one", "someday")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Task 2" in dialog.rows["tasks"].problem()  # kept as typed
    dialog.set_task(1, "Co-lead one", "2026-06-01")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (goal,) = service.goals(selam)
    assert [t.title for t in goal.tasks] == ["Observe two meetings", "Co-lead one"]
    section.select("goal", goal.id)
    edit = section.edit_selected()
    edit.title_edit.setText("Lead a family meeting")
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    section.select("goal", goal.id)
    task_dialog = section.add_task()
    task_dialog.title_edit.setText("Debrief with the nurse")
    qtbot.mouseClick(task_dialog.save_button, Qt.MouseButton.LeftButton)
    (goal,) = service.goals(selam)
    assert goal.title == "Lead a family meeting" and len(goal.tasks) == 3
    first = goal.tasks[0]
    section.select("task", first.id)
    assert section.done_button.text() == "Mark done"
    qtbot.mouseClick(section.done_button, Qt.MouseButton.LeftButton)
    assert service.goals(selam)[0].progress_percent == 33
    assert undo.undo_text() == "task done (Observe two meetings)"
    assert undo.undo()
    assert service.goals(selam)[0].progress_percent == 0
    section.table.selectRow(0)
    action_edit = section.edit_action()
    action_edit.owner.setText("Dr Okafor")
    qtbot.mouseClick(action_edit.save_button, Qt.MouseButton.LeftButton)
    section.table.selectRow(0)
    qtbot.mouseClick(section.action_done_button, Qt.MouseButton.LeftButton)
    assert service.open_actions(selam) == []
    section.refresh()
    section.select("task", first.id)
    assert section.remove_selected()
    assert len(service.goals(selam)[0].tasks) == 2
    for entity, actions in (
        ("goal", ["create", "update"]), ("goal_task", ["create", "create", "create"]),
        ("action", ["create", "update", "update"]),
    ):  # fmt: skip
        assert audit(env.ctx, entity)[: len(actions)] == actions, entity
    assert audit(env.ctx, "goal_task")[-1] == "delete"
    section.select("goal", goal.id)
    dialogs.confirm_answer = True
    assert section.remove_selected()
    assert service.goals(selam) == [] and section.goal_texts() == []
    assert audit(env.ctx, "goal")[-1] == "delete"
    assert audit(env.ctx, "goal_task")[-2:] == ["delete", "delete"]  # its tasks, each audited
    (done,) = service.checkin_detail(checkin).actions
    assert (done.id, done.owner, done.done_date) == (action, "Dr Okafor", TODAY)
