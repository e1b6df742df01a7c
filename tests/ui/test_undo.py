"""Edit ▸ Undo / Redo of quick actions, through the main window, on a real SQLite program."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from bridgedesk.domain.enums import CheckinStatus, InsightStatus
from bridgedesk.errors import ConflictError
from bridgedesk.services.checklists.ratings import ChecklistService
from bridgedesk.services.history import undo_actions
from bridgedesk.services.history.audit_rows import history_rows
from bridgedesk.services.insights.service import InsightFields, InsightService
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program import details as program_settings
from bridgedesk.services.program.details import ProgramSettings
from bridgedesk.services.timeline.service import TimelineService
from bridgedesk.ui.main_window import MainWindow
from bridgedesk.ui.undo import UndoHistory
from bridgedesk.ui.view_env import ViewEnv

from .conftest import TODAY

START = dt.date(2026, 1, 5)


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    program_settings.save(
        sqlite_ctx, ProgramSettings("Hillside District Hospital", "IMG Bridge", "Dr Ruth Okafor")
    )
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


@pytest.fixture
def plan(env) -> dict[str, int]:
    roster, timeline = RosterService(env.ctx), TimelineService(env.ctx)
    anh = roster.create(
        MenteeFields(given_names="Ánh", family_name="Nguyễn Thị", native_name="Nguyễn Thị Ánh",
                     start_date=START)
    )  # fmt: skip
    return {
        "anh": anh,
        "checkin": timeline.plan_checkin(anh, dt.date(2026, 2, 20), "Day 30 check-in"),
        "milestone": timeline.add_milestone(anh, "Orientation complete", dt.date(2026, 2, 1)),
        "insight": InsightService(env.ctx).create(
            InsightFields(
                mentee_id=anh,
                raised_by="ሰላም ተስፋዬ",
                raised_on=TODAY,
                description="Herbal remedies are missed at medication reconciliation.",
            )
        ),  # fmt: skip
    }


@pytest.fixture
def window(qtbot, env, settings, plan) -> MainWindow:
    main = MainWindow(env, settings)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    return main


def audit_actions(env, entity: str, entity_id: int) -> list[tuple[str, str, str, str]]:
    """(action, field, before, after) of the record's audit trail, oldest first."""
    return [
        (r.action, r.field, r.before, r.after)
        for r in history_rows(env.ctx, entity, entity_id, oldest_first=True)
    ]


def rate_second_item(qtbot, window: MainWindow, plan) -> tuple[object, int]:
    """Rate item 2 level 3 by keyboard in the Checklists view; returns (view, item id)."""
    view = window.show_view("checklists")
    view.select_mentee(plan["anh"])
    view.table.setFocus()
    view.table.selectRow(1)
    item = view.model.row_at(1)
    qtbot.keyClick(view.table, Qt.Key.Key_3)
    view.panel.observer.setText("Dr Ольга Иванова")
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    return view, item


def test_undo_and_redo_a_rating(qtbot, window, env, plan):
    view, item = rate_second_item(qtbot, window, plan)
    service = ChecklistService(env.ctx)
    (saved,) = service.history(plan["anh"], item.key)
    undo, redo = window.edit_actions.undo_action, window.edit_actions.redo_action
    assert undo.isEnabled() and not redo.isEnabled()
    assert undo.text() == f"&Undo rating of {item.key}"
    assert undo.shortcuts() == [QKeySequence(QKeySequence.StandardKey.Undo)]

    undo.trigger()
    assert service.history(plan["anh"], item.key) == []
    grid_row = view.model.row_at(view.model.row_of_item(item.item_id))
    assert (grid_row.latest_mentor, grid_row.latest_on) == (None, None)
    assert redo.isEnabled() and redo.text() == f"&Redo rating of {item.key}"
    assert ("delete", "level", "3", "") in audit_actions(env, "assessment", saved.assessment_id)

    redo.trigger()
    (again,) = service.history(plan["anh"], item.key)
    assert (again.level, again.observer, again.assessed_on) == (3, "Dr Ольга Иванова", TODAY)
    grid_row = view.model.row_at(view.model.row_of_item(item.item_id))
    assert grid_row.latest_mentor == 3
    undo.trigger()  # undoing the redo removes the NEW rating
    assert service.history(plan["anh"], item.key) == []
    assert env.dialogs.kinds() == []


