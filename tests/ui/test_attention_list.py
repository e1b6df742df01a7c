"""The Dashboard's "Needs attention" list: order, badges, Open to the right view, snooze, dismiss."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from bridgedesk.services.attention.needs_attention import attention_list
from bridgedesk.services.attention.rows import Severity
from bridgedesk.services.program.details import ProgramSettings, save
from bridgedesk.ui.main_window import MainWindow
from bridgedesk.ui.models.attention_model import BADGE, MENTEE, WHAT, badge_colours
from bridgedesk.ui.screens.dashboard.dashboard_view import DashboardView
from bridgedesk.ui.view_env import ViewEnv
from tests.unit.attention_program import TODAY, build_program


@pytest.fixture
def program(sqlite_ctx):
    return build_program(sqlite_ctx)


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs, program) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


def loaded(qtbot, view: DashboardView) -> DashboardView:
    with qtbot.waitSignal(view.loaded, timeout=20000):
        view.refresh()
    return view


@pytest.fixture
def dashboard(qtbot, env) -> DashboardView:
    view = DashboardView(env)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    return loaded(qtbot, view)


def line_of(view: DashboardView, kind: str) -> int:
    model = view.attention.model
    return next(
        n for n, line in enumerate(model.lines)
        if line.row is not None and line.hidden is None and line.row.kind == kind
    )  # fmt: skip


def test_rows_are_grouped_by_severity_under_headings_in_rank_order(dashboard, env, program):
    model = dashboard.attention.model
    shown = [
        "heading: " + model.data(model.index(n, 0))
        if model.is_heading(n)
        else f"{model.data(model.index(n, BADGE))}: {model.data(model.index(n, WHAT))}"
        for n in range(model.rowCount())
    ]
    assert shown[:4] == [
        "heading: Lapsed · 1",
        "Lapsed: H-1B validity ends — 12 days ago",
        "heading: Due within 30 days · 1",
        "Due soon: State medical licence expires in 20 days",
    ]
    assert shown[4] == "heading: To do · 6" and len(shown) == 11
    ranked = attention_list(env.ctx, TODAY).rows
    assert [r.key for r in model.item_rows()] == [r.key for r in ranked]
    # Headings cannot be selected; the badge colour says the severity.
    assert model.flags(model.index(0, MENTEE)) == Qt.ItemFlag.NoItemFlags
    fills = {s: badge_colours(s)[0].name() for s in Severity}
    assert len(set(fills.values())) == 3
    assert (
        model.data(model.index(1, BADGE), Qt.ItemDataRole.BackgroundRole).color().name()
        == (fills[Severity.LAPSED])
    )
    assert dashboard.attention.counts.text() == "1 lapsed · 1 due within 30 days · 6 to do"
    assert dashboard.attention.table.isVisible()


@pytest.fixture
def window(qtbot, sqlite_ctx, env, tmp_path) -> MainWindow:
    save(sqlite_ctx, ProgramSettings("Pine Ridge", "IMG Bridge", "Dr. Reed"))
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    win = MainWindow(env, settings)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    return win


def open_row(qtbot, window: MainWindow, kind: str) -> None:
    view = window.show_view("dashboard")
    if view.data is None:
        loaded(qtbot, view)
    table = view.attention.table
    table.setFocus()
    table.setCurrentIndex(view.attention.model.index(line_of(view, kind), MENTEE))
    qtbot.keyClick(table, Qt.Key.Key_Return)


def test_open_shows_the_lapsed_credential_in_deadlines(qtbot, window, program):
    open_row(qtbot, window, "credential_lapsed")
    assert window.current_key() == "deadlines"
    deadlines = window.view("deadlines")
    assert deadlines.selected_credential_id() == program.credential_ids["h1b"]
    assert deadlines.search.text() == "Selam Tesfaye"


def test_open_shows_the_overdue_checkin_on_the_mentees_timeline(qtbot, window, program):
    open_row(qtbot, window, "overdue")
    assert window.current_key() == "timeline"
    timeline = window.view("timeline")
    assert timeline.mentee.value() == program.overdue
    selected = timeline.selected()
    assert (selected.kind, selected.id) == ("checkin", program.checkin_ids["overdue"])


def test_open_on_no_mentor_opens_the_record_and_on_never_assessed_the_checklist(
    qtbot, window, program
):
    open_row(qtbot, window, "no_primary_mentor")
    assert window.current_key() == "mentees"
    form = window.roster().current_form
    assert form is not None and form.record is not None and form.record.id == program.no_mentor
    assert form.tabs.tabText(form.tabs.currentIndex()).replace("&", "") == "Mentors"
    form.done(0)
    open_row(qtbot, window, "never_assessed")
    assert window.current_key() == "checklists"
    assert window.view("checklists").mentee_id() == program.unassessed


def test_snooze_hides_the_row_and_says_so(qtbot, dashboard, dialogs, program):
    widget = dashboard.attention
    widget.table.setCurrentIndex(widget.model.index(line_of(dashboard, "overdue"), MENTEE))
    dialogs.choice_answer = 1  # two weeks
    with qtbot.waitSignal(dashboard.loaded, timeout=20000):
        assert widget.snooze_selected()
    assert dialogs.kinds() == ["choose"]
    assert all(r.mentee_id != program.overdue for r in widget.model.item_rows()
               if r.kind == "overdue")  # fmt: skip
    assert widget.counts.text().endswith("(1 snoozed)")


def test_a_snooze_reloads_only_the_list_not_the_figures(qtbot, dashboard, dialogs, program):
    widget = dashboard.attention
    before = len(widget.listed.rows)
    tiles_reloaded = []
    dashboard.figures_shown.connect(lambda: tiles_reloaded.append(True))
    dashboard.status.setText("status kept")  # a full reload would write "Loading…" here
    widget.table.setCurrentIndex(widget.model.index(line_of(dashboard, "overdue"), MENTEE))
    dialogs.choice_answer = 0
    with qtbot.waitSignal(dashboard.loaded, timeout=20000):
        assert widget.snooze_selected()
    assert dashboard.status.text() == "status kept" and not tiles_reloaded
    assert len(widget.listed.rows) == before - 1 and widget.listed.snoozed == 1
    assert dashboard.data is not None and dashboard.data.attention is widget.listed


def test_dismiss_needs_a_reason_and_keeps_it(qtbot, dashboard, dialogs, program):
    widget = dashboard.attention
    widget.table.setCurrentIndex(widget.model.index(line_of(dashboard, "credential_due"), MENTEE))
    dialogs.text_answer = "   "
    assert not widget.dismiss_selected()
    assert dialogs.messages[-1] == (
        "warn",
        "Say why the row is dismissed (it is kept in the audit).",
    )
    dialogs.text_answer = "x" * 10_000
    assert not widget.dismiss_selected()
    assert "under 500 characters" in dialogs.messages[-1][1]
    dialogs.text_answer = None  # cancelled: nothing happens
    assert not widget.dismiss_selected()
    dialogs.text_answer = "Renewal filed <b>&amp; receipt seen"
    with qtbot.waitSignal(dashboard.loaded, timeout=20000):
        assert widget.dismiss_selected()
    assert [r.kind for r in widget.model.item_rows()][:2] == ["credential_lapsed", "overdue"]
    assert widget.counts.text() == "1 lapsed · 0 due within 30 days · 6 to do  (1 dismissed)"
    hidden = attention_list(dashboard.env.ctx, TODAY).hidden
    assert hidden[0].decision.reason == "Renewal filed <b>&amp; receipt seen"


@pytest.fixture
def empty_env(tmp_path, dialogs):
    from bridgedesk.bootstrap import open_program
    from bridgedesk.paths import DataPaths

    paths = DataPaths(tmp_path / "empty").ensure()
    ctx = open_program(paths, actor="tester")
    yield ViewEnv(ctx, paths, dialogs, today=lambda: TODAY)
    ctx.db.dispose()


def test_nothing_to_do_is_one_line(qtbot, empty_env):
    view = DashboardView(empty_env)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    loaded(qtbot, view)
    assert view.attention.counts.text() == "Nothing needs attention today."
    assert not view.attention.table.isVisible() and not view.attention.open_button.isVisible()
    qtbot.waitUntil(lambda: view.attention.height() < 80)  # the layout gives the room away


def test_a_hidden_row_can_be_shown_and_brought_back(qtbot, dashboard, dialogs, program):
    widget = dashboard.attention
    widget.table.setCurrentIndex(widget.model.index(line_of(dashboard, "no_primary_mentor"), 1))
    dialogs.choice_answer = 0  # a week
    with qtbot.waitSignal(dashboard.loaded, timeout=20000):
        assert widget.snooze_selected()
    assert widget.show_hidden.isVisible() and not widget.restore_button.isVisible()
    widget.show_hidden.setChecked(True)
    model = widget.model
    last = model.rowCount() - 1
    assert model.data(model.index(last - 1, 0)) == "Snoozed or dismissed · 1"
    assert model.data(model.index(last, 0)) == "Hidden"
    assert model.data(model.index(last, 3)).startswith("Snoozed until ")
    assert model.data(model.index(last, 3)).endswith("(tester)")
    widget.table.setCurrentIndex(model.index(last, 1))
    assert widget.restore_button.isEnabled() and not widget.dismiss_button.isEnabled()
    assert not widget.dismiss_selected()  # a hidden row is brought back, not dismissed again
    with qtbot.waitSignal(dashboard.loaded, timeout=20000):
        assert widget.restore_selected()
    assert "no_primary_mentor" in [r.kind for r in widget.model.item_rows()]
    assert not widget.show_hidden.isVisible()
    assert widget.counts.text() == "1 lapsed · 1 due within 30 days · 6 to do"


def test_the_keyboard_steps_over_the_group_headings(qtbot, dashboard):
    table = dashboard.attention.table
    model = dashboard.attention.model
    table.setFocus()
    table.setCurrentIndex(model.index(1, MENTEE))  # the lapsed row, under its heading
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 3  # the due-soon row: its heading (2) was skipped
    assert dashboard.attention.selected_row().kind == "credential_due"
