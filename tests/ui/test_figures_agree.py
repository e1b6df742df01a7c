"""Every figure the app shows reads the same on every surface (issue 15).

The real demo program (24 mentees) and a 1,000-mentee demo are built once each; the real main
window is driven to the Dashboard, the Mentees view, the Mentors view and the Deadlines view,
and the program report PDF is written and read back with pypdf. Each figure is then read off
every surface that shows it and compared, and against a count made a second way (from the
roster rows, the mentor rows or the credential rows), so that one definition cannot be
wrong everywhere at once.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from bridgedesk.bootstrap import open_program
from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.domain.figures import last_twelve_months
from bridgedesk.domain.reminders import LAPSED
from bridgedesk.paths import DataPaths
from bridgedesk.reports.program_report import build_program_report
from bridgedesk.services.attention.needs_attention import attention_list
from bridgedesk.services.attention.rows import NO_PRIMARY_MENTOR
from bridgedesk.services.credentials.service import CredentialService
from bridgedesk.services.demo import generate_demo
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentees.roster_rows import roster_rows
from bridgedesk.services.mentors.service import MentorService
from bridgedesk.services.metrics.dashboard_lists import without_primary_mentor
from bridgedesk.services.program.exit_reasons import exit_reasons
from bridgedesk.ui.main_window import MainWindow
from bridgedesk.ui.screens.dashboard.dashboard_view import DashboardView
from bridgedesk.ui.view_env import ViewEnv
from tests.ui.conftest import TODAY, RecordingDialogs


@dataclass
class Surfaces:
    """What each surface shows, as text, plus counts made a second way for cross-checks."""

    status: str
    week: str
    footer: str
    tiles: dict[str, tuple[str, str]]
    without_primary: int  # from the dashboard lists' service
    attention_without_primary: int  # rows of that kind on the Dashboard's attention list
    mentors_summary: str
    mentors_over_in_table: int
    deadlines_lapsed_shown: int
    report: str
    roster_active: int  # from the roster rows, not from the figures
    roster_total: int
    mentor_loads: list[tuple[int, int]]  # (load, capacity) from the mentor rows
    lapsed_rows: int  # from the credential rows


def plain(text: str) -> str:
    """Thousands separators out ("9,341" -> "9341"): the screen and the PDF may group digits
    differently; the figures are what must agree."""
    return re.sub(r"(?<=\d),(?=\d{3})", "", text)


def wait_until(condition, seconds: float = 180) -> None:
    """Process Qt events until ``condition()`` holds (module fixtures have no qtbot)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for a view to load"
        QApplication.processEvents()
        time.sleep(0.01)


def _read_surfaces(folder: Path, mentees: int) -> Surfaces:
    paths = DataPaths(folder / "data").ensure()
    ctx = open_program(paths, actor="tester")
    try:
        generate_demo(ctx, TODAY, mentees=mentees, seed=3)
        env = ViewEnv(ctx, paths, RecordingDialogs(), today=lambda: TODAY)
        window = MainWindow(env, QSettings(str(folder / "gui.ini"), QSettings.Format.IniFormat))
        window.show()

        dashboard = window.show_view("dashboard")
        assert isinstance(dashboard, DashboardView)
        wait_until(lambda: dashboard.data is not None)
        tiles = {
            k: (plain(t.value.text()), plain(t.detail.text())) for k, t in dashboard.tiles.items()
        }

        roster = window.show_view("mentees")
        wait_until(lambda: not roster.loading)
        footer = roster.count_label.text()

        mentors = window.show_view("mentors")
        summary = mentors.summary.text()
        over_in_table = mentors.model.over_capacity_count()

        deadlines = window.show_view("deadlines")
        deadlines.band.select("lapsed")
        lapsed_shown = deadlines.model.rowCount()

        wait_until(lambda: window.week_label.text() != "")
        status, week = window.statusBar().currentMessage(), window.week_label.text()
        window.close()
        window.deleteLater()
        QApplication.processEvents()

        pdf = folder / "program.pdf"
        build_program_report(ctx, pdf, *last_twelve_months(TODAY), TODAY)
        report = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)

        rows = roster_rows(ctx, TODAY)
        loads = [(m.active_mentees, m.capacity) for m in MentorService(ctx).load(today=TODAY)]
        credentials = CredentialService(ctx).deadlines(TODAY)
        return Surfaces(
            status=status,
            week=week,
            footer=footer,
            tiles=tiles,
            without_primary=len(without_primary_mentor(ctx, TODAY)),
            attention_without_primary=sum(
                row.kind == NO_PRIMARY_MENTOR for row in attention_list(ctx, TODAY).rows
            ),
            mentors_summary=summary,
            mentors_over_in_table=over_in_table,
            deadlines_lapsed_shown=lapsed_shown,
            report=plain(" ".join(report.split())),
            roster_active=sum(1 for r in rows if r.status == MenteeStatus.ACTIVE.value),
            roster_total=len(rows),
            mentor_loads=loads,
            lapsed_rows=sum(1 for r in credentials if r.band == LAPSED),
        )
    finally:
        ctx.db.dispose()


