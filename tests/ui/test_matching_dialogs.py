"""Matching in the GUI: suggest and assign, match the cohort with a row unticked, edit weights."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from bridgedesk.domain.enums import AssignmentKind
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.matching_weights import load_weights
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.models.matching_models import MENTOR, P_MENTOR, P_WHY, TICK, WHY
from bridgedesk.ui.screens.mentors.mentors_view import MentorsView
from bridgedesk.ui.view_env import ViewEnv

from .conftest import TODAY


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


def mentee(env, given: str, native: str = "", **kw) -> int:
    fields = MenteeFields(
        given_names=given, family_name="Tesfaye", native_name=native,
        start_date=dt.date(2026, 3, 1), **kw,
    )  # fmt: skip
    return RosterService(env.ctx, clock=lambda: TODAY).create(fields)


@pytest.fixture
def view(qtbot, env) -> MentorsView:
    widget = MentorsView(env)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_suggest_then_assign_through_the_dialog(qtbot, env, view, dialogs):
    service = MentorService(env.ctx)
    hana = service.create(
        MentorFields(name="Dr ሐና መኮንን", specialty="Family medicine",
                     languages="Amharic, English", capacity=2)
    )  # fmt: skip
    service.create(MentorFields(name="Dr Carol <b>&amp;", languages="English", capacity=2))
    selam = mentee(env, "Selam", "ሰላም ተስፋዬ", specialty="Family medicine",
                   languages="Amharic, English")  # fmt: skip

    dialog = view.suggest_mentors()
    assert dialog.mentee.value() == selam  # the first mentee waiting for a primary mentor
    model = dialog.model
    assert [model.data(model.index(r, MENTOR)) for r in range(model.rowCount())] == [
        "Dr ሐና መኮንን", "Dr Carol <b>&amp;",
    ]  # fmt: skip
    assert model.data(model.index(0, WHY)) == "same specialty, speaks Amharic, 2 places left"
    assert "Not recorded: country of training, site" in dialog.about.text()
    assert dialog.assign_button.text() == "Assign as primary mentor"

    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.assigned):
        dialog.assign_button.click()
    open_now = [(r.mentor_id, r.kind) for r in service.assignments(selam) if r.end is None]
    assert open_now == [(hana, AssignmentKind.PRIMARY)]
    assert dialog.status.text() == (
        f"Dr ሐና መኮንን is now Selam Tesfaye's primary mentor from {format_date(TODAY)}."
    )
    assert dialogs.messages == []
    # Hana mentors Selam now: not suggested again, and said so.
    assert model.rowCount() == 1
    assert "Not listed again: 1 mentor already mentoring this mentee." in dialog.left_out.text()
    assert view.selected_mentor_id() == hana


def test_match_new_mentees_with_a_row_unticked(qtbot, env, view, dialogs):
    service = MentorService(env.ctx)
    a = service.create(MentorFields(name="Dr A", specialty="Surgery", capacity=2))
    b = service.create(MentorFields(name="Dr B", capacity=1))
    waiting = [mentee(env, name, specialty="Surgery") for name in ("Abel", "Bethlehem", "Dawit",
                                                                    "Eleni")]  # fmt: skip

    dialog = view.match_new()
    model = dialog.model
    assert model.rowCount() == 4  # three free places for four mentees: one listed last, greyed
    assert dialog.assign_button.text() == "Assign 3 primary mentors"
    assert dialog.unmatched.text().startswith("1 mentee left without a mentor, listed last")
    assert model.data(model.index(3, P_MENTOR)) == "No mentor"
    assert (
        model.data(model.index(3, P_WHY)) == "the mentors who fit are full with other new mentees"
    )
    assert not model.flags(model.index(3, TICK)) & Qt.ItemFlag.ItemIsUserCheckable
    assert "4 active mentees without a primary mentor" in dialog.heading.text()
    assert model.flags(model.index(0, TICK)) & Qt.ItemFlag.ItemIsUserCheckable

    left_out = model.row_at(2).mentee.id
    model.set_ticked(2, False)
    assert dialog.assign_button.text() == "Assign 2 primary mentors"
    kept = {(model.row_at(r).mentee.id, model.row_at(r).score.mentor.id) for r in (0, 1)}
    assert {model.data(model.index(r, P_MENTOR)) for r in range(3)} == {"Dr A", "Dr B"}
    with qtbot.waitSignal(dialog.assigned):
        dialog.assign_button.click()
    assert dialogs.kinds() == ["confirm"]
    got = {
        (mid, r.mentor_id)
        for mid in waiting
        for r in service.assignments(mid)
        if r.end is None and r.kind == AssignmentKind.PRIMARY
    }
    assert got == kept and all(m != left_out for m, _ in got)
    loads = {row.id: row for row in service.load(today=TODAY)}
    assert loads[a].active_mentees <= 2 and loads[b].active_mentees <= 1


def test_weights_edited_in_the_dialog_change_the_suggestions(qtbot, env, view):
    service = MentorService(env.ctx)
    service.create(MentorFields(name="Dr North", site="North", capacity=3))
    service.create(MentorFields(name="Dr <South> & Co", site="South", capacity=3))
    mentee(env, "Selam", site="North")

    dialog = view.edit_matching_weights()
    dialog.spins[next(iter(dialog.spins))].setValue(11)  # the spin box stops at 10
    assert dialog.spins[next(iter(dialog.spins))].value() == 10
    dialog.musts[next(iter(dialog.musts))].setChecked(True)  # only mentors at the same site
    assert dialog.save() is True
    assert load_weights(env.ctx).weights.must_same_site is True

    suggest = view.suggest_mentors()
    names = [suggest.model.row_at(r).mentor.name for r in range(suggest.model.rowCount())]
    assert names == ["Dr North"]
    assert suggest.left_out.text() == "Left out: Dr <South> & Co (works at another site)."
    assert suggest.left_out.textFormat() == Qt.TextFormat.PlainText  # shown as typed, not markup


def test_mentor_dialog_keeps_languages_and_training_country(qtbot, env, view):
    dialog = view.new_mentor()
    dialog.name.setText("Dr Yasmin Haddad")
    dialog.languages.setText("Arabic, English")
    dialog.country.setText("Jordan")
    assert dialog.save() is True
    fields = MentorService(env.ctx).get(dialog.mentor_id).fields
    assert (fields.languages, fields.country_of_training) == ("Arabic, English", "Jordan")
    dialog = view.new_mentor()
    dialog.name.setText("Dr Long")
    dialog.country.setText("x" * 200)  # the field stops at 120 characters
    assert len(dialog.country.text()) == 120


def test_the_mentee_record_asks_for_suggestions_in_the_mentors_view(qtbot, env, view):
    from bridgedesk.ui.screens.mentees.sections.mentors_section import MentorsSection

    MentorService(env.ctx).create(MentorFields(name="Dr Hana", languages="Amharic"))
    first = mentee(env, "Abel", languages="Amharic")
    second = mentee(env, "Selam", languages="Amharic")
    section = MentorsSection(env, second)
    qtbot.addWidget(section)
    with qtbot.waitSignal(section.open_view_requested) as asked:
        section.suggest_button.click()
    assert asked.args == ["mentors", second]
    dialog = view.select_mentee(second)  # what the main window calls for that request
    assert dialog.mentee.value() == second != first
    assert dialog.model.row_at(0).why == "speaks Amharic, 3 places left"
    # From the view's own button: the first mentee still waiting, not a stray argument.
    button = next(b for b in view.findChildren(QPushButton) if b.text() == "Suggest mentors…")
    button.click()
    assert view.current_dialog.mentee.value() == first


def test_weights_changed_from_inside_a_matching_dialog_rescore_it(qtbot, env, view):
    """Matching weights… in the suggestion dialog: Save there re-scores the open dialog."""
    service = MentorService(env.ctx)
    service.create(MentorFields(name="Dr North", site="North", capacity=3))
    service.create(MentorFields(name="Dr South", site="South", capacity=3))
    mentee(env, "Selam", site="North")
    suggest = view.suggest_mentors()
    assert suggest.model.rowCount() == 2

    qtbot.mouseClick(suggest.weights_button, Qt.MouseButton.LeftButton)
    weights = suggest.weights_dialog
    assert weights is not None and weights.isVisible()
    weights.musts[next(iter(weights.musts))].setChecked(True)  # only mentors at the same site
    qtbot.mouseClick(weights.save_button, Qt.MouseButton.LeftButton)
    names = [suggest.model.row_at(r).mentor.name for r in range(suggest.model.rowCount())]
    assert names == ["Dr North"]
    assert "Dr South (works at another site)" in suggest.left_out.text()
