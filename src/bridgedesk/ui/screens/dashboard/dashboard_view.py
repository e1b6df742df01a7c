"""The Dashboard: five calm headline figures, three small charts and today's action lists.

Everything is computed off the GUI thread (on 10,000 mentees the measures take seconds);
the view shows "Loading…" until the worker reports. Every figure carries its denominator and
period in small text, as a board reader needs to check it. In a multi-site program a Site
picker narrows every figure, chart and list to one site's mentees, or combines all of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.services.mentees.roster import RosterService
from bridgedesk.services.metrics import Measure, ProgramMetrics, compute_program_metrics
from bridgedesk.services.metrics.dashboard_lists import DashboardLists, dashboard_lists
from bridgedesk.services.timeline.week_ahead import week_ahead
from bridgedesk.ui import workers
from bridgedesk.ui.formatting import format_date, format_share
from bridgedesk.ui.screens.dashboard.action_list import ActionList
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.bar_chart import BarChart, StepChart

LOADING = "Loading…"
ALL_SITES = "All sites"


@dataclass(frozen=True)
class DashboardData:
    metrics: ProgramMetrics
    lists: DashboardLists
    site: str | None = None  # the site the figures cover; None = all sites together
    sites: tuple[str, ...] = field(default_factory=tuple)  # every site, for the picker
    week: str = ""  # what falls due in the next seven days, as one sentence


def load_dashboard(env: ViewEnv, today: dt.date, site: str | None = None) -> DashboardData:
    """The last 365 days' measures and today's lists (runs on a worker thread).

    A site that no longer exists (renamed since the picker was filled) falls back to all sites.
    """
    sites = tuple(RosterService(env.ctx).sites())
    if site not in sites:
        site = None
    start = today - dt.timedelta(days=365)
    metrics = compute_program_metrics(env.ctx, start, today, today, site=site)
    week = week_ahead(env.ctx, today, site).sentence()
    return DashboardData(metrics, dashboard_lists(env.ctx, today, site), site, sites, week)


def _count(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def _period(m: Measure) -> str:
    return f"{format_date(m.period_start)} – {format_date(m.period_end)}"


class Tile(QFrame):
    """One headline figure: big value, a caption, and the denominator and period in small text."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.value = QLabel(LOADING)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        small = self.detail.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.detail.setFont(small)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.setAccessibleName(caption)

    def show_figure(self, value: str, detail: str) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.setAccessibleDescription(f"{value}. {detail}")


