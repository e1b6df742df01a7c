"""The Timeline view on a real database: pick a mentee, click markers, log, reschedule, sign off."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt

from bridgedesk.domain.enums import CheckinFormat, CheckinStatus, CheckinTopic
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.timeline.service import AgendaRow, TimelineService
from bridgedesk.ui.models import agenda_model as cols
from bridgedesk.ui.models.agenda_model import ROW_ROLE, AgendaTableModel
from bridgedesk.ui.screens.timeline.checkin_dialog import FUTURE
from bridgedesk.ui.screens.timeline.timeline_view import TimelineView
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.timeline_strip import TimelineStrip
from tests.ui.conftest import TODAY
from tests.unit.plans import without_schedule

START = dt.date(2026, 1, 5)
HOSTILE = "<b>&amp;</para>" + "x" * 10_000


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


@pytest.fixture
def plan(env) -> dict[str, int]:
    roster, timeline = RosterService(env.ctx), TimelineService(env.ctx)
    selam = roster.create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", native_name="ሰላም ተስፋዬ",
                     start_date=START)
    )  # fmt: skip
    mohammed = roster.create(
        MenteeFields(given_names="Mohammed", family_name="Abdullah", native_name="محمد عبد الله",
                     start_date=START)
    )  # fmt: skip
    without_schedule(env.ctx, selam)  # these tests lay out the plan themselves
    without_schedule(env.ctx, mohammed)
    return {
        "selam": selam,
        "mohammed": mohammed,
        "overdue": timeline.plan_checkin(selam, dt.date(2026, 2, 20), "Day 30 check-in"),
        "upcoming": timeline.plan_checkin(selam, dt.date(2026, 3, 20), "Month 2 check-in"),
        "late_milestone": timeline.add_milestone(
            selam, "Orientation complete", dt.date(2026, 2, 1)
        ),
        "review": timeline.add_milestone(selam, "90-day review", dt.date(2026, 4, 1)),
        "other": timeline.plan_checkin(mohammed, dt.date(2026, 3, 15), "Day 60 check-in"),
    }


@pytest.fixture
def view(qtbot, env, plan) -> TimelineView:
    widget = TimelineView(env)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.mentee.select(plan["selam"])
    return widget


def states(env, mentee_id: int) -> dict[tuple[str, str], str]:
    return {(e.kind, e.title): e.state for e in TimelineService(env.ctx).events(mentee_id, TODAY)}


def click_marker(qtbot, view: TimelineView, kind: str, event_id: int) -> None:
    event = next(e for e in view.strip.events if (e.kind, e.id) == (kind, event_id))
    centre = view.strip.marker_centre(event).toPoint()
    qtbot.mouseClick(view.strip, Qt.MouseButton.LeftButton, pos=centre)
    assert view.strip.selected == event


def agenda_keys(view: TimelineView) -> list[tuple[str, int]]:
    return [(r.kind, r.id) for r in view.agenda_model.rows()]


def set_date(editor, day: dt.date) -> None:
    editor.setDate(QDate(day.year, day.month, day.day))


def test_picker_lists_names_in_native_script_and_finds_them(view, plan):
    texts = [view.mentee.itemText(i) for i in range(view.mentee.count())]
    assert "Selam Tesfaye — ሰላም ተስፋዬ" in texts
    assert "Mohammed Abdullah — محمد عبد الله" in texts
    view.mentee.completer().setCompletionPrefix("ተስፋ")
    assert view.mentee.completer().currentCompletion() == "Selam Tesfaye — ሰላም ተስፋዬ"
    view.mentee.select(plan["mohammed"])
    assert view.strip.marker_count() == 1


def test_a_long_name_wraps_in_the_title_and_shows_from_its_start(qtbot, view, env):
    family = "Tesfaye-Gebremariam " * 8 + "Wolde"
    long_id = RosterService(env.ctx).create(
        MenteeFields(given_names="Abebech", family_name=family, start_date=START)
    )
    view.resize(900, 600)
    env.current.choose(long_id)  # chosen in another view: shown when this one is shown again
    view.refresh()
    assert view.strip_title.text() == f"Timeline of Abebech {family}"
    assert view.minimumSizeHint().width() < 900  # the title asks for no more than the window
    assert view.strip_title.heightForWidth(800) > view.strip_title.fontMetrics().height()
    assert view.mentee.lineEdit().cursorPosition() == 0  # "Abebech …", not the name's tail


def test_agenda_lists_overdue_first_and_marks_them(view, plan):
    keys = agenda_keys(view)
    assert keys[:2] == [("milestone", plan["late_milestone"]), ("checkin", plan["overdue"])]
    assert set(keys[2:]) == {
        ("checkin", plan["other"]), ("checkin", plan["upcoming"]), ("milestone", plan["review"])
    }  # fmt: skip
    first = view.agenda_model.index(0, cols.WHEN)
    assert view.agenda_model.data(first) == "⚠ Overdue 39 days"
    assert view.agenda_model.data(view.agenda_model.index(2, cols.WHEN)) == "In 3 days"
    assert "2 overdue" in view.agenda_label.text()


def test_agenda_model_without_a_window():
    model = AgendaTableModel()
    rows = [
        AgendaRow(dt.date(2026, 3, 1), 1, "王小明", "checkin", "Day 7", 5, True),
        AgendaRow(TODAY, 2, "Ольга Иванова", "milestone", "Licence", 6, False),
    ]
    model.set_rows(rows, TODAY)
    assert (model.rowCount(), model.columnCount(), model.overdue_count()) == (2, 5, 1)
    assert model.data(model.index(0, cols.MENTEE)) == "王小明"
    assert model.data(model.index(0, cols.DATE)) == "Mar 1, 2026"
    assert model.data(model.index(1, cols.WHEN)) == "Today"
    assert model.data(model.index(1, cols.KIND)) == "Milestone"
    assert model.data(model.index(1, cols.TITLE), ROW_ROLE) is rows[1]
    assert model.data(model.index(0, cols.WHEN), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(1, cols.WHEN), Qt.ItemDataRole.ForegroundRole) is None


def test_log_a_late_checkin_with_its_past_date(qtbot, view, env, plan):
    click_marker(qtbot, view, "checkin", plan["overdue"])
    assert view.log_button.isEnabled() and view.missed_button.isEnabled()
    qtbot.mouseClick(view.log_button, Qt.MouseButton.LeftButton)
    dialog = view.current_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.held.date() == QDate(2026, 3, 12)  # defaults to today
    set_date(dialog.held, dt.date(2026, 2, 22))
    dialog.format.setCurrentIndex(dialog.format.findData(CheckinFormat.VIDEO.value))
    dialog.attendees.setText("Selam, Dr Okafor")
    dialog.topics[CheckinTopic.CULTURAL].setChecked(True)
    dialog.topics[CheckinTopic.WELLBEING].setChecked(True)
    dialog.summary.setPlainText("ሰላም settled in; discussed interpreter use.")
    dialog.private_note.setPlainText(HOSTILE)
    dialog.set_action(0, "Book interpreter training", "2026-03-30")
    dialog.set_action(1, "Meet the community health worker")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    detail = TimelineService(env.ctx).checkin_detail(plan["overdue"])
    assert detail.status == CheckinStatus.HELD
    assert detail.held_date == dt.date(2026, 2, 22)
    assert detail.format == CheckinFormat.VIDEO
    assert detail.topics == [CheckinTopic.CULTURAL, CheckinTopic.WELLBEING]
    assert detail.private_note == HOSTILE
    assert [(a.description, a.due_date) for a in detail.actions] == [
        ("Book interpreter training", dt.date(2026, 3, 30)),
        ("Meet the community health worker", None),
    ]
    shown = next(e for e in view.strip.events if e.id == plan["overdue"] and e.kind == "checkin")
    assert (shown.state, shown.date) == ("held", dt.date(2026, 2, 22))
    assert view.strip.selected == shown  # the selection survives the reload
    assert ("checkin", plan["overdue"]) not in agenda_keys(view)
    assert "1 overdue" in view.agenda_label.text()


def test_a_future_held_date_is_refused_inline_and_input_kept(qtbot, view, env, plan):
    click_marker(qtbot, view, "checkin", plan["overdue"])
    dialog = view.log_checkin()
    set_date(dialog.held, TODAY + dt.timedelta(days=1))
    dialog.summary.setPlainText("Долгий разговор")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.rows["held_date"].problem() == FUTURE
    assert dialog.summary.toPlainText() == "Долгий разговор"
    assert states(env, plan["selam"])[("checkin", "Day 30 check-in")] == "overdue"
    assert view.env.dialogs.messages == []


def test_a_bad_action_date_is_shown_under_the_actions(qtbot, view, env, plan):
    dialog = view.log_checkin()  # nothing selected: an unplanned check-in
    dialog.set_action(0, "Shadow the night nurse", "next week")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.rows["actions"].problem().startswith("Action 1: “next week” is not a date")
    dialog.set_action(0, "Shadow the night nurse", "2026-03-19")
    set_date(dialog.held, dt.date(2026, 3, 2))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    held = [e for e in view.strip.events if e.state == "held"]
    assert [(e.title, e.date) for e in held] == [("Check-in", dt.date(2026, 3, 2))]
    assert view.strip.marker_count() == 5


def test_an_error_without_a_field_goes_to_the_dialog_service(qtbot, view, env, plan):
    click_marker(qtbot, view, "checkin", plan["upcoming"])
    dialog = view.log_checkin()
    dialog.summary.setPlainText("kept")
    TimelineService(env.ctx).reschedule(plan["upcoming"], dt.date(2026, 3, 25))  # meanwhile
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.summary.toPlainText() == "kept"
    assert env.dialogs.messages == [
        ("error", "This check-in was rescheduled; log the new one instead.")
    ]


def test_reschedule_a_checkin(qtbot, view, env, plan):
    click_marker(qtbot, view, "checkin", plan["upcoming"])
    qtbot.mouseClick(view.reschedule_button, Qt.MouseButton.LeftButton)
    dialog = view.current_dialog
    set_date(dialog.new_date, dt.date(2026, 3, 27))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    events = TimelineService(env.ctx).events(plan["selam"], TODAY)
    month2 = [(e.state, e.planned) for e in events if e.title == "Month 2 check-in"]
    assert month2 == [("rescheduled", dt.date(2026, 3, 20)), ("planned", dt.date(2026, 3, 27))]
    assert view.strip.marker_count() == 5
    assert view.agenda_model.rows()[-1].date == dt.date(2026, 4, 1)
    assert any(r.date == dt.date(2026, 3, 27) for r in view.agenda_model.rows())
    assert not view.reschedule_button.isEnabled()  # the rescheduled one stays selected


def test_mark_missed_asks_first(qtbot, view, env, plan):
    click_marker(qtbot, view, "checkin", plan["overdue"])
    env.dialogs.confirm_answer = False
    qtbot.mouseClick(view.missed_button, Qt.MouseButton.LeftButton)
    assert states(env, plan["selam"])[("checkin", "Day 30 check-in")] == "overdue"
    env.dialogs.confirm_answer = True
    qtbot.mouseClick(view.missed_button, Qt.MouseButton.LeftButton)
    assert states(env, plan["selam"])[("checkin", "Day 30 check-in")] == "missed"
    assert view.strip.selected.state == "missed"
    assert not view.missed_button.isEnabled() and view.reschedule_button.isEnabled()


def test_mark_a_milestone_done(qtbot, view, env, plan):
    click_marker(qtbot, view, "milestone", plan["late_milestone"])
    assert view.milestone_button.isEnabled() and not view.reschedule_button.isEnabled()
    qtbot.mouseClick(view.milestone_button, Qt.MouseButton.LeftButton)
    dialog = view.current_dialog
    set_date(dialog.completed, dt.date(2026, 2, 3))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.rows["signed_off_by"].problem() == "This cannot be empty."
    dialog.signed_off_by.setText("Dr Ruth Okafor")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    done = next(e for e in TimelineService(env.ctx).events(plan["selam"], TODAY) if e.kind == "milestone" and e.id == plan["late_milestone"])  # fmt: skip
    assert (done.state, done.done) == ("done", dt.date(2026, 2, 3))
    assert view.strip.selected.state == "done" and not view.milestone_button.isEnabled()
    assert ("milestone", plan["late_milestone"]) not in agenda_keys(view)


def test_add_an_action_from_a_checkin(qtbot, view, env, plan):
    click_marker(qtbot, view, "checkin", plan["upcoming"])
    qtbot.mouseClick(view.action_button, Qt.MouseButton.LeftButton)
    dialog = view.current_dialog
    dialog.description.setText("Read the county health needs report")
    dialog.due.setText("2026-04-15")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    actions = TimelineService(env.ctx).open_actions(plan["selam"])
    assert [(a.description, a.due_date, a.checkin_id) for a in actions] == [
        ("Read the county health needs report", dt.date(2026, 4, 15), plan["upcoming"])
    ]


def test_agenda_row_opens_the_mentee_and_selects_the_marker(qtbot, view, plan):
    row = next(i for i, r in enumerate(view.agenda_model.rows()) if r.id == plan["other"])
    view.agenda.activated.emit(view.agenda_model.index(row, cols.TITLE))
    assert view.mentee.value() == plan["mohammed"]
    assert view.strip.selected.id == plan["other"]
    assert view.selected_label.text().startswith("Check-in: Day 60 check-in — Mar 15, 2026")


def test_keyboard_moves_between_markers(qtbot, view, plan):
    view.strip.setFocus()
    qtbot.keyClick(view.strip, Qt.Key.Key_Right)
    assert view.strip.selected == view.strip.events[0]
    qtbot.keyClick(view.strip, Qt.Key.Key_Right)
    assert view.strip.selected == view.strip.events[1]
    qtbot.keyClick(view.strip, Qt.Key.Key_Left)
    qtbot.keyClick(view.strip, Qt.Key.Key_Left)
    assert view.strip.selected == view.strip.events[0]


@pytest.mark.parametrize("size", [(160, 60), (2400, 500)])
def test_strip_paints_at_small_and_large_sizes(qtbot, env, plan, size):
    service = TimelineService(env.ctx)
    strip = TimelineStrip()
    qtbot.addWidget(strip)
    strip.set_data(service.phase_bands(plan["selam"]), service.events(plan["selam"], TODAY), TODAY)
    strip.resize(*size)
    strip.show()
    strip.select("checkin", plan["overdue"])
    pixmap = strip.grab()
    assert not pixmap.isNull() and pixmap.width() == strip.width()
    assert strip.marker_count() == 4
    xs = [strip.marker_centre(e).x() for e in strip.events]
    assert xs == sorted(xs) and xs[0] >= 0 and xs[-1] <= strip.width()
    empty = TimelineStrip()
    qtbot.addWidget(empty)
    empty.set_data([], [], TODAY)
    assert empty.marker_count() == 0 and not empty.grab().isNull()
    assert strip.marker_at(QPoint(-50, -50)) is None