def test_ctrl_z_on_the_grid_undoes_the_rating(qtbot, window, env, plan):
    view, item = rate_second_item(qtbot, window, plan)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ChecklistService(env.ctx).history(plan["anh"], item.key) == []
    qtbot.keyClick(view.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(ChecklistService(env.ctx).history(plan["anh"], item.key)) == 1


def test_ctrl_z_in_a_focused_line_edit_undoes_typing_not_the_rating(qtbot, window, env, plan):
    view, item = rate_second_item(qtbot, window, plan)
    evidence = view.panel.evidence
    evidence.setFocus()
    qtbot.waitUntil(evidence.hasFocus)
    qtbot.keyClicks(evidence, "seen twice")
    qtbot.keyClick(evidence, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert evidence.text() == ""
    assert len(ChecklistService(env.ctx).history(plan["anh"], item.key)) == 1
    assert window.edit_actions.undo_action.isEnabled()


def test_ctrl_z_in_a_plain_text_edit_undoes_typing_not_the_move(qtbot, window, env, plan):
    view = window.show_view("insights")
    view.select_insight(plan["insight"])
    assert view.advance(InsightStatus.DISCUSSED)
    view.changed.setFocus()
    qtbot.waitUntil(view.changed.hasFocus)
    qtbot.keyClicks(view.changed, "new triage form")
    qtbot.keyClick(view.changed, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.changed.toPlainText() == ""
    assert InsightService(env.ctx).get(plan["insight"]).status == InsightStatus.DISCUSSED


def test_undo_marked_missed_plans_the_checkin_again(qtbot, window, env, plan):
    view = window.show_view("timeline")
    view.select_mentee(plan["anh"])
    view.strip.select("checkin", plan["checkin"])
    view.mark_missed()
    service = TimelineService(env.ctx)
    assert service.checkin_detail(plan["checkin"]).status == CheckinStatus.MISSED
    undo = window.edit_actions.undo_action
    assert undo.text() == "&Undo marked missed (Day 30 check-in)"

    undo.trigger()
    assert service.checkin_detail(plan["checkin"]).status == CheckinStatus.PLANNED
    assert ("update", "status", "missed", "planned") in audit_actions(
        env, "checkin", plan["checkin"]
    )
    drawn = next(e for e in view.strip.events if e.id == plan["checkin"] and e.kind == "checkin")
    assert drawn.state in ("planned", "overdue")
    window.edit_actions.redo_action.trigger()
    assert service.checkin_detail(plan["checkin"]).status == CheckinStatus.MISSED


def test_undo_milestone_done_opens_it_again(qtbot, window, env, plan):
    view = window.show_view("timeline")
    view.select_mentee(plan["anh"])
    view.strip.select("milestone", plan["milestone"])
    dialog = view.milestone_done()
    dialog.signed_off_by.setText("محمد عبد الله")
    dialog.save()
    assert undo_actions.milestone_sign_off(env.ctx, plan["milestone"]).completed == TODAY
    assert window.edit_actions.undo_action.text() == "&Undo milestone done (Orientation complete)"

    window.edit_actions.undo_action.trigger()
    reopened = undo_actions.milestone_sign_off(env.ctx, plan["milestone"])
    assert (reopened.completed, reopened.signed_off_by) == (None, "")
    assert ("update", "signed_off_by", "محمد عبد الله", "") in audit_actions(
        env, "milestone", plan["milestone"]
    )
    window.edit_actions.redo_action.trigger()
    done = undo_actions.milestone_sign_off(env.ctx, plan["milestone"])
    assert (done.completed, done.signed_off_by) == (TODAY, "محمد عبد الله")


def test_undo_an_insight_move_restores_status_and_outcome(qtbot, window, env, plan):
    view = window.show_view("insights")
    view.select_insight(plan["insight"])
    env.dialogs.text_answer = "Talked at the <b>&amp;</para> meeting"
    assert view.advance(InsightStatus.DISCUSSED)
    undo = window.edit_actions.undo_action
    assert undo.text() == "&Undo insight moved to discussed"

    undo.trigger()
    record = InsightService(env.ctx).get(plan["insight"])
    assert (record.status, record.fields.outcome) == (InsightStatus.RAISED, "")
    assert view.model.row_at(view.model.row_of_id(plan["insight"])).status == InsightStatus.RAISED
    assert view.move_buttons[InsightStatus.DISCUSSED].isEnabled()
    assert ("update", "status", "discussed", "raised") in audit_actions(
        env, "insight", plan["insight"]
    )
    window.edit_actions.redo_action.trigger()
    record = InsightService(env.ctx).get(plan["insight"])
    assert record.status == InsightStatus.DISCUSSED
    assert record.fields.outcome == "Discussed: Talked at the <b>&amp;</para> meeting"


def test_undo_after_someone_else_changed_the_record_is_refused(qtbot, window, env, plan):
    view = window.show_view("timeline")
    view.select_mentee(plan["anh"])
    view.strip.select("checkin", plan["checkin"])
    view.mark_missed()
    TimelineService(env.ctx).reschedule(plan["checkin"], dt.date(2026, 3, 30))  # someone else
    undo = window.edit_actions.undo_action
    text = undo.text()

    undo.trigger()
    errors = [text for kind, text in env.dialogs.messages if kind == "error"]
    assert errors == ["The check-in was changed after that, so it was left as it is now."]
    detail = TimelineService(env.ctx).checkin_detail(plan["checkin"])
    assert detail.status == CheckinStatus.RESCHEDULED
    assert undo.isEnabled() and undo.text() == text  # the step stays on the stack
    assert not window.edit_actions.redo_action.isEnabled()


def test_undo_of_an_insight_edited_since_is_refused(qtbot, window, env, plan):
    view = window.show_view("insights")
    view.select_insight(plan["insight"])
    assert view.advance(InsightStatus.CLOSED)
    service = InsightService(env.ctx)
    record = service.get(plan["insight"])
    record.fields.changed_practice = "Pharmacist asks about remedies — 王小明"
    service.update(plan["insight"], record.fields, record.version)

    window.edit_actions.undo_action.trigger()
    assert env.dialogs.kinds()[-1] == "error"
    assert service.get(plan["insight"]).status == InsightStatus.CLOSED
    assert window.edit_actions.undo_action.isEnabled()


def test_a_rating_removed_elsewhere_cannot_be_undone_twice(env, plan):
    with pytest.raises(ConflictError, match="already removed"):
        undo_actions.remove_assessment(env.ctx, 999_999)
    with pytest.raises(ConflictError, match="no longer exists"):
        undo_actions.reopen_checkin(env.ctx, 999_999, 1)
    with pytest.raises(ConflictError, match="changed after that"):
        undo_actions.reopen_checkin(env.ctx, plan["checkin"], 1)  # planned, not missed


def test_push_runs_nothing_and_a_failed_undo_keeps_its_place(qtbot, dialogs):
    history = UndoHistory(dialogs)
    calls: list[str] = []
    attempts = iter([ConflictError("Not now."), None])

    def undo() -> None:
        error = next(attempts)
        calls.append("undo")
        if error is not None:
            raise error

    history.push("something", undo, lambda: calls.append("redo"))
    assert calls == [] and history.can_undo() and history.undo_text() == "something"
    with qtbot.assertNotEmitted(history.changed):
        assert history.undo() is False
    assert dialogs.messages == [("error", "Not now.")]
    assert history.can_undo() and not history.can_redo()
    with qtbot.waitSignal(history.changed):
        assert history.undo() is True
    assert history.can_redo() and not history.can_undo()
    assert history.redo() is True
    assert calls == ["undo", "undo", "redo"]


def test_edit_menu_sits_after_file_and_starts_empty(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:3] == ["&File", "&Edit", "&View"]
    undo, redo = window.edit_actions.undo_action, window.edit_actions.redo_action
    assert (undo.text(), undo.isEnabled(), redo.text(), redo.isEnabled()) == (
        "&Undo", False, "&Redo", False,
    )  # fmt: skip
    assert [k.toString() for k in redo.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]
