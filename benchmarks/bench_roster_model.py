"""Time the roster: the model alone on synthetic rows, or the whole Mentees view on a real program.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_roster_model.py [rows]`` for
the model on synthetic rows, or ``... bench_roster_model.py --data-dir D`` for the Mentees view
on the program in D (what a user waits for: the model's work plus the table repainting).
Prints the median (and worst) of several runs in milliseconds.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from bridgedesk.services.mentees.roster_rows import RosterRow  # noqa: E402
from bridgedesk.ui.models.roster_model import (  # noqa: E402
    NAME,
    NEXT_CHECKIN,
    PROGRESS,
    RosterFilter,
    RosterTableModel,
)

NATIVE = ["ሰላም ተስፋዬ", "محمد عبد الله", "प्रिया शर्मा", "王小明", "Ольга Иванова", ""]


def synthetic_rows(count: int) -> list[RosterRow]:
    start = dt.date(2026, 1, 1)
    return [
        RosterRow(
            id=i,
            legal_name=f"Given{i % 997} Family{i}",
            native_name=NATIVE[i % len(NATIVE)],
            preferred_name="",
            country="Country",
            specialty=f"Specialty {i % 12}",
            site=f"Site {i % 4}",
            phase=f"Phase {i % 5}",
            status=("active", "completed", "left")[i % 3],
            primary_mentor=f"Mentor {i % 40}",
            primary_mentor_id=i % 40,
            next_checkin=start + dt.timedelta(days=i % 400) if i % 7 else None,
            nearest_deadline=None,
            nearest_deadline_kind="",
            checklist_progress=(i % 101) / 100 if i % 5 else None,
            overdue_count=i % 4,
        )
        for i in range(count)
    ]


def timed(action) -> float:
    runs = []
    for _ in range(5):
        began = time.perf_counter()
        action()
        runs.append((time.perf_counter() - began) * 1000)
    return statistics.median(runs)


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--data-dir":
        view_main(sys.argv[2])
        return
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    _app = QGuiApplication(sys.argv)
    rows = synthetic_rows(count)
    model = RosterTableModel()
    print(f"{count:,} rows")
    print(f"load (keys + filter + sort): {timed(lambda: model.set_rows(rows)):7.1f} ms")
    print(
        f"sort by name:                {timed(lambda: model.sort(NAME, Qt.SortOrder.DescendingOrder)):7.1f} ms"
    )
    print(f"sort by next check-in:       {timed(lambda: model.sort(NEXT_CHECKIN)):7.1f} ms")
    print(f"sort by progress:            {timed(lambda: model.sort(PROGRESS)):7.1f} ms")
    print(
        f"search 'ሰላም' + Active:      {timed(lambda: model.set_filter(RosterFilter(text='ሰላም', status='active'))):7.1f} ms"
    )
    print(
        f"search 'family12':           {timed(lambda: model.set_filter(RosterFilter(text='family12'))):7.1f} ms"
    )
    print(f"clear filter:                {timed(lambda: model.set_filter(RosterFilter())):7.1f} ms")


def view_main(data_dir: str) -> None:
    """The Mentees view on a real program: sort every column, search, filter; then peak memory."""
    import resource
    from pathlib import Path

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from bridgedesk.bootstrap import open_program
    from bridgedesk.paths import DataPaths
    from bridgedesk.services.mentees.roster_rows import roster_rows
    from bridgedesk.ui.dialogs import Dialogs
    from bridgedesk.ui.models.roster_model import COLUMN_COUNT, HEADERS
    from bridgedesk.ui.screens.mentees.roster_view import RosterView
    from bridgedesk.ui.view_env import ViewEnv

    app = QApplication.instance() or QApplication(sys.argv[:1])
    paths = DataPaths(Path(data_dir))
    ctx = open_program(paths)
    today = dt.date.today()
    began = time.perf_counter()
    rows = roster_rows(ctx, today)
    print(f"{len(rows):,} mentees in {data_dir}")
    print(f"  roster_rows() query:                  {(time.perf_counter() - began) * 1000:7.1f} ms")
    began = time.perf_counter()
    view = RosterView(ViewEnv(ctx, paths, Dialogs()))
    view.resize(1366, 768)
    view.show()
    if getattr(view, "loading", False):
        loop = QEventLoop()
        view.loaded.connect(loop.quit)
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
    app.processEvents()
    print(f"  view built, loaded and painted:       {(time.perf_counter() - began) * 1000:7.1f} ms")

    def op(action) -> tuple[float, float]:  # noqa: ANN001
        runs = []
        for _ in range(5):
            began = time.perf_counter()
            action()
            app.processEvents()  # the table repaints: part of what the user waits for
            runs.append((time.perf_counter() - began) * 1000)
        return statistics.median(runs), max(runs)

    results: list[tuple[str, tuple[float, float]]] = []
    for column in range(COLUMN_COUNT):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            arrow = "↑" if order == Qt.SortOrder.AscendingOrder else "↓"
            results.append(
                (
                    f"sort {HEADERS[column]} {arrow}",
                    op(lambda c=column, o=order: view.table.sortByColumn(c, o)),
                )
            )
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    middle = rows[len(rows) // 2]
    latin = middle.legal_name.split()[-1][:4]
    native = next(
        (r.native_name.split()[0] for r in rows if r.native_name and not r.native_name.isascii()),
        "王",
    )

    def search(text: str):  # noqa: ANN202
        return lambda: (view.search.setText(text), view.search.setText(""))[0]

    results.append((f"search Latin '{latin}' (+clear)", op(search(latin))))
    results.append((f"search native '{native}' (+clear)", op(search(native))))
    for name, combo in (("phase", view.phase), ("site", view.site), ("mentor", view.mentor)):
        results.append(
            (
                f"filter by {name} (+clear)",
                op(lambda c=combo: (c.setCurrentIndex(1), c.setCurrentIndex(0))),
            )
        )
    results.append(("show all statuses", op(lambda: view.status.select(None))))
    worst = 0.0
    for label_, (median, top) in results:
        worst = max(worst, top)
        print(f"  {label_:<40} median {median:6.1f} ms  worst {top:6.1f} ms")
    print(f"  slowest roster operation: {worst:.1f} ms (target <= 100 ms)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak resident memory: {peak:.0f} MB (target <= 300 MB)")
    ctx.db.dispose()


if __name__ == "__main__":
    main()
