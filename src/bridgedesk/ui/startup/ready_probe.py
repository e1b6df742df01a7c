"""Start-up probe for benchmarks: with ``BRIDGEDESK_EXIT_WHEN_READY=1`` the app reports when its
first view is on screen and filled, then quits.

Why a probe inside the app: only the process itself knows when the first view's data has
arrived (views that load off the GUI thread emit ``loaded``). The benchmark
(benchmarks/bench_startup.py) runs the whole process and reads one line from stdout::

    ready <seconds since process start> shown <seconds> max_gap_ms <longest GUI stall>
    [figures_s <seconds from shown to the Dashboard's tiles>]

``max_gap_ms`` is the longest gap between 20 ms heartbeat ticks from the moment the window was
shown until ready: how long the GUI thread was busy at a stretch while the data loaded.
Without the environment variable :func:`install` does nothing.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

ENV_VAR = "BRIDGEDESK_EXIT_WHEN_READY"
TICK_MS = 20


def process_age() -> float:
    """Seconds since this process started (from /proc on Linux; since import elsewhere)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of stat(5): starttime, in clock ticks after boot
        with open("/proc/uptime", encoding="ascii") as uptime:
            up = float(uptime.read().split()[0])
        return up - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _IMPORTED


_IMPORTED = time.perf_counter()


def is_loading(view: QWidget | None) -> bool:
    """A view still waiting for its data says so with a true ``loading`` attribute."""
    return bool(getattr(view, "loading", False))


class ReadyProbe(QObject):
    """Watches one window: heartbeat while loading, one line on stdout, then quit."""

    def __init__(self, window: QMainWindow, current_view) -> None:  # noqa: ANN001
        super().__init__(window)
        self.window = window
        self.current_view = current_view  # callable: the view the window shows now
        self.shown_at = process_age()
        self.max_gap = 0.0
        self._last_tick = time.perf_counter()
        self._done = False
        self.figures_at: float | None = None  # the Dashboard's tiles on screen
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(TICK_MS)
        self.heartbeat.timeout.connect(self._tick)
        self.heartbeat.start()
        QTimer.singleShot(0, self._check)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_gap = max(self.max_gap, now - self._last_tick)
        self._last_tick = now

    def _check(self) -> None:
        view = self.current_view()
        if hasattr(view, "figures_shown"):
            view.figures_shown.connect(self._figures)
        if is_loading(view):
            view.loaded.connect(self._ready)
        else:
            self._ready()

    def _figures(self) -> None:
        if self.figures_at is None:
            self.figures_at = process_age()

    def _ready(self) -> None:
        if self._done:
            return
        self._done = True
        self._tick()
        self.window.repaint()  # the filled view is painted before we call it ready
        print(
            f"ready {process_age():.3f} shown {self.shown_at:.3f} "
            f"max_gap_ms {self.max_gap * 1000:.0f}"
            + (
                ""
                if self.figures_at is None
                else f" figures_s {self.figures_at - self.shown_at:.3f}"
            ),
            flush=True,
        )
        self.heartbeat.stop()
        QTimer.singleShot(0, self._quit)

    def _quit(self) -> None:
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()


def install(window: QMainWindow) -> ReadyProbe | None:
    """Call right after ``window.show()``; a no-op unless the environment variable is 1."""
    if os.environ.get(ENV_VAR) != "1":
        return None
    stack = getattr(window, "stack", None)
    pages = getattr(window, "pages", None)

    def current_view() -> QWidget | None:
        if pages is not None and stack is not None and pages.currentWidget() is not stack.parent():
            return pages.currentWidget()  # the welcome page
        return stack.currentWidget() if stack is not None else None

    sys.stdout.flush()
    return ReadyProbe(window, current_view)
