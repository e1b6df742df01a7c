"""The one date field, typed into as a user types: accepted forms, refusals, the calendar,
the locale's order, and the check-in's Held on saved with the date typed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QTableWidgetItem

from bridgedesk.domain.enums import CheckinStatus
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.timeline.service import TimelineService
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.models.roster_model import NEXT_CHECKIN, RosterTableModel
from bridgedesk.ui.screens.reports.reports_view import ReportsView
from bridgedesk.ui.screens.timeline.checkin_dialog import LogCheckinDialog, MilestoneDoneDialog
from bridgedesk.ui.screens.timeline.timeline_view import TimelineView
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.date_edit import DateEdit
from bridgedesk.ui.widgets.date_fields import display_text
from tests.ui.conftest import TODAY
from tests.ui.test_roster_model import make_row
from tests.unit.plans import without_schedule

US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
UK = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
FRANCE = QLocale(QLocale.Language.French, QLocale.Country.France)
NOV_15 = dt.date(2026, 11, 15)


def make(qtbot, value=None, locale=US, optional=False) -> DateEdit:
    edit = DateEdit(value, "Due on", optional=optional, today=lambda: TODAY, locale=locale)
    qtbot.addWidget(edit)
    edit.show()
    return edit


def type_in(qtbot, edit: DateEdit, text: str) -> None:
    """Select what is there, type over it and press Enter, as a user would."""
    edit.line.selectAll()
    edit.line.del_()
    if text.isascii():
        qtbot.keyClicks(edit.line, text)
    else:  # QTest types Latin keys only: other scripts arrive as from an input method
        edit.line.insert(text)
    qtbot.keyClick(edit.line, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11/15/2026", NOV_15),
        ("11/15/26", NOV_15),
        ("2026-11-15", NOV_15),
        ("Nov 15 2026", NOV_15),
        ("15 Nov 2026", NOV_15),
        ("November 15, 2026", NOV_15),
        ("today", TODAY),
        ("yesterday", TODAY - dt.timedelta(days=1)),
        ("tomorrow", TODAY + dt.timedelta(days=1)),
    ],
)
def test_accepted_forms_read_and_show_in_words(qtbot, text, expected):
    edit = make(qtbot, dt.date(2026, 1, 1))
    with qtbot.waitSignal(edit.date_changed) as changed:
        type_in(qtbot, edit, text)
    assert changed.args == [expected]
    assert edit.value() == expected and edit.read() == expected
    assert edit.date() == QDate(expected.year, expected.month, expected.day)
    assert edit.text() == f"{expected:%b} {expected.day}, {expected.year}"  # e.g. Nov 15, 2026
    assert edit.shown_problem() == "" and edit.message.isHidden()


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("13/13/2026", "“13/13/2026” is not a date: there is no month 13."),
        ("2026-02-30", "“2026-02-30” is not a date: February 2026 has 28 days."),
        ("next week", "“next week” is not a date; type one like 11/15/2026, Nov 15, 2026 or today."),
        (
            "15/11/2026",
            "This computer writes the month first, so “15/11/2026” has no month 15; "
            "type 11/15/2026 or Nov 15, 2026.",
        ),
        ("", "Type a date here, for example 11/15/2026 or today."),
        ("ሰላም <b>&amp;</b>", "“ሰላም <b>&amp;</b>” is not a date; type one like 11/15/2026, "
                              "Nov 15, 2026 or today."),
    ],
)  # fmt: skip
def test_refused_forms_keep_the_text_and_say_why_beside_the_field(qtbot, text, sentence):
    edit = make(qtbot, NOV_15)
    type_in(qtbot, edit, text)
    assert edit.text() == text  # kept as typed, never reinterpreted
    assert edit.value() is None
    assert edit.shown_problem() == sentence and edit.message.isVisible()
    assert edit.line.accessibleDescription() == sentence  # screen readers hear it
    # fixing it takes the message away as soon as the date reads
    type_in(qtbot, edit, "11/16/2026")
    assert edit.value() == dt.date(2026, 11, 16) and edit.message.isHidden()


def test_ten_thousand_characters_are_refused_in_one_short_sentence(qtbot):
    edit = make(qtbot, NOV_15)
    edit.setText("9" * 10_000)
    assert edit.shown_problem() == "That is too long for a date; type one like 11/15/2026."


def test_blank_only_where_the_field_is_optional(qtbot):
    edit = make(qtbot, NOV_15, optional=True)
    with qtbot.waitSignal(edit.date_changed) as changed:
        type_in(qtbot, edit, "")
    assert changed.args == [None]
    assert edit.read() is None and edit.problem() == ""
    assert "or blank" in edit.line.placeholderText()


def test_day_first_locale_reads_day_first_and_shows_day_first(qtbot):
    edit = make(qtbot, locale=UK)
    type_in(qtbot, edit, "15/11/2026")
    assert edit.value() == NOV_15
    assert edit.text() == "15 Nov 2026"
    type_in(qtbot, edit, "11/15/2026")
    assert edit.value() is None
    assert edit.shown_problem() == (
        "This computer writes the day first, so “11/15/2026” has no month 15; "
        "type 15/11/2026 or Nov 15, 2026."
    )


def test_a_locale_reads_back_its_own_month_names(qtbot):
    edit = make(qtbot, NOV_15, locale=FRANCE)
    shown = edit.text()
    assert shown == display_text(NOV_15, FRANCE) and "2026" in shown
    type_in(qtbot, edit, "3 févr. 2026")
    assert edit.value() == dt.date(2026, 2, 3)


def test_the_c_locale_reads_as_united_states(qtbot):
    edit = make(qtbot, locale=QLocale.c())
    type_in(qtbot, edit, "3/4/2026")
    assert edit.value() == dt.date(2026, 3, 4)


@pytest.mark.parametrize(("locale", "shown"), [(US, "May 31, 2026"), (UK, "31 May 2026")])
def test_a_table_shows_a_date_as_the_date_field_does(qtbot, locale, shown):
    """One rule for a date on screen: the roster's cell and the field read the same."""
    day = dt.date(2026, 5, 31)
    QLocale.setDefault(locale)
    try:
        edit = DateEdit(day, "Next check-in", today=lambda: TODAY)
        qtbot.addWidget(edit)
        model = RosterTableModel()
        model.set_rows([make_row(1, "Selam Tesfaye", next_checkin=day)])
        cell = model.data(model.index(0, NEXT_CHECKIN), Qt.ItemDataRole.DisplayRole)
        assert edit.text() == cell == format_date(day) == shown
    finally:
        QLocale.setDefault(US)


