"""The Dashboard: "Needs attention" on top, then five calm headline figures and three small charts.

Everything is computed off the GUI thread (on 10,000 mentees the measures take seconds);
the view shows "Loading…" until the worker reports. Every figure carries its denominator and
period in small text, as a board reader needs to check it. In a multi-site program a Site
picker narrows every figure, chart and list to one site's mentees, or combines all of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain import figures as f
from bridgedesk.services.attention.needs_attention import AttentionList, attention_list
from bridgedesk.services.mentees.roster import RosterService
from bridgedesk.services.metrics import Measure
from bridgedesk.services.metrics.headline import HeadlineMeasures, headline_measures
from bridgedesk.services.timeline.week_ahead import week_ahead
from bridgedesk.ui import workers
from bridgedesk.ui.formatting import format_date, format_percent, format_share
from bridgedesk.ui.screens.dashboard.attention_list import AttentionListWidget
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.bar_chart import BarChart, StepChart

LOADING = "Loading…"
ALL_SITES = "All sites"


@dataclass(frozen=True)
class DashboardData:
    metrics: HeadlineMeasures  # the tiles' and charts' measures, with today's mentee counts
    site: str | None = None  # the site the figures cover; None = all sites together
    sites: tuple[str, ...] = field(default_factory=tuple)  # every site, for the picker
    week: str = ""  # what falls due in the next seven days, as one sentence
    attention: AttentionList | None = None  # the ranked "Needs attention" rows (services/attention)


def load_figures(env: ViewEnv, today: dt.date, site: str | None = None) -> DashboardData:
    """First stage (a worker thread): the last 12 months' headline measures, for the tiles.

    A site that no longer exists (renamed since the picker was filled) falls back to all sites.
    """
    sites = tuple(RosterService(env.ctx).sites())
    if site not in sites:
        site = None
    start, end = f.last_twelve_months(today)  # the same period as a default program report
    return DashboardData(headline_measures(env.ctx, start, end, today, site), site, sites)


def load_rest(env: ViewEnv, figures: DashboardData, today: dt.date) -> DashboardData:
    """Second stage (a worker thread): the week ahead and what needs attention."""
    week = week_ahead(env.ctx, today, figures.site).sentence()
    attention = attention_list(env.ctx, today, figures.site)
    return replace(figures, week=week, attention=attention)


def load_dashboard(env: ViewEnv, today: dt.date, site: str | None = None) -> DashboardData:
    """Both stages in one call (for scripts and tests; the view runs them one after another)."""
    return load_rest(env, load_figures(env, today, site), today)


def _count(value: float | None) -> str:
    """A count as the status bar and the roster print it: 9,341 (a fraction keeps one decimal)."""
    if value is None:
        return "—"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def _day(day: dt.date) -> str:
    """A date that never breaks across lines in a narrow tile ("Dec / 3, 2026" read badly)."""
    return format_date(day).replace(" ", "\u00a0")


def _period(m: Measure) -> str:
    return f"{_day(m.period_start)} – {_day(m.period_end)}"


class Tile(QFrame):
    """One headline figure: big value, a caption, and the denominator and period in small text."""

    def __init__(self, caption: str, key: str = "") -> None:
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
        if key:  # the figure's definition, as on the program report's definitions page
            self.setToolTip(f.definition(key))

    def show_figure(self, value: str, detail: str) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.setAccessibleDescription(f"{value}. {detail}")


class DashboardView(QWidget):
    """The week at a glance; ``target_requested(Target)`` when a "Needs attention" row is opened."""

    target_requested = Signal(object)  # services.attention.rows.Target: view, mentee, item
    figures_shown = Signal()  # the tiles and charts are filled (the rest may still load)
    loaded = Signal()  # the figures on screen are fresh (tests wait for it)

    def __init__(self, env: ViewEnv) -> None:
        super().__init__()
        self.env = env
        self.data: DashboardData | None = None
        self._generation = 0
        self.status = QLabel(LOADING)
        self.status.setWordWrap(True)  # the week's sentence grows with the program
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
            "in_program": Tile(f.label(f.IN_PROGRAM), f.IN_PROGRAM),
            "on_time": Tile(f.label(f.CHECKINS_ON_TIME), f.CHECKINS_ON_TIME),
            "milestones_overdue": Tile(f.label(f.MILESTONES_OVERDUE), f.MILESTONES_OVERDUE),
            "credentials": Tile("Credentials lapsed / due within 30 days"),
            "retention": Tile(f.label(f.RETENTION_12), f.RETENTION_12),
        }
        self.phase_chart = BarChart("Mentees by phase")
        self.checkin_chart = BarChart("Check-in adherence")
        self.retention_chart = StepChart("Retention over time")
        self.retention_chart.setToolTip(
            "Share of mentees still in post, by months since their start "
            "(Kaplan-Meier estimate: people still in post are counted until today)"
        )
        self.attention = AttentionListWidget(env)
        self.attention.target_requested.connect(self.target_requested)
        self.attention.changed.connect(self.reload_attention)  # only the list: figures unchanged
        self._explain_figures()
        self._build()

    def _explain_figures(self) -> None:
        """Each tile and list shows its figure's definition (figures registry) as its tooltip."""
        self.tiles["credentials"].setToolTip(
            "\n".join(
                f"{f.label(key)}: {f.definition(key)}"
                for key in (f.CREDENTIALS_LAPSED, f.CREDENTIALS_DUE_30)
            )
        )

    def _build(self) -> None:
        body = QWidget()
        outer = QVBoxLayout(body)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.site_label)
        top.addWidget(self.site)
        outer.addLayout(top)
        outer.addWidget(self.status)
        outer.addWidget(self.attention, 1)  # it sizes itself: ten rows, or one line if empty
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
        outer.addStretch(0)  # the room an empty "Needs attention" leaves, kept at the bottom
        scroll = QScrollArea()
        scroll.setAccessibleName("Dashboard contents")  # it takes the focus to scroll
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
            lambda: load_figures(self.env, today, site),
            lambda data: self._show_figures(generation, data, today),
            lambda message: self._failed(generation, message),
            owner=self,
        )

    def reload_attention(self) -> None:
        """After a snooze, a dismissal or a row brought back: reload only "Needs attention"
        (in the background), not the tiles and charts; ``loaded`` once it is shown."""
        generation = self._generation  # a full refresh started meanwhile wins
        today = self.env.today()
        site = self.chosen_site()
        workers.start(
            lambda: attention_list(self.env.ctx, today, site),
            lambda listed: self._show_attention(generation, listed),
            lambda message: self._failed(generation, message),
            owner=self,
        )

    def _show_attention(self, generation: int, listed: AttentionList) -> None:
        if generation != self._generation:
            return
        if self.data is not None:
            self.data = replace(self.data, attention=listed)
        self.attention.set_list(listed)
        self.loaded.emit()

    def _show_figures(self, generation: int, data: DashboardData, today: dt.date) -> None:
        """The tiles and charts as soon as they are ready; then the rest loads."""
        if generation != self._generation:
            return
        self._show_tiles(data)
        self.status.setText(
            f"As of {format_date(data.metrics.today)}; figures cover the last 12 months."
        )
        self.figures_shown.emit()
        workers.start(
            lambda: load_rest(self.env, data, today),
            lambda full: self._show(generation, full),
            lambda message: self._failed(generation, message),
            owner=self,
        )

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        super().showEvent(event)
        if self.data is None and self._generation == 0:
            self.refresh()

    @property
    def loading(self) -> bool:
        """Still waiting for its first full load (the start-up probe waits for ``loaded``)."""
        return self.data is None

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
        self._show_tiles(data)
        self.status.setText(
            f"As of {format_date(data.metrics.today)}; figures cover the last 12 months. "
            + data.week
        )
        if data.attention is not None:
            self.attention.set_list(data.attention)
        self.loaded.emit()

    def _show_tiles(self, data: DashboardData) -> None:
        self._fill_sites(data.sites, data.site)
        self.heading.setText(data.site or ALL_SITES)
        m = data.metrics
        inp = m.roster.in_program
        active = m.mentees.active
        self.tiles["in_program"].show_figure(
            _count(inp.value),
            f"{_period(inp)} · {active:,} active today",
        )
        ot = m.checkins.on_time
        self.tiles["on_time"].show_figure(
            format_percent(ot.share) or "—",
            f"{_count(ot.value)} of {_count(ot.denominator or 0)} held check-ins · {_period(ot)}",
        )
        mo = m.milestones.overdue
        self.tiles["milestones_overdue"].show_figure(
            _count(mo.value), f"of {_count(mo.denominator or 0)} due · {_period(mo)}"
        )
        lapsed, within = m.deadlines.lapsed, m.deadlines.within[0]
        self.tiles["credentials"].show_figure(
            f"{_count(lapsed.value)} / {_count(within.value)}",
            f"of {_count(lapsed.denominator or 0)} dated credentials · as of {_day(m.today)}",
        )
        r12 = m.retention.program[0]
        self.tiles["retention"].show_figure(
            format_percent(r12.value) or "—",
            # Plain words here; the tooltip (the registry's definition) names the method.
            f"Retention over time · {_count(r12.denominator or 0)} followed for 12 months",
        )
        self._show_charts(m)

    def _show_charts(self, m: HeadlineMeasures) -> None:
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
                ("Not yet recorded", c.overdue.value or 0, _count(c.overdue.value)),
            ]
        )
        curve = m.retention.program_curve
        points = [(step.time / 30.4375, step.survival) for step in curve.steps if step.events]
        words = "; ".join(
            f"{x.label}: {format_share(x.value) or 'no data'}" for x in m.retention.program
        )
        self.retention_chart.set_points(points, words)
