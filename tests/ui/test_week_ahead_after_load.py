"""The status bar's week-ahead line is worked out once at start, after the first view's rows:
with a big program both queries take about a second, and the rows matter first."""

from __future__ import annotations

import datetime as dt

from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program import details as program_settings
from bridgedesk.services.timeline.service import TimelineService
from bridgedesk.services.timeline.week_ahead import week_ahead
from bridgedesk.ui import main_window
from bridgedesk.ui.main_window import MainWindow
from bridgedesk.ui.screens.mentees import roster_view


def _program_due_this_week(ctx, today: dt.date) -> None:
    program_settings.save(
        ctx, program_settings.ProgramSettings("Hillside District Hospital", "IMG Bridge", "")
    )
    roster = RosterService(ctx)
    for native in ("محمد عبد الله", "王小明"):
        mentee_id = roster.create(
            MenteeFields(
                given_names="Given",
                family_name="Family",
                native_name=native,
                start_date=dt.date(2026, 1, 5),
                notes="<b>&amp;</para>",
            )
        )
        TimelineService(ctx).plan_checkin(mentee_id, today + dt.timedelta(days=2), "Soon")


def test_week_ahead_waits_for_a_background_roster_and_runs_once(
    qtbot, env, settings, ctx, monkeypatch
):
    _program_due_this_week(ctx, env.today())
    monkeypatch.setattr(roster_view, "BACKGROUND_FROM", 0)  # the roster loads off the GUI thread
    roster_loading_when_asked: list[bool] = []
    real = main_window._week_ahead_sentence

    def recorded(context, today):
        roster_loading_when_asked.append(window.roster().loading)
        return real(context, today)

    monkeypatch.setattr(main_window, "_week_ahead_sentence", recorded)
    window = MainWindow(env, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.roster().loading  # really in the background
    expected = week_ahead(ctx, env.today()).sentence()
    assert "check-in" in expected
    qtbot.waitUntil(lambda: window.week_label.text() == expected, timeout=10_000)
    assert roster_loading_when_asked == [False]  # once, after the rows were in
    window.show_view("dashboard")  # later views still refresh it
    qtbot.waitUntil(lambda: len(roster_loading_when_asked) == 2, timeout=10_000)


def test_week_ahead_still_shows_when_the_roster_never_reports(
    qtbot, env, settings, ctx, monkeypatch
):
    _program_due_this_week(ctx, env.today())
    monkeypatch.setattr(roster_view, "BACKGROUND_FROM", 0)
    monkeypatch.setattr(main_window, "WEEK_AHEAD_WAIT_MS", 50)
    monkeypatch.setattr(
        roster_view,
        "load_roster",
        lambda ctx, today: (_ for _ in ()).throw(RuntimeError("disk gone")),
    )
    window = MainWindow(env, settings)
    qtbot.addWidget(window)
    window.show()
    expected = week_ahead(ctx, env.today()).sentence()
    qtbot.waitUntil(lambda: window.week_label.text() == expected, timeout=10_000)
