"""Time the roster model on synthetic rows: load, sort by a column, search, clear the search.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_roster_model.py [rows]``.
Prints the median of several runs in milliseconds.
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

from bridgedesk.services.roster_rows import RosterRow  # noqa: E402
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


if __name__ == "__main__":
    main()
