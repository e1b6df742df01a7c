"""Mentors view: load against capacity, new mentor, assigning a mentee, on a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest

from bridgedesk.domain.enums import AssignmentKind
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.service import MentorFields, MentorLoadRow, MentorService
from bridgedesk.ui.models.mentor_load_model import LOAD, NAME, MentorLoadModel
from bridgedesk.ui.screens.mentors.mentors_view import MentorsView
from bridgedesk.ui.view_env import ViewEnv

from .conftest import TODAY


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


def mentee(env, given: str, family: str, native: str = "") -> int:
    fields = MenteeFields(
        given_names=given, family_name=family, native_name=native, start_date=dt.date(2025, 9, 1)
    )
    return RosterService(env.ctx).create(fields)


def test_model_marks_over_capacity_in_words():
    model = MentorLoadModel()
    model.set_rows(
        [
            MentorLoadRow(1, "Dr A", "Surgery", True, 3, 4, True),
            MentorLoadRow(2, "Dr B", "", False, 3, 1, False),
        ]
    )
    assert model.data(model.index(0, LOAD)) == "4 / 3 — over capacity"
    assert model.data(model.index(0, NAME)).startswith("⚠")
    assert model.data(model.index(1, LOAD)) == "1 / 3"
    assert model.over_capacity_count() == 1


def test_over_capacity_marked_and_assign_through_view(qtbot, env, dialogs):
    service = MentorService(env.ctx)
    busy = service.create(MentorFields(name="Dr Ruth Okafor", capacity=1))
    free = service.create(MentorFields(name="Dr Ольга Петрова", capacity=2))
    first, second = mentee(env, "Xiaoming", "Wang", "王小明"), mentee(env, "Ánh", "Nguyễn Thị")
    third = mentee(env, "Kidus", "Tesfaye", "ቂዱስ ተስፋዬ")
    service.assign(first, busy, AssignmentKind.PRIMARY, TODAY)
    service.assign(second, busy, AssignmentKind.PRIMARY, TODAY)
    service.assign(third, busy, AssignmentKind.PEER, TODAY)  # load counts primary only

    view = MentorsView(env)
    qtbot.addWidget(view)
    view.show()
    row = view.model.row_of_id(busy)
    assert view.model.data(view.model.index(row, LOAD)) == "2 / 1 — over capacity"
    assert "1 over capacity" in view.summary.text()

    view.select_mentor(free)
    assert view.mentees.item(0).text() == "No mentees at the moment"
    dialog = view.assign()
    dialog.mentee.setEditText("王小明")  # typing the name in its own script
    assert dialog.mentee.value() is None  # partial text is not a choice yet
    dialog.mentee.select(first)
    dialog.kind.setCurrentIndex(dialog.kind.findData(AssignmentKind.CULTURAL.value))
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    assert service.mentees_of(free) == [(first, "Xiaoming Wang", "cultural")]
    assert view.selected_mentor_id() == free
    assert view.mentees.item(0).text() == "Xiaoming Wang — cultural mentor"
    assert dialogs.messages == []


def test_new_mentor_validates_then_saves(qtbot, env):
    view = MentorsView(env)
    qtbot.addWidget(view)
    dialog = view.new_mentor()
    assert dialog.save() is False
    assert dialog.rows["name"].problem() == "Name is required."
    dialog.name.setText("Dr محمد عبد الله")
    dialog.former_img.setChecked(True)
    dialog.capacity.setValue(4)
    assert dialog.save() is True
    loads = {r.name: r for r in MentorService(env.ctx).load()}
    assert loads["Dr محمد عبد الله"].former_img and loads["Dr محمد عبد الله"].capacity == 4
    assert view.model.rowCount() == 1 and view.selected_mentor_id() == dialog.mentor_id
