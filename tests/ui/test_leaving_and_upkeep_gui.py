"""Leaving the program and keeping the program up to date, through the windows: the archive
dialog (no default, the immigration question, nothing lost on a refusal), File ▸ Program
settings (details, schedule versions, sites, exit reasons), mentors edited and retired, and an
import that names an unknown site asking first."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from bridgedesk.domain.enums import (
    AssignmentKind,
    CredentialStatus,
    MenteeStatus,
    ScheduleItemKind,
)
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.program import details, schedule_template, sites
from bridgedesk.services.program.exit_reasons import exit_reasons
from bridgedesk.services.timeline.schedule import PlanFrom
from bridgedesk.services.timeline.service import TimelineService
from bridgedesk.storage.models import Credential, CredentialKind
from bridgedesk.ui.main_menus import open_program_settings
from bridgedesk.ui.main_window import MainWindow
from bridgedesk.ui.screens.mentees.roster_view import RosterView
from bridgedesk.ui.screens.mentors.mentors_view import MentorsView
from bridgedesk.ui.screens.program_file.import_dialog import ImportDialog
from tests.ui.conftest import TODAY

START = dt.date(2025, 9, 1)
EXIT = dt.date(2026, 2, 27)
LONG_NAME = "Abebech " + "Tesfaye-Gebremariam " * 9 + "Wolde"  # 200 characters


@pytest.fixture
def selam(env) -> int:
    roster = RosterService(env.ctx, clock=lambda: TODAY)
    mid = roster.create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", native_name="ሰላም ተስፋዬ",
                     start_date=START)
    )  # fmt: skip
    mentors = MentorService(env.ctx)
    mentors.assign(mid, mentors.create(MentorFields(name="Dr Adams")), AssignmentKind.PRIMARY,
                   START)  # fmt: skip
    return mid


def open_archive(qtbot, env, mentee_id):
    view = RosterView(env)
    qtbot.addWidget(view)
    form = view.open_mentee(mentee_id)
    qtbot.mouseClick(form.archive_button, Qt.MouseButton.LeftButton)
    return form, form.archive_dialog


def test_the_archive_dialog_has_no_default_and_keeps_what_was_typed(qtbot, env, dialogs, selam):
    form, dialog = open_archive(qtbot, env, selam)
    assert dialog.status.currentData() is None and dialog.reason.currentData() is None
    dialog.exit_date.setDate(QDate(EXIT.year, EXIT.month, EXIT.day))
    dialog.details.setPlainText("Spouse took a job in Denver — ሰላም")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "completed the program or left it early" in dialog.rows["status"].problem()
    dialog.choose(MenteeStatus.LEFT)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "reason for leaving early" in dialog.rows["exit_reason_id"].problem()
    assert dialog.details.toPlainText() == "Spouse took a job in Denver — ሰላም"  # kept
    assert RosterService(env.ctx).get(selam).status == MenteeStatus.ACTIVE
    dialog.choose(MenteeStatus.LEFT, "Family or personal reasons")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    record = RosterService(env.ctx).get(selam)
    assert (record.status, record.exit_date, record.exit_reason_label) == (
        MenteeStatus.LEFT, EXIT, "Family or personal reasons",
    )  # fmt: skip
    assert "Family or personal reasons: Spouse took a job" in form.state_label.text()
    assert form.reactivate_button.isVisibleTo(form)
    states = {e.state for e in TimelineService(env.ctx).events(selam, TODAY)}
    assert "cancelled" in states
    assert {a.end for a in MentorService(env.ctx).assignments(selam)} == {EXIT}


def test_a_refusal_makes_room_for_its_message_and_cuts_no_field_off(qtbot, env, selam):
    _form, dialog = open_archive(qtbot, env, selam)
    qtbot.waitExposed(dialog)
    details = dialog.rows["exit_reason"]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no outcome: refused
    assert dialog.rows["status"].problem()

    def whole() -> bool:  # the Details box at its full height, above the buttons
        bottom = details.mapTo(dialog, details.rect().bottomLeft()).y()
        return (
            details.height() >= details.minimumSizeHint().height()
            and bottom < dialog.save_button.mapTo(dialog, dialog.save_button.rect().topLeft()).y()
        )

    qtbot.waitUntil(whole)


def test_archiving_a_waiver_physician_asks_naming_the_consequence(qtbot, env, dialogs, selam):
    with env.ctx.unit_of_work() as s:
        kind = s.scalar(select(CredentialKind.id).where(CredentialKind.code == "conrad30"))
        s.add(Credential(mentee_id=selam, kind_id=kind, expires_on=dt.date(2028, 9, 1),
                         status=CredentialStatus.ACTIVE))  # fmt: skip
    _form, dialog = open_archive(qtbot, env, selam)
    dialog.exit_date.setDate(QDate(EXIT.year, EXIT.month, EXIT.day))
    dialog.choose(MenteeStatus.LEFT, "Visa or waiver problem")
    dialogs.confirm_answer = False
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "revive the J-1 two-year home-country residence requirement" in dialog.asked
    assert dialogs.messages[-1] == ("confirm", dialog.asked)
    assert dialog.isVisible() and RosterService(env.ctx).get(selam).status == MenteeStatus.ACTIVE
    assert dialog.reason.currentText() == "Visa or waiver problem"  # nothing typed is lost
    dialogs.confirm_answer = True
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert RosterService(env.ctx).get(selam).status == MenteeStatus.LEFT


@pytest.fixture
def window(qtbot, env, configured, settings) -> MainWindow:
    widget = MainWindow(env, settings)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_program_settings_change_the_details_on_reports_and_the_title(qtbot, env, window):
    dialog = open_program_settings(window)
    page = dialog.details
    page.edits["program_name"].clear()
    assert not page.save()
    assert "needed on every report" in page.rows["program_name"].problem()
    page.edits["program_name"].setText("Programa Puente — برنامج الجسر")
    page.edits["director_name"].setText(LONG_NAME)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = details.load(env.ctx)
    assert (saved.program_name, saved.director_name) == (
        "Programa Puente — برنامج الجسر", LONG_NAME,
    )  # fmt: skip
    assert window.windowTitle().endswith("Programa Puente — برنامج الجسر")


def test_a_new_schedule_version_is_saved_from_program_settings(qtbot, env, dialogs, window):
    page = open_program_settings(window, "Schedule").schedule
    rows = page.table.rowCount()
    page.table.setCurrentCell(2, 1)  # after the day-7 check-in
    added = page.add_row(ScheduleItemKind.CHECKIN)
    page.set_row(added, "", 10)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert f"Row {rows + 1} has no name." in page.message.problem()
    page.set_row(added, "Day 10 huddle", 10)
    page.note.setText("A huddle in week 2")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.message.problem() == ""
    assert dialogs.messages[-1][0] == "info" and "Version 2" in dialogs.messages[-1][1]
    assert "Version 2 (current)" in page.versions.item(0).text()
    items = schedule_template.current_items(env.ctx)
    assert ("Day 10 huddle", 10) in {(i.name, i.day) for i in items} and len(items) == rows + 1
    mid = RosterService(env.ctx, clock=lambda: TODAY).create(
        MenteeFields(given_names="Bo", family_name="Lee", start_date=TODAY)
    )
    assert "Day 10 huddle" in {e.title for e in TimelineService(env.ctx).events(mid, TODAY)}
    assert "Orientation: days 0 to 13" in page.phases.text()


def test_sites_are_renamed_and_merged_in_program_settings(qtbot, env, window):
    roster = RosterService(env.ctx, clock=lambda: TODAY)
    for given, site in (("Ana", "Hillside"), ("Bo", "Hilside"), ("Cy", "مستشفى النور")):
        roster.create(MenteeFields(given_names=given, family_name="X", start_date=TODAY, site=site))
    page = open_program_settings(window, "Sites").sites
    page.select("Hilside")
    merge = page.merge()
    merge.target.setCurrentIndex(merge.target.findText("Hillside"))
    qtbot.mouseClick(merge.save_button, Qt.MouseButton.LeftButton)
    page.select("Hillside")
    rename = page.rename()
    rename.name.setText("Hillside District Hospital")
    rename.state.setText("Montana")
    qtbot.mouseClick(rename.save_button, Qt.MouseButton.LeftButton)
    listed = {r.name: r.mentees for r in sites.sites(env.ctx)}
    assert listed == {"Hillside District Hospital": 2, "مستشفى النور": 1}
    assert [page.model.text(n, 0) for n in range(page.model.rowCount())] == list(listed)


def test_the_exit_reasons_list_is_edited_in_program_settings(qtbot, env, window):
    page = open_program_settings(window, "Exit reasons").exit_reasons
    dialog = page.add()
    dialog.label.setText("Moved for a spouse's job")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Moved for a spouse's job" in [r.label for r in exit_reasons(env.ctx)]
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.remove()  # unused: deleted
    assert "Completed the program" not in [r.label for r in exit_reasons(env.ctx, True)]


def test_a_mentor_is_edited_and_retired_in_the_mentors_view(qtbot, env):
    service = MentorService(env.ctx)
    mentor = service.create(MentorFields(name="Dr Ruth Okafor", capacity=2))
    mid = RosterService(env.ctx, clock=lambda: TODAY).create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", start_date=START)
    )
    service.assign(mid, mentor, AssignmentKind.PRIMARY, START)
    view = MentorsView(env)
    qtbot.addWidget(view)
    view.show()
    view.select_mentor(mentor)
    edit = view.edit_mentor()
    assert edit.name.text() == "Dr Ruth Okafor"
    edit.phone.setText("+1 406 555 0142")
    edit.capacity.setValue(5)
    edit.former_img.setChecked(True)
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    fields = service.get(mentor).fields
    assert (fields.phone, fields.capacity, fields.former_img) == ("+1 406 555 0142", 5, True)
    view.select_mentor(mentor)
    retire = view.retire()
    assert "1 open assignment will end" in retire.heading.text()
    retire.on.setDate(QDate(2026, 3, 6))
    retire.reason.setText("Moved to Billings")
    qtbot.mouseClick(retire.save_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 0 and "0 active mentors" in view.summary.text()
    (ended,) = service.assignments(mid)
    assert (ended.end, ended.end_reason) == (
        dt.date(2026, 3, 6),
        "Mentor retired: Moved to Billings",
    )
    view.show_retired.setChecked(True)
    assert view.model.data(view.model.index(0, 0)) == "Dr Ruth Okafor (retired Mar 6, 2026)"
    view.select_mentor(mentor)
    assert view.reinstate_button.isVisibleTo(view) and not view.assign_button.isEnabled()
    qtbot.mouseClick(view.reinstate_button, Qt.MouseButton.LeftButton)
    assert service.get(mentor).active


def test_an_import_naming_an_unknown_site_asks_first(qtbot, env, tmp_path):
    RosterService(env.ctx, clock=lambda: TODAY).create(
        MenteeFields(given_names="Ana", family_name="Silva", start_date=TODAY, site="Hillside")
    )
    path = tmp_path / "typo.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Given names", "Family name", "Start date", "Site"])
        writer.writerow(["Selam", "Tesfaye", "2026-01-05", "Hilside"])
    dialog = ImportDialog(env)
    qtbot.addWidget(dialog)
    dialog.show()
    env.dialogs.open_path = path
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.choices.sites_box.isVisibleTo(dialog)
    assert "“Hilside” (line 2) — did you mean “Hillside”?" in dialog.choices.sites_text.text()
    assert not dialog.import_button.isEnabled()  # not until the user says so
    dialog.choices.plan_buttons[PlanFrom.START].setChecked(True)
    dialog.choices.create_box.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "Hilside" in [r.name for r in sites.sites(env.ctx)]
    (new,) = [i for i, _n in RosterService(env.ctx).find("Tesfaye")]
    events = TimelineService(env.ctx).events(new, TODAY)
    assert len([e for e in events if e.kind == "checkin"]) == 22  # planned from the start date
