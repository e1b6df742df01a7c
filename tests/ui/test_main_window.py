"""The main window: first-start welcome page, navigation, remembered geometry, error hook."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings

from bridgedesk.services.mentees.roster import RosterService
from bridgedesk.services.program import details as program_settings
from bridgedesk.ui.error_dialog import PLAIN_MESSAGE, make_excepthook
from bridgedesk.ui.main_window import KEY_GEOMETRY, KEY_LAST_VIEW, MainWindow
from bridgedesk.ui.screens.mentees.roster_view import RosterView
from bridgedesk.ui.screens.registry import VIEWS
from bridgedesk.ui.widgets.placeholder import PlaceholderView


def open_window(qtbot, env, settings) -> MainWindow:
    window = MainWindow(env, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_fresh_program_opens_on_the_welcome_page(qtbot, env, settings):
    window = open_window(qtbot, env, settings)
    assert window.on_welcome
    assert window.windowTitle() == "BridgeDesk"
    assert not window.new_mentee_action.isEnabled()


def test_welcome_needs_all_three_names(qtbot, env, settings, ctx):
    window = open_window(qtbot, env, settings)
    welcome = window.welcome
    welcome.rows["hospital_name"].editor.setText("Hillside District Hospital")
    welcome.start_button.click()
    assert window.on_welcome
    assert welcome.rows["program_name"].problem() == "Enter the program's name."
    assert welcome.rows["director_name"].problem() == "Enter the program director's name."
    assert welcome.rows["hospital_name"].problem() == ""
    assert not program_settings.is_configured(ctx)


def test_start_an_empty_program_saves_the_names(qtbot, env, settings, ctx):
    window = open_window(qtbot, env, settings)
    welcome = window.welcome
    welcome.rows["hospital_name"].editor.setText("Hillside District Hospital")
    welcome.rows["program_name"].editor.setText("IMG Bridge Program")
    welcome.rows["director_name"].editor.setText("Dr Ruth Okafor")
    welcome.start_button.click()
    qtbot.waitUntil(lambda: not window.on_welcome)
    saved = program_settings.load(ctx)
    assert (saved.hospital_name, saved.program_name, saved.director_name) == (
        "Hillside District Hospital",
        "IMG Bridge Program",
        "Dr Ruth Okafor",
    )
    assert window.windowTitle() == "BridgeDesk — IMG Bridge Program"
    assert window.current_key() == "mentees"
    assert window.new_mentee_action.isEnabled()


def test_demo_program_runs_off_the_gui_thread(qtbot, env, settings, ctx):
    window = open_window(qtbot, env, settings)
    with qtbot.waitSignal(window.welcome.program_started, timeout=60_000):
        window.welcome.demo_button.click()
    assert RosterService(ctx).count() > 0
    assert program_settings.is_configured(ctx)
    qtbot.waitUntil(lambda: not window.on_welcome)
    roster = window.roster()
    assert roster.model.total_count() == RosterService(ctx).count()


def test_navigation_shows_every_view_built(qtbot, env, settings, configured):
    window = open_window(qtbot, env, settings)
    assert not window.on_welcome
    assert window.windowTitle() == f"BridgeDesk — {configured.program_name}"
    window.view_actions[2].trigger()  # Ctrl+3
    assert window.current_key() == VIEWS[2].key
    assert type(window.stack.currentWidget()).__name__ == "TimelineView"
    for index, spec in enumerate(VIEWS):
        window.view_actions[index].trigger()
        assert window.current_key() == spec.key
        assert not isinstance(window.stack.currentWidget(), PlaceholderView), spec.key
    window.nav.setCurrentRow(1)
    assert isinstance(window.stack.currentWidget(), RosterView)
    assert [a.shortcut().toString() for a in window.view_actions] == [
        f"Ctrl+{i}" for i in range(1, 9)
    ]


def test_find_focuses_the_roster_search(qtbot, env, settings, configured):
    window = open_window(qtbot, env, settings)
    window.show_view("reports")
    window.find_action.trigger()
    assert window.current_key() == "mentees"
    qtbot.waitUntil(lambda: window.roster().search.hasFocus())


def test_last_view_and_geometry_are_remembered(qtbot, env, settings, configured, tmp_path):
    window = open_window(qtbot, env, settings)
    window.show_view("mentors")
    window.resize(780, 540)  # fits the offscreen platform's 800x600 screen
    size = window.size()
    window.close()
    reread = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert reread.value(KEY_LAST_VIEW) == "mentors"
    assert reread.value(KEY_GEOMETRY) is not None
    again = MainWindow(env, reread)  # not shown yet: the size comes from the saved geometry
    qtbot.addWidget(again)
    assert again.current_key() == "mentors"
    assert again.size() == size


def test_about_names_the_version(qtbot, env, settings, configured, dialogs):
    import bridgedesk

    window = open_window(qtbot, env, settings)
    window.about_action.trigger()
    assert dialogs.kinds() == ["info"]
    assert bridgedesk.__version__ in dialogs.messages[0][1]


def test_excepthook_shows_a_plain_sentence_and_keeps_going():
    shown = []
    hook = make_excepthook(show=lambda message, details: shown.append((message, details)))
    try:
        raise RuntimeError("boom <b>&amp;</para>")
    except RuntimeError as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert shown[0][0].startswith(PLAIN_MESSAGE.removesuffix("."))
    assert shown[0][1].splitlines()[0] == "RuntimeError"
    assert "boom" not in shown[0][1]  # a message may quote a name: never shown or copied


def _named_program(ctx) -> int:
    import datetime as dt

    from bridgedesk.services.mentees.roster import MenteeFields

    program_settings.save(
        ctx,
        program_settings.ProgramSettings("Hillside District Hospital", "IMG Bridge", "Dr. Reed"),
    )
    return RosterService(ctx).create(
        MenteeFields(
            given_names="Selam",
            family_name="Tesfaye",
            native_name="ሰላም ተስፋዬ",
            start_date=dt.date(2026, 1, 5),
        )
    )


def test_file_menu_offers_the_data_actions(qtbot, env, settings, ctx):
    _named_program(ctx)
    window = open_window(qtbot, env, settings)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions() if action.text()]
    for wanted in ("&Import roster…", "&Export roster…", "&Backups…", "&Database…"):
        assert wanted in texts


def test_open_in_timeline_from_the_record_shows_that_mentee(qtbot, env, settings, ctx):
    mentee_id = _named_program(ctx)
    window = open_window(qtbot, env, settings)
    window.show_view("mentees")
    form = window.roster().open_mentee(mentee_id)
    form.open_view_requested.emit("timeline", mentee_id)
    assert window.current_key() == "timeline"
    assert window.view("timeline").mentee.value() == mentee_id
    window.show_mentee_in("deadlines", mentee_id)
    deadlines = window.view("deadlines")
    assert deadlines.search.text() == RosterService(ctx).get(mentee_id).legal_name
    assert "Selam" in deadlines.search.text()


def test_status_bar_says_what_is_due_this_week(qtbot, env, settings, ctx):
    from bridgedesk.services.timeline.service import TimelineService
    from bridgedesk.services.timeline.week_ahead import week_ahead

    mentee_id = _named_program(ctx)
    TimelineService(ctx).plan_checkin(mentee_id, env.today() + dt.timedelta(days=2), "Soon")
    window = open_window(qtbot, env, settings)
    expected = week_ahead(ctx, env.today()).sentence()
    assert expected.startswith("Due this week: ") and "check-in" in expected
    qtbot.waitUntil(lambda: window.week_label.text() == expected, timeout=10_000)