class DashboardView(QWidget):
    """The week at a glance; ``mentee_requested(id)`` when an action row is opened."""

    mentee_requested = Signal(int)
    loaded = Signal()  # the figures on screen are fresh (tests wait for it)

    def __init__(self, env: ViewEnv) -> None:
        super().__init__()
        self.env = env
        self.data: DashboardData | None = None
        self._generation = 0
        self.status = QLabel(LOADING)
        self.status.setAccessibleName("Dashboard status")
        self.heading = QLabel(ALL_SITES)
        self.heading.setAccessibleName("Dashboard site")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.site = QComboBox()
        self.site.setAccessibleName("Site")
        self.site.setToolTip("Show one site's mentees, or all sites together")
        self.site.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.site.addItem(ALL_SITES, None)
        self.site.currentIndexChanged.connect(self._site_chosen)
        self.site_label = QLabel("&Site:")
        self.site_label.setBuddy(self.site)
        self._show_site_picker(False)
        self.tiles = {
            "in_program": Tile("Mentees in the program"),
            "on_time": Tile("Check-ins held on time"),
            "milestones_overdue": Tile("Milestones overdue"),
            "credentials": Tile("Credentials lapsed / due within 30 days"),
            "retention": Tile("Still in post at 12 months"),
        }
        self.phase_chart = BarChart("Mentees by phase")
        self.checkin_chart = BarChart("Check-in adherence")
        self.retention_chart = StepChart("Retention curve (Kaplan-Meier)")
        self.lists = {
            "overdue": ActionList("Overdue check-ins", "none"),
            "deadlines": ActionList("Credential deadlines within 30 days", "none"),
            "mentor": ActionList("Active mentees without a primary mentor", "none"),
            "stale": ActionList("Checklists not assessed in 6 months", "none"),
        }
        for action_list in self.lists.values():
            action_list.mentee_requested.connect(self.mentee_requested)
        self._build()

    def _build(self) -> None:
        body = QWidget()
        outer = QVBoxLayout(body)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.site_label)
        top.addWidget(self.site)
        outer.addLayout(top)
        outer.addWidget(self.status)
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)
        outer.addLayout(tiles)
        charts = QHBoxLayout()
        for title, chart in (
            ("Mentees by phase", self.phase_chart),
            ("Check-ins due in the last 12 months", self.checkin_chart),
            ("Still in post, months from start", self.retention_chart),
        ):
            box = QVBoxLayout()
            heading = QLabel(title)
            heading.setStyleSheet("font-weight: 600;")
            box.addWidget(heading)
            box.addWidget(chart, 1)
            charts.addLayout(box, 1)
        outer.addLayout(charts)
        grid = QGridLayout()
        for i, action_list in enumerate(self.lists.values()):
            action_list.setMinimumHeight(180)
            grid.addWidget(action_list, i // 2, i % 2)
        outer.addLayout(grid, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # ----- loading ------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute in the background; a newer refresh wins over an older one still running."""
        self._generation += 1
        generation = self._generation
        today = self.env.today()
        site = self.chosen_site()
        self.heading.setText(site or ALL_SITES)
        self.status.setText(LOADING)
        self.status.show()
        workers.start(
            lambda: load_dashboard(self.env, today, site),
            lambda data: self._show(generation, data),
            lambda message: self._failed(generation, message),
        )

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        super().showEvent(event)
        if self.data is None and self._generation == 0:
            self.refresh()

    def chosen_site(self) -> str | None:
        """The site picked in the Site box; None for all sites."""
        return self.site.currentData()

    def choose_site(self, site: str | None) -> None:
        """Pick ``site`` (None = all sites) as a user would; the figures reload."""
        index = self.site.findData(site) if site is not None else 0
        self.site.setCurrentIndex(max(index, 0))

    def _site_chosen(self, _index: int) -> None:
        self.refresh()

    def _show_site_picker(self, visible: bool) -> None:
        self.site.setVisible(visible)
        self.site_label.setVisible(visible)

    def _fill_sites(self, sites: tuple[str, ...], current: str | None) -> None:
        """Refill the picker without reloading; it shows only when there is a choice to make."""
        self.site.blockSignals(True)
        try:
            self.site.clear()
            self.site.addItem(ALL_SITES, None)
            for name in sites:
                self.site.addItem(name, name)
            self.site.setCurrentIndex(max(self.site.findData(current), 0) if current else 0)
        finally:
            self.site.blockSignals(False)
        self._show_site_picker(len(sites) > 1)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.status.setText(f"The dashboard could not be loaded: {message}")

    def _show(self, generation: int, data: DashboardData) -> None:
        if generation != self._generation:
            return
        self.data = data
        self._fill_sites(data.sites, data.site)
        self.heading.setText(data.site or ALL_SITES)
        m = data.metrics
        self.status.setText(
            f"As of {format_date(m.today)}; figures cover the last 12 months. {data.week}"
        )
        inp = m.roster.in_program
        self.tiles["in_program"].show_figure(_count(inp.value), f"in the period {_period(inp)}")
        ot = m.checkins.on_time
        self.tiles["on_time"].show_figure(
            format_share(ot.share) or "—",
            f"{_count(ot.value)} of {ot.denominator or 0} held check-ins · {_period(ot)}",
        )
        mo = m.milestones.overdue
        self.tiles["milestones_overdue"].show_figure(
            _count(mo.value), f"of {mo.denominator or 0} due · {_period(mo)}"
        )
        lapsed, within = m.deadlines.lapsed, m.deadlines.within[0]
        self.tiles["credentials"].show_figure(
            f"{_count(lapsed.value)} / {_count(within.value)}",
            f"of {lapsed.denominator or 0} dated credentials · as of {format_date(m.today)}",
        )
        r12 = m.retention.program[0]
        self.tiles["retention"].show_figure(
            format_share(r12.value) or "—",
            f"Kaplan-Meier, {r12.denominator or 0} still followed at 12 months",
        )
        self._show_charts(m)
        lists = data.lists
        self.lists["overdue"].set_items(lists.overdue_checkins)
        self.lists["deadlines"].set_items(lists.deadlines)
        self.lists["mentor"].set_items(lists.without_primary_mentor)
        self.lists["stale"].set_items(lists.stale_checklists)
        self.loaded.emit()

    def _show_charts(self, m: ProgramMetrics) -> None:
        self.phase_chart.set_bars(
            [(b.label, b.value or 0, _count(b.value)) for b in m.roster.by_phase]
        )
        c = m.checkins
        held, on_time = c.held.value or 0, c.on_time.value or 0
        self.checkin_chart.set_bars(
            [
                ("Held on time", on_time, _count(on_time)),
                ("Held late", held - on_time, _count(held - on_time)),
                ("Missed", c.missed.value or 0, _count(c.missed.value)),
                ("Overdue", c.overdue.value or 0, _count(c.overdue.value)),
            ]
        )
        curve = m.retention.program_curve
        points = [(step.time / 30.4375, step.survival) for step in curve.steps if step.events]
        words = "; ".join(
            f"{x.label}: {format_share(x.value) or 'no data'}" for x in m.retention.program
        )
        self.retention_chart.set_points(points, words)
