"""Time every figure the app shows, on a large program (default 10,000 mentees).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_figures.py [N]``
(or ``--data-dir D`` to time an existing program instead of generating a demo).

Prints, best of three runs, each program measure over the last 12 months (target <= 0.5 s
each), today's figures piece by piece, and the Dashboard: from the view being shown to its
figures on screen (target <= 1 s), with the longest pause of the GUI thread meanwhile (the
window must not freeze: the figures load in a worker thread).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bridgedesk.bootstrap import open_program  # noqa: E402
from bridgedesk.domain.figures import last_twelve_months  # noqa: E402
from bridgedesk.paths import DataPaths, resolve  # noqa: E402
from bridgedesk.services.context import ServiceContext  # noqa: E402
from bridgedesk.services.demo import generate_demo  # noqa: E402
from bridgedesk.services.mentees.status_counts import mentee_counts  # noqa: E402
from bridgedesk.services.metrics import compute_program_metrics  # noqa: E402
from bridgedesk.services.metrics import dashboard_lists as lists  # noqa: E402
from bridgedesk.services.metrics.checkins import checkin_metrics  # noqa: E402
from bridgedesk.services.metrics.checklists import checklist_metrics  # noqa: E402
from bridgedesk.services.metrics.deadlines import deadline_metrics  # noqa: E402
from bridgedesk.services.metrics.headline import headline_measures  # noqa: E402
from bridgedesk.services.metrics.learning import learning_metrics  # noqa: E402
from bridgedesk.services.metrics.measure import Period  # noqa: E402
from bridgedesk.services.metrics.milestones import milestone_metrics  # noqa: E402
from bridgedesk.services.metrics.program_figures import mentor_counts, today_figures  # noqa: E402
from bridgedesk.services.metrics.retention import retention_metrics  # noqa: E402
from bridgedesk.services.metrics.roster import roster_metrics  # noqa: E402
from bridgedesk.services.timeline.week_ahead import week_ahead  # noqa: E402

TODAY = dt.date(2026, 3, 12)


def best(run: Callable[[], Any], times: int = 3) -> float:
    """The best wall time of ``times`` runs, in seconds."""
    timings = []
    for _ in range(times):
        began = time.perf_counter()
        run()
        timings.append(time.perf_counter() - began)
    return min(timings)


def line(label: str, seconds: float, target: float | None = None) -> None:
    mark = "" if target is None else ("  ok" if seconds <= target else f"  OVER {target:.1f} s")
    print(f"  {label:<46} {seconds * 1000:8.0f} ms{mark}")


def program_measures(ctx: ServiceContext, today: dt.date) -> None:
    start, end = last_twelve_months(today)
    print("Program measures, last 12 months (target <= 0.5 s each):")
    line("compute_program_metrics (all)", best(lambda: compute_program_metrics(
        ctx, start, end, today)))  # fmt: skip
    period = Period(start, end, today)
    with ctx.read() as session:
        parts: dict[str, Callable[[], Any]] = {
            "roster (in program, phases, mentor load)": lambda: roster_metrics(session, period),
            "check-ins": lambda: checkin_metrics(session, period),
            "milestones": lambda: milestone_metrics(session, period),
            "cultural fluency": lambda: checklist_metrics(session, period),
            "deadlines": lambda: deadline_metrics(session, period),
            "retention": lambda: retention_metrics(session, period, 0),
            "two-way learning": lambda: learning_metrics(session, period),
        }
        for label, run in parts.items():
            line(label, best(run), 0.5)


def today_parts(ctx: ServiceContext, today: dt.date) -> None:
    print("Today's figures (status bar, roster footer, Mentors view, dashboard lists):")
    parts: dict[str, Callable[[], Any]] = {
        "mentee counts (status bar, roster footer)": lambda: mentee_counts(ctx),
        "mentor load (Mentors view)": lambda: mentor_counts(ctx, today),
        "overdue check-ins": lambda: lists.overdue_checkins(ctx, today),
        "credential deadlines within 30 days": lambda: lists.deadlines_soon(ctx, today),
        "without a primary mentor": lambda: lists.without_primary_mentor(ctx, today),
        "checklists not assessed in 6 months": lambda: lists.stale_checklists(ctx, today),
        "due this week (status bar)": lambda: week_ahead(ctx, today),
        "dashboard tiles (headline_measures)": lambda: headline_measures(
            ctx, *last_twelve_months(today), today
        ),
    }
    for label, run in parts.items():
        line(label, best(run), 0.5)
    # No surface shows these together: each surface calls its own part above.
    line("today_figures (all of the above, for reports)", best(lambda: today_figures(ctx, today)))


def dashboard(ctx: ServiceContext, paths: DataPaths, today: dt.date) -> None:
    """Shown -> figures on screen, as a user waits for it; and the GUI thread's longest pause."""
    from bridgedesk.ui.dialogs import Dialogs
    from bridgedesk.ui.screens.dashboard.dashboard_view import DashboardView
    from bridgedesk.ui.startup import gc_pauses
    from bridgedesk.ui.view_env import ViewEnv

    app = QApplication.instance() or QApplication(sys.argv[:1])
    gc_pauses.settle_after_start()  # as the app does once its window is up
    print("Dashboard, shown -> on screen (target: tiles <= 1 s):")
    for run in range(3):
        view = DashboardView(ViewEnv(ctx, paths, Dialogs(), today=lambda: today))
        shown_after, all_after, longest = _time_dashboard(app, view)
        line(f"run {run + 1}: tiles and charts shown after", shown_after, 1.0)
        line(f"run {run + 1}: everything (attention, week) after", all_after)
        line(f"run {run + 1}: longest GUI-thread pause", longest)
        view.close()
        view.deleteLater()
        app.processEvents()


