"""The roster window shows the phase the start date gives, day after day, for a mentee added
through the form; a phase set by hand says so, and the phase filter still finds it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from bridgedesk.domain.phases import PhaseSpan, phase_on_date
from bridgedesk.services.program.schedule_template import phase_spans
from bridgedesk.ui.models.roster_model import PHASE
from bridgedesk.ui.screens.mentees.roster_view import RosterView

START = dt.date(2025, 6, 2)


def test_the_roster_phase_follows_the_start_date_through_a_year(qtbot, env):
    days = {"today": START - dt.timedelta(days=30)}
    env.today = lambda: days["today"]
    view = RosterView(env)
    qtbot.addWidget(view)
    view.show()
    form = view.open_mentee(None)
    form.editors["given_names"].setText("Selam")
    form.editors["family_name"].setText("Tesfaye")
    form.profile.start_date_edit.setDate(QDate(START.year, START.month, START.day))
    with qtbot.waitSignal(form.saved, timeout=3000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    form.done(0)
    spans = phase_spans(env.ctx)
    by_id = [PhaseSpan(n, first, last) for n, (_name, first, last) in enumerate(spans)]
    seen = []
    for offset in range(-30, 400, 7):  # every week for more than a year
        days["today"] = START + dt.timedelta(days=offset)
        view.refresh()
        expected = spans[phase_on_date(by_id, START, days["today"]) or 0][0]
        shown = view.model.data(view.model.index(0, PHASE))
        assert shown == expected, days["today"]
        seen.append(shown)
    assert list(dict.fromkeys(seen)) == [
        "Pre-arrival", "Orientation", "First 90 days", "Rest of year 1", "Years 2 and 3",
    ]  # fmt: skip


def test_a_phase_set_by_hand_reads_so_on_the_roster(qtbot, env):
    env.today = lambda: START + dt.timedelta(days=200)
    view = RosterView(env)
    qtbot.addWidget(view)
    form = view.open_mentee(None)
    form.editors["given_names"].setText("Priya")
    form.editors["family_name"].setText("Sharma")
    form.profile.start_date_edit.setDate(QDate(START.year, START.month, START.day))
    combo = form.profile.phase_combo
    combo.setCurrentIndex(combo.findText("Orientation (set by hand)"))
    assert "the phase set by hand is shown instead" in form.profile.phase_hint.text()
    with qtbot.waitSignal(form.saved, timeout=3000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert view.model.data(view.model.index(0, PHASE)) == "Orientation (set by hand)"
    view.phase.select("Orientation")
    assert view.model.rowCount() == 1
