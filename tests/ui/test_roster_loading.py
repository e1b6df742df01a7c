"""Big programs: the Mentees view loads off the GUI thread, then fills; the probe reports ready."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMainWindow

from bridgedesk.ui.models.roster_model import NAME, ROW_ID_ROLE
from bridgedesk.ui.screens.mentees.roster_view import LOADING, FilterCombo, RosterView
from bridgedesk.ui.startup import ready_probe
from tests.ui.test_roster_view import people  # noqa: F401 - the fixture


def test_background_load_shows_loading_then_fills(qtbot, env, people):  # noqa: F811
    view = RosterView(env, background_from=0)  # every program counts as big
    qtbot.addWidget(view)
    assert view.loading
    assert view.count_label.text() == LOADING
    qtbot.waitUntil(lambda: not view.loading, timeout=10_000)
    assert view.count_label.text() == "4 of 4 mentees shown · 4 active"
    shown = {view.model.data(view.model.index(r, NAME), ROW_ID_ROLE) for r in range(4)}
    assert shown == set(people.values())
    assert view.phase.count() >= 1 and view.site.count() == 3  # "All sites" + two sites


def test_newer_refresh_wins_and_selects_the_mentee(qtbot, env, people):  # noqa: F811
    view = RosterView(env, background_from=0)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh(select_id=people["Wang"])  # the first load is now out of date
    qtbot.waitUntil(lambda: not view.loading, timeout=10_000)
    selected = view.table.selectionModel().selectedRows()
    assert [view.model.data(i, ROW_ID_ROLE) for i in selected] == [people["Wang"]]


def test_filter_combo_values_survive_many_reads():
    combo = FilterCombo("All sites", "Filter by site")
    combo.set_choices([("North clinic", "North clinic"), ("王小明 site", "王小明 site")])
    before = sys.getrefcount(None)
    for _ in range(2_000):
        assert combo.value() is None  # "any": read from Python, never from Qt item data
    assert sys.getrefcount(None) >= before - 10
    combo.select("王小明 site")
    assert combo.currentText() == "王小明 site" and combo.value() == "王小明 site"
    combo.set_choices([("North clinic", "North clinic")])  # the chosen site is gone
    assert combo.value() is None and combo.currentIndex() == 0


def test_ready_probe_waits_for_the_view_then_prints(qtbot, env, people, monkeypatch, capsys):  # noqa: F811
    monkeypatch.setenv(ready_probe.ENV_VAR, "1")
    window = QMainWindow()
    qtbot.addWidget(window)
    view = RosterView(env, background_from=0)
    window.setCentralWidget(view)
    window.show()
    probe = ready_probe.install(window)
    assert probe is not None
    probe.current_view = lambda: view
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: "ready" in capsys.readouterr().out or probe._done, timeout=5_000)
    assert probe._done
    assert not view.loading


def test_ready_probe_is_off_without_the_variable(qtbot, monkeypatch):
    monkeypatch.delenv(ready_probe.ENV_VAR, raising=False)
    window = QMainWindow()
    qtbot.addWidget(window)
    assert ready_probe.install(window) is None
    assert ready_probe.process_age() > 0
