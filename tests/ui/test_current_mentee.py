"""The current mentee follows the user across Checklists, Timeline, Deadlines and the record;
a mentee box changes the view only when a mentee is really chosen."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from bridgedesk.domain.enums import AssessmentMethod, ObserverRole
from bridgedesk.services.checklists.ratings import ChecklistService, Rating
from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program import details as program_settings
from bridgedesk.services.program.details import ProgramSettings
from bridgedesk.ui.current_mentee import CurrentMentee
from bridgedesk.ui.main_window import MainWindow
from bridgedesk.ui.view_env import ViewEnv
from tests.ui.conftest import TODAY

SELAM = "Selam Tesfaye — ሰላም ተስፋዬ"
ANH = "Ánh Nguyễn Thị — Nguyễn Thị Ánh"


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    program_settings.save(
        sqlite_ctx, ProgramSettings("Hillside District Hospital", "IMG Bridge", "Dr Ruth Okafor")
    )
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


@pytest.fixture
def people(env) -> dict[str, int]:
    roster = RosterService(env.ctx)
    ids = {
        "anh": roster.create(
            MenteeFields(given_names="Ánh", family_name="Nguyễn Thị", native_name="Nguyễn Thị Ánh",
                         start_date=dt.date(2025, 9, 1))
        ),
        "selam": roster.create(
            MenteeFields(given_names="Selam", family_name="Tesfaye", native_name="ሰላም ተስፋዬ",
                         start_date=dt.date(2025, 9, 1))
        ),
    }  # fmt: skip
    service = ChecklistService(env.ctx)
    first_item = service.current_template().domains[0][1][0][0]
    service.rate(
        ids["selam"],
        Rating(first_item, 3, dt.date(2026, 1, 5), "Dr Ruth Okafor", ObserverRole.MENTOR,
               AssessmentMethod.DIRECT_OBSERVATION),
        today=TODAY,
    )  # fmt: skip
    CredentialService(env.ctx).add(
        ids["selam"], CredentialFields("dea", expires_on=dt.date(2026, 9, 1))
    )
    CredentialService(env.ctx).add(
        ids["anh"], CredentialFields("dea", expires_on=dt.date(2026, 8, 1))
    )
    return ids


@pytest.fixture
def window(qtbot, env, settings, people) -> MainWindow:
    widget = MainWindow(env, settings)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def type_and_enter(qtbot, picker, text: str) -> None:
    box = picker.lineEdit()
    box.selectAll()
    box.insert(text)  # typed (or pasted) in any script
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_a_name_typed_in_checklists_is_shown_there_and_then_in_timeline(qtbot, window, people):
    checklists = window.show_view("checklists")
    checklists.select_mentee(people["anh"])
    assert checklists.grid_title.text() == f"Checklist of {ANH}"
    assert checklists.model.row_at(0).latest_any is None  # Ánh has no ratings

    type_and_enter(qtbot, checklists.mentee, "ተስፋ")  # part of Selam's name, in Ethiopic
    assert checklists.mentee_id() == people["selam"]
    assert checklists.grid_title.text() == f"Checklist of {SELAM}"
    assert checklists.model.row_at(0).latest_any == 3  # Selam's own rating, not Ánh's grid
    assert checklists.panel.mentee_id == people["selam"]  # ratings go to Selam
    assert window.env.current.mentee_id == people["selam"]

    timeline = window.show_view("timeline")
    assert timeline.mentee.value() == people["selam"]
    assert timeline.strip_title.text() == f"Timeline of {SELAM}"

    deadlines = window.show_view("deadlines")
    assert deadlines.search.text() == "Selam Tesfaye"
    assert deadlines.model.rowCount() == 1


def test_choosing_in_timeline_moves_checklists_already_built(qtbot, window, people):
    checklists = window.show_view("checklists")
    checklists.select_mentee(people["anh"])
    timeline = window.show_view("timeline")
    type_and_enter(qtbot, timeline.mentee, "selam")
    assert timeline.strip_title.text() == f"Timeline of {SELAM}"
    window.show_view("checklists")  # built before: it follows when shown again
    assert checklists.mentee_id() == people["selam"]
    assert checklists.grid_title.text() == f"Checklist of {SELAM}"


def test_text_matching_nobody_changes_nothing_and_says_so(qtbot, window, people):
    timeline = window.show_view("timeline")
    timeline.select_mentee(people["selam"])
    markers = timeline.strip.marker_count()
    type_and_enter(qtbot, timeline.mentee, "<b>Nobody & co</b>")
    assert timeline.mentee.value() == people["selam"]
    assert timeline.mentee.currentText() == SELAM
    assert timeline.strip_title.text() == f"Timeline of {SELAM}"
    assert timeline.strip.marker_count() == markers
    assert timeline.note.text() == f"No mentee matches “<b>Nobody & co</b>”; still showing {SELAM}."
    assert window.env.current.mentee_id == people["selam"]
    type_and_enter(qtbot, timeline.mentee, "Ánh")
    assert timeline.note.isHidden()
    assert timeline.strip_title.text() == f"Timeline of {ANH}"


def test_opening_a_record_makes_that_mentee_current(qtbot, window, people):
    window.open_mentee(people["anh"])
    assert window.env.current.mentee_id == people["anh"]
    form = window.roster().current_form
    assert form is not None
    form.reject()
    assert window.show_view("checklists").mentee_id() == people["anh"]
    assert window.show_view("timeline").mentee.value() == people["anh"]


def test_selecting_a_deadline_row_makes_its_mentee_current(qtbot, window, people):
    deadlines = window.show_view("deadlines")
    deadlines.search.setText("Nguyễn")
    deadlines.table.selectRow(0)
    assert window.env.current.mentee_id == people["anh"]
    assert window.show_view("timeline").mentee.value() == people["anh"]


def test_current_mentee_tells_only_real_changes(qtbot):
    current = CurrentMentee()
    seen: list[int | None] = []
    current.changed.connect(seen.append)
    current.choose(4)
    current.choose(4)
    current.choose(None)
    assert seen == [4, None] and current.mentee_id is None


def selected_ids(roster) -> list[int]:
    rows = roster.table.selectionModel().selectedRows()
    return [roster.model.row_at(index.row()).id for index in rows]


def row_on_screen(roster, mentee_id: int) -> bool:
    row = roster.model.row_of_id(mentee_id)
    rect = roster.table.visualRect(roster.model.index(row, 0))
    return roster.table.viewport().rect().contains(rect.center())


def test_the_roster_selects_and_scrolls_to_the_current_mentee(qtbot, window, people):
    roster_service = RosterService(window.env.ctx)
    for n in range(30):  # "Adam Filler …" sorts above Selam: Selam's row is far down
        family = f"Filler {chr(65 + n // 26)}{chr(97 + n % 26)}"  # letters only: Aa, Ab, …
        roster_service.create(
            MenteeFields(given_names="Adam", family_name=family, start_date=dt.date(2025, 9, 1))
        )
    window.resize(900, 420)
    roster = window.roster()
    window.show_view("timeline")
    type_and_enter(qtbot, window.show_view("timeline").mentee, "selam")
    window.show_view("mentees")
    assert roster.model.rowCount() == 32
    assert selected_ids(roster) == [people["selam"]]
    qtbot.waitUntil(lambda: row_on_screen(roster, people["selam"]))
    assert not row_on_screen(roster, roster.model.row_at(0).id)  # it had to scroll

    roster.search.setText("Nguyễn")  # a filter that hides Selam: nobody looks current
    assert selected_ids(roster) == []
    window.show_view("checklists").select_mentee(people["anh"])
    window.show_view("mentees")
    assert roster.search.text() == "Nguyễn"  # the filter is kept
    assert selected_ids(roster) == [people["anh"]]
    window.show_view("timeline").select_mentee(people["selam"])
    window.show_view("mentees")
    assert roster.search.text() == "Nguyễn" and selected_ids(roster) == []
    roster.search.clear()  # Selam shown again: still the current one
    assert selected_ids(roster) == [people["selam"]]


def test_a_record_opened_elsewhere_is_the_row_selected(qtbot, window, people):
    roster = window.roster()
    assert selected_ids(roster) == []
    window.open_mentee(people["selam"])  # e.g. a Dashboard row's "Open record"
    assert selected_ids(roster) == [people["selam"]]
    window.env.current.choose(people["anh"])  # chosen while the roster is on screen
    assert selected_ids(roster) == [people["anh"]]