def test_calendar_pops_up_on_the_date_and_a_pick_fills_the_field(qtbot):
    edit = make(qtbot, NOV_15)
    qtbot.keyClick(edit.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert edit.menu is not None and edit.calendar is not None
    qtbot.waitUntil(edit.menu.isVisible)
    assert edit.calendar.selectedDate() == QDate(2026, 11, 15)
    edit.calendar.setSelectedDate(QDate(2026, 11, 20))
    with qtbot.waitSignal(edit.date_changed) as changed:
        qtbot.keyClick(edit.calendar.focusWidget() or edit.calendar, Qt.Key.Key_Return)
    assert changed.args == [dt.date(2026, 11, 20)]
    assert not edit.menu.isVisible()
    assert edit.text() == "Nov 20, 2026"


def test_calendar_opens_on_today_when_the_field_holds_no_date(qtbot):
    edit = make(qtbot, optional=True)
    edit.button.click()
    assert edit.calendar is not None
    assert edit.calendar.selectedDate() == QDate(TODAY.year, TODAY.month, TODAY.day)
    edit.menu.close()


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


def test_a_dialog_refuses_to_save_while_its_date_is_refused(qtbot, env):
    done: list[tuple[dt.date, str]] = []
    dialog = MilestoneDoneDialog(env, lambda day, who: done.append((day, who)), "Sign off")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.signed_off_by.setText("Dr Ruth Okafor")
    type_in(qtbot, dialog.completed, "2026-02-30")  # Enter presses Save, which refuses
    assert dialog.isVisible() and done == []
    assert dialog.rows["completed"].problem() == (
        "“2026-02-30” is not a date: February 2026 has 28 days."
    )
    assert dialog.save() is False and done == []
    dialog.completed.line.selectAll()
    qtbot.keyClicks(dialog.completed.line, "2/27/26")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert done == [(dt.date(2026, 2, 27), "Dr Ruth Okafor")]


def test_a_dialog_grown_for_a_refusal_returns_to_its_size_once_the_date_is_fixed(qtbot, env):
    dialog = MilestoneDoneDialog(env, lambda day, who: None, "Sign off")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.signed_off_by.setText("Dr Ruth Okafor")
    before = dialog.size()
    type_in(qtbot, dialog.completed, "2026-02-30")
    assert dialog.rows["completed"].problem()
    qtbot.waitUntil(lambda: dialog.height() > before.height())  # room for the sentence
    dialog.completed.line.selectAll()
    qtbot.keyClicks(dialog.completed.line, "2/27/26")  # the refusal goes as the date reads
    assert dialog.rows["completed"].problem() == ""
    qtbot.waitUntil(lambda: dialog.size() == before)
    type_in(qtbot, dialog.completed, "Feb 30")  # refused again: it grows again, as much
    qtbot.waitUntil(lambda: dialog.height() > before.height())


def test_held_on_takes_a_typed_date_and_the_checkin_is_saved_with_it(qtbot, env):
    mentee = RosterService(env.ctx).create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", start_date=dt.date(2026, 1, 5))
    )
    without_schedule(env.ctx, mentee)
    planned = TimelineService(env.ctx).plan_checkin(mentee, dt.date(2026, 2, 20), "Day 30")
    view = TimelineView(env)
    qtbot.addWidget(view)
    view.show()
    view.select_mentee(mentee)
    event = next(e for e in view.strip.events if (e.kind, e.id) == ("checkin", planned))
    view.strip.select(event.kind, event.id)
    qtbot.mouseClick(view.log_button, Qt.MouseButton.LeftButton)
    dialog = view.current_dialog
    assert dialog is not None
    dialog.held.line.setFocus()
    type_in(qtbot, dialog.held, "2/22/26")  # typed, not picked: this used to be ignored
    assert dialog.held.text() == "Feb 22, 2026"
    dialog.set_action(0, "Book interpreter training", "3/30/26")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    detail = TimelineService(env.ctx).checkin_detail(planned)
    assert detail.status == CheckinStatus.HELD
    assert detail.held_date == dt.date(2026, 2, 22)
    assert [(a.description, a.due_date) for a in detail.actions] == [
        ("Book interpreter training", dt.date(2026, 3, 30))
    ]


