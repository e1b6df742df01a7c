"""The Mentees view and form on a real database: add, edit, filter, sort, archive, delete."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program.exit_reasons import exit_reasons
from bridgedesk.ui.dialogs import SaveChoice
from bridgedesk.ui.models.roster_model import NAME, ROW_ID_ROLE
from bridgedesk.ui.screens.mentees.roster_view import RosterView

START = dt.date(2025, 9, 1)
PEOPLE = [
    ("Mohammed", "Abdullah", "محمد عبد الله", "Surgery", "North clinic"),
    ("Xiaoming", "Wang", "王小明", "Family medicine", "Main campus"),
    ("Priya", "Sharma", "प्रिया शर्मा", "Family medicine", "Main campus"),
    ("Olga", "Ivanova", "Ольга Иванова", "Surgery", "Main campus"),
]


@pytest.fixture
def people(ctx, configured) -> dict[str, int]:
    service = RosterService(ctx)
    return {
        family: service.create(
            MenteeFields(
                given_names=given,
                family_name=family,
                native_name=native,
                specialty=specialty,
                site=site,
                start_date=START,
            )
        )
        for given, family, native, specialty, site in PEOPLE
    }


@pytest.fixture
def view(qtbot, env, people) -> RosterView:
    widget = RosterView(env)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def shown_ids(view: RosterView) -> list[int]:
    return [
        view.model.data(view.model.index(r, NAME), ROW_ID_ROLE)
        for r in range(view.model.rowCount())
    ]


def test_roster_lists_active_mentees_with_a_count(view, people):
    assert set(shown_ids(view)) == set(people.values())
    assert view.count_label.text() == "4 of 4 mentees shown · 4 active"
    assert view.status.currentText() == "Active"
    assert view.search.placeholderText() == "Search names in any script…"
    assert view.search.accessibleName()


def test_filter_and_sort(view, people):
    view.specialty.select("Surgery")
    assert set(shown_ids(view)) == {people["Abdullah"], people["Ivanova"]}
    assert view.count_label.text() == "2 of 4 mentees shown · 4 active"
    view.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert shown_ids(view) == [people["Abdullah"], people["Ivanova"]]  # Mohammed, Olga
    view.table.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    assert shown_ids(view) == [people["Ivanova"], people["Abdullah"]]
    view.specialty.select(None)
    view.site.select("Main campus")
    view.search.setText("王小")
    assert shown_ids(view) == [people["Wang"]]
    view.search.setText("प्रिया")
    assert shown_ids(view) == [people["Sharma"]]
    assert view.count_label.text() == "1 of 4 mentees shown · 4 active"


def test_add_a_mentee_with_a_native_script_name(qtbot, view, ctx):
    form = view.open_mentee(None)
    form.editors["given_names"].setText("Selam")
    form.editors["family_name"].setText("Tesfaye")
    form.editors["native_name"].setText("ሰላም ተስፋዬ")
    form.editors["specialty"].setEditText("Internal medicine")
    with qtbot.waitSignal(form.saved, timeout=2000) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    new_id = saved.args[0]
    found = RosterService(ctx).find("ሰላም")
    assert found == [(new_id, "Selam Tesfaye")]
    assert RosterService(ctx).get(new_id).fields.native_name == "ሰላም ተስፋዬ"
    view.search.setText("ተስፋዬ")
    assert shown_ids(view) == [new_id]


def test_form_shows_problems_inline_and_saves_nothing(view, ctx):
    form = view.open_mentee(None)
    form.editors["given_names"].setText("ሰላም")  # legal names go in Latin letters
    form.editors["family_name"].setText("Tesfaye")
    form.editors["email"].setText("not an address")
    assert form.save() is False
    assert form.rows["given_names"].problem()
    assert form.rows["email"].problem()
    assert form.rows["family_name"].problem() == ""
    assert RosterService(ctx).count() == 4
    assert form.editors["given_names"].text() == "ሰላም"


def test_edit_keeps_hostile_text_as_typed(qtbot, view, ctx, people):
    form = view.open_mentee(people["Wang"])
    hostile = "<b>&amp;</para> " + "x" * 10_000
    form.editors["notes"].setPlainText(hostile)
    with qtbot.waitSignal(form.saved, timeout=2000):
        form.save_button.click()
    assert RosterService(ctx).get(people["Wang"]).fields.notes == hostile


def test_conflict_is_explained_and_edits_are_kept(view, ctx, people, dialogs):
    form = view.open_mentee(people["Ivanova"])
    service = RosterService(ctx)
    other = service.get(people["Ivanova"])
    other.fields.languages = "Russian, English"
    service.update(people["Ivanova"], other.fields, other.version)  # someone else saves first
    form.editors["preferred_name"].setText("Olya")
    assert form.save() is False
    assert dialogs.kinds() == ["error"]
    assert "changed by" in dialogs.messages[0][1]
    assert form.editors["preferred_name"].text() == "Olya"
    assert form.isVisible()


def test_unsaved_changes_guard(view, dialogs, people):
    form = view.open_mentee(people["Sharma"])
    form.editors["pronouns"].setText("she/her")
    dialogs.save_choice = SaveChoice.CANCEL
    form.reject()
    assert form.isVisible()
    dialogs.save_choice = SaveChoice.DISCARD
    form.reject()
    assert not form.isVisible()
    assert dialogs.kinds() == ["ask_save", "ask_save"]


def test_unsaved_changes_can_be_saved_on_close(view, dialogs, people, ctx):
    form = view.open_mentee(people["Sharma"])
    form.editors["pronouns"].setText("she/her")
    dialogs.save_choice = SaveChoice.SAVE
    form.close()
    assert not form.isVisible()
    assert RosterService(ctx).get(people["Sharma"]).fields.pronouns == "she/her"


def test_archive_hides_the_mentee_from_the_active_roster(view, people, ctx):
    form = view.open_mentee(people["Abdullah"])
    career = next(r.id for r in exit_reasons(ctx) if r.label.startswith("Position elsewhere"))
    assert form.archive(MenteeStatus.LEFT, dt.date(2026, 3, 1), "Moved to a city hospital", career)
    assert RosterService(ctx).get(people["Abdullah"]).status == MenteeStatus.LEFT
    assert people["Abdullah"] not in shown_ids(view)
    assert view.count_label.text() == "3 of 4 mentees shown · 3 active"
    view.status.select(MenteeStatus.LEFT.value)
    assert shown_ids(view) == [people["Abdullah"]]
    assert form.reactivate_button.isVisibleTo(form)
    assert not form.archive_button.isVisibleTo(form)


def test_archive_left_needs_a_reason(view, people, dialogs):
    form = view.open_mentee(people["Abdullah"])
    assert not form.archive(MenteeStatus.LEFT, dt.date(2026, 3, 1), "")
    assert dialogs.kinds() == ["error"]


def test_delete_asks_first(view, people, dialogs, ctx):
    form = view.open_mentee(people["Wang"])
    dialogs.confirm_answer = False
    form.ask_delete()
    assert RosterService(ctx).count() == 4
    dialogs.confirm_answer = True
    form.ask_delete()
    assert RosterService(ctx).count() == 3
    assert people["Wang"] not in shown_ids(view)