@pytest.fixture(scope="module")
def demo(qapp, tmp_path_factory) -> Surfaces:
    return _read_surfaces(tmp_path_factory.mktemp("demo"), 24)


@pytest.fixture(scope="module")
def big(qapp, tmp_path_factory) -> Surfaces:
    return _read_surfaces(tmp_path_factory.mktemp("big"), 1_000)


def number(pattern: str, text: str) -> int:
    """The first integer captured by ``pattern`` in ``text`` (the test fails if absent)."""
    found = re.search(pattern, text)
    assert found, f"{pattern!r} not found in {text[:300]!r}…"
    return int(found.group(1).replace(",", ""))


def decimal(pattern: str, text: str) -> str:
    found = re.search(pattern, text)
    assert found, f"{pattern!r} not found in {text[:300]!r}…"
    return found.group(1)


@pytest.fixture(params=["demo", pytest.param("big", marks=pytest.mark.slow)])  # big: 8-18 s
def shown(request) -> Surfaces:
    return request.getfixturevalue(request.param)


def test_mentee_counts_agree(shown: Surfaces):
    active, total = shown.roster_active, shown.roster_total
    assert 0 < active < total  # completed and left mentees exist: the figures can differ
    assert number(r"Active mentees: ([\d,]+)", shown.status) == active
    assert number(r"· ([\d,]+) active$", shown.footer) == active
    assert number(r"of ([\d,]+) mentees shown", shown.footer) == total
    assert number(r"· ([\d,]+) active today", shown.tiles["in_program"][1]) == active
    assert number(r"Active mentees ([\d,]+) as of", shown.report) == active


def test_in_program_over_the_period_agrees(shown: Surfaces):
    in_program = number(r"^([\d,]+)$", shown.tiles["in_program"][0])
    assert in_program >= shown.roster_active
    assert number(r"Mentees in the program ([\d,]+) \d", shown.report) == in_program


def test_mentor_figures_agree(shown: Surfaces):
    loads = shown.mentor_loads
    over = sum(1 for load, capacity in loads if load > capacity)
    mean = f"{sum(load for load, _c in loads) / len(loads):.1f}"
    assert number(r"^(\d+) active mentors", shown.mentors_summary) == len(loads)
    summary_over = re.search(r"(\d+) over capacity", shown.mentors_summary)
    assert (int(summary_over.group(1)) if summary_over else 0) == over
    assert shown.mentors_over_in_table == over
    assert decimal(r"mentees per mentor: ([\d.]+)", shown.mentors_summary) == mean
    assert number(r"Mentors over capacity (\d+) of", shown.report) == over
    assert number(rf"Mentors over capacity {over} of (\d+)", shown.report) == len(loads)
    assert decimal(r"Mentees per mentor ([\d.]+) \(n = ", shown.report) == mean
    assert " of 64 " not in f" {mean} "  # an average is never printed as a share