def test_typing_a_date_and_clicking_save_at_once_saves_that_date(qtbot, env):
    """No Enter, no leaving the field: Save reads what is typed (the Held-on report)."""
    mentee = RosterService(env.ctx).create(
        MenteeFields(given_names="Ana", family_name="Lima", start_date=dt.date(2026, 1, 5))
    )
    view = TimelineView(env)
    qtbot.addWidget(view)
    view.show()
    view.select_mentee(mentee)
    dialog = view.log_checkin()
    dialog.held.line.selectAll()
    dialog.held.line.del_()
    qtbot.keyClicks(dialog.held.line, "Mar 1, 2026")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    held = [e for e in TimelineService(env.ctx).events(mentee, TODAY) if e.state == "held"]
    assert [e.date for e in held] == [dt.date(2026, 3, 1)]


def test_a_date_typed_in_a_table_cell_is_shown_again_in_words(qtbot, env):
    dialog = LogCheckinDialog(env, lambda log: None, "Log")
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.actions_table
    table.setCurrentCell(0, 1)
    table.editItem(table.item(0, 1) or _blank(table, 0, 1))
    editor = table.focusWidget()
    qtbot.keyClicks(editor, "3/30/26")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert table.item(0, 1).text() == "Mar 30, 2026"
    table.setItem(1, 0, QTableWidgetItem("Call the clinic"))
    table.setCurrentCell(1, 1)
    table.editItem(_blank(table, 1, 1))
    editor = table.focusWidget()
    qtbot.keyClicks(editor, "30/3/26")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert table.item(1, 1).text() == "30/3/26"  # not a date here: kept for Save to refuse
    assert dialog.save() is False
    assert dialog.rows["actions"].problem() == (
        "Action 2: This computer writes the month first, so “30/3/26” has no month 30; "
        "type 3/30/2026 or Mar 30, 2026."
    )


def _blank(table, row, column):
    item = QTableWidgetItem("")
    table.setItem(row, column, item)
    return item


def test_the_report_period_refuses_a_date_that_is_not_one(qtbot, env):
    view = ReportsView(env)
    qtbot.addWidget(view)
    view.show()
    view.end.setText("2026-02-30")
    view.generate()
    assert view.end.shown_problem() == "“2026-02-30” is not a date: February 2026 has 28 days."
    assert view.generate_button.isEnabled() and view.pdf_path is None  # nothing started
    assert env.dialogs.messages == []
