"""The getting-started list on a new program: each button does its step, each step ticks itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.program import details as program_settings
from bridgedesk.services.program import getting_started
from bridgedesk.services.program.details import ProgramSettings
from bridgedesk.ui.main_window import MainWindow
from bridgedesk.ui.screens.mentees.mentee_form import MenteeForm
from bridgedesk.ui.screens.reports.reports_view import ReportsView
from bridgedesk.ui.screens.welcome.getting_started_panel import DONE_MARK, OPEN_MARK
from bridgedesk.ui.view_env import ViewEnv
from tests.ui.conftest import TODAY


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


def open_window(qtbot, env, settings) -> MainWindow:
    window = MainWindow(env, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def started_empty(qtbot, env, settings) -> MainWindow:
    """The first start, as a new user does it: the three names, then an empty program."""
    window = open_window(qtbot, env, settings)
    welcome = window.welcome
    for key, text in (
        ("hospital_name", "Hillside District Hospital"),
        ("program_name", "IMG Bridge Program"),
        ("director_name", "Dr Ruth Okafor"),
    ):
        welcome.rows[key].editor.setText(text)
    welcome.start_button.click()
    qtbot.waitUntil(lambda: not window.on_welcome)
    return window


def marks(window: MainWindow) -> dict[str, str]:
    panel = window.getting_started
    assert panel is not None
    return {key: label.text() for key, label in panel.marks.items()}


def test_an_empty_program_shows_the_list_with_nothing_ticked(qtbot, env, settings):
    window = started_empty(qtbot, env, settings)
    panel = window.getting_started
    assert panel is not None and panel.isVisible()
    assert set(marks(window).values()) == {OPEN_MARK}
    assert panel.progress.text() == "0 of 4 done"
    # it sits above the views, inside the workspace
    assert panel.geometry().bottom() < window.stack.geometry().top()


def test_each_button_does_its_step(qtbot, env, settings):
    window = started_empty(qtbot, env, settings)
    panel = window.getting_started
    panel.buttons["new_mentee"].click()
    form = window.roster().current_form
    assert isinstance(form, MenteeForm) and form.isVisible()
    form.done(0)
    panel.buttons["add_mentor"].click()
    assert window.current_key() == "mentors"
    mentor_dialog = window.view("mentors").current_dialog
    assert mentor_dialog is not None and mentor_dialog.isVisible()
    mentor_dialog.done(0)
    panel.buttons["program_details"].click()
    assert window.program_settings_dialog is not None
    assert window.program_settings_dialog.isVisible()
    assert (
        window.program_settings_dialog.tabs.tabText(
            window.program_settings_dialog.tabs.currentIndex()
        )
        == "Sites"
    )  # the names were given on the first page
    window.program_settings_dialog.done(0)
    panel.buttons["first_report"].click()
    assert window.current_key() == "reports"
    panel.guide_button.click()
    assert window.help_window is not None and window.help_window.current_page() == "getting-started"


def test_steps_tick_themselves_from_the_data(qtbot, env, settings):
    window = started_empty(qtbot, env, settings)
    ctx = env.ctx
    RosterService(ctx, clock=env.today).create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", site="North", start_date=TODAY)
    )
    MentorService(ctx).create(MentorFields(name="Dr Carol Jensen"))
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))  # a dialog closed
    assert marks(window) == {
        "mentees": DONE_MARK,
        "mentors": DONE_MARK,
        "details": DONE_MARK,  # the names from the first page and a site
        "report": OPEN_MARK,
    }
    reports = window.show_view("reports")
    assert isinstance(reports, ReportsView)
    with qtbot.waitSignal(reports.generated, timeout=60_000):
        reports.generate_button.click()
    assert marks(window)["report"] == DONE_MARK
    assert window.getting_started.progress.text().startswith("All done")


def test_hide_puts_it_away_for_good(qtbot, env, settings, tmp_path):
    window = started_empty(qtbot, env, settings)
    window.getting_started.hide_button.click()
    assert not window.getting_started.isVisible()
    assert not getting_started.getting_started(env.ctx).shown
    window.close()
    again = open_window(qtbot, env, settings)
    assert again.getting_started is None


def test_a_program_with_mentees_never_shows_it(qtbot, env, settings):
    program_settings.save(env.ctx, ProgramSettings("Hillside", "IMG Bridge", "Dr Ruth Okafor"))
    RosterService(env.ctx, clock=env.today).create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", start_date=TODAY)
    )
    window = open_window(qtbot, env, settings)
    assert window.getting_started is None