def test_credential_figures_agree(shown: Surfaces):
    lapsed = shown.lapsed_rows
    assert lapsed > 0
    tile_lapsed, tile_soon = (int(x) for x in shown.tiles["credentials"][0].split(" / "))
    assert tile_lapsed == lapsed
    assert shown.deadlines_lapsed_shown == lapsed
    assert number(r"Lapsed ([\d,]+) of", shown.report) == lapsed
    assert number(r"Falling due in the next 30 days ([\d,]+) of", shown.report) == tile_soon


def test_overdue_figures_agree(shown: Surfaces):
    checkins = number(r"([\d,]+) check-ins? (?:and [\d,]+ milestones? )?overdue", shown.week)
    assert checkins > 0
    milestones = number(r"check-ins? and ([\d,]+) milestones? overdue", shown.week)
    # The report's "Needs attention" is the Dashboard's list: recent overdue items per mentee,
    # and those overdue more than six months in their own rows to review.
    recent = number(r"Overdue check-ins and milestones: ([\d,]+)", shown.report)
    found = re.search(r"Long-overdue items to review: ([\d,]+)", shown.report)
    old = int(found.group(1).replace(",", "")) if found else 0
    assert recent + old == checkins + milestones


def test_period_figures_agree(shown: Surfaces):
    held = re.search(r"([\d,]+) of ([\d,]+) held check-ins", shown.tiles["on_time"][1])
    assert held
    on_time = shown.tiles["on_time"][0]
    assert f"{held.group(1)} of {held.group(2)} ({on_time})" in shown.report
    assert (
        f"Held within 14 days of the planned date {held.group(1)} of {held.group(2)} ("
        in shown.report
    )
    overdue = shown.tiles["milestones_overdue"][0]
    due = number(r"of ([\d,]+) due", shown.tiles["milestones_overdue"][1])
    assert f"Overdue {overdue} of {due} (" in shown.report
    caption = shown.tiles["retention"][1]
    assert caption.startswith("Retention over time") and "Kaplan" not in caption  # plain words
    followed = number(r"([\d,]+) followed for 12 months", caption)
    share = shown.tiles["retention"][0].rstrip("%")
    found = re.search(
        r"Program: still in post at 12 months ([\d.]+)% \(.*?n = ([\d,]+)\)", shown.report
    )
    assert found and int(found.group(2).replace(",", "")) == followed
    assert found.group(1) == share  # the same rounding on screen and on paper


def test_primary_mentor_figures_agree(shown: Surfaces):
    without = shown.without_primary
    assert shown.attention_without_primary == without  # the list and the figure: one rule
    found = re.search(r"Active mentees without a primary mentor ([\d,]+) of ([\d,]+)", shown.report)
    if found is None:  # the report names only what needs attention
        assert without == 0
    else:
        assert int(found.group(1)) == without
        assert int(found.group(2).replace(",", "")) == shown.roster_active


def test_status_bar_and_roster_follow_an_archive(qtbot, env, tmp_path):
    """After an edit the counts move together: archive one of three mentees in the roster."""
    roster = RosterService(env.ctx)
    ids = [
        roster.create(
            MenteeFields(
                given_names=g,
                family_name="Test",
                native_name=n,
                start_date=TODAY - dt.timedelta(days=200),
                site="<North> & Co",
            )
        )  # fmt: skip
        for g, n in (("Selam", "ሰላም"), ("Omar", "عمر"), ("Ana", ""))
    ]
    window = MainWindow(env, QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("mentees")
    assert window.statusBar().currentMessage() == "Active mentees: 3"
    form = view.open_mentee(ids[0])
    reason = next(r.id for r in exit_reasons(env.ctx) if r.label.startswith("Position elsewhere"))
    assert form.archive(MenteeStatus.LEFT, TODAY, "Moved to a city hospital", reason)
    assert window.statusBar().currentMessage() == "Active mentees: 2"
    assert view.count_label.text() == "2 of 3 mentees shown · 2 active"