def _time_dashboard(app: Any, view: Any) -> tuple[float, float, float]:
    """Seconds from show() to ``figures_shown`` and to ``loaded``, and the longest gap between
    10 ms timer ticks (how long the window could not answer)."""
    view.resize(1366, 768)
    ticks: list[float] = []
    done: list[float] = []
    tiles: list[float] = []
    view.figures_shown.connect(lambda: tiles.append(clock.elapsed()))
    clock = QElapsedTimer()
    beat = QTimer()
    beat.setInterval(10)
    beat.timeout.connect(lambda: ticks.append(clock.elapsed()))
    view.loaded.connect(lambda: done.append(clock.elapsed()))
    clock.start()
    beat.start()
    view.show()
    while not done and clock.elapsed() < 60_000:
        app.processEvents()
        time.sleep(0.002)
    beat.stop()
    gaps = [b - a for a, b in zip([0.0, *ticks], ticks, strict=False)]
    first = tiles[0] if tiles else 60_000.0
    return first / 1000, (done[0] if done else 60_000.0) / 1000, max(gaps, default=0.0) / 1000


def main(argv: list[str]) -> None:
    if argv[:1] == ["--data-dir"]:
        paths = resolve(argv[1]).ensure()
        ctx = open_program(paths, actor="bench")
        run_all(ctx, paths, dt.date.today())
        return
    n = int(argv[0]) if argv else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        paths = DataPaths(Path(tmp) / "data").ensure()
        ctx = open_program(paths, actor="bench")
        summary = generate_demo(ctx, TODAY, mentees=n, seed=1)
        print(summary.line())
        run_all(ctx, paths, TODAY)


def run_all(ctx: ServiceContext, paths: DataPaths, today: dt.date) -> None:
    print(f"{mentee_counts(ctx).on_roster:,} mentees, as of {today.isoformat()}")
    program_measures(ctx, today)
    today_parts(ctx, today)
    dashboard(ctx, paths, today)
    ctx.db.dispose()


if __name__ == "__main__":
    main(sys.argv[1:])
