"""Time importing a 10,000-row roster CSV (goal: at most 2 s) and exporting it again.

The import plans every active mentee's schedule too: "from today" (the default) leaves out
what is past, "from the start date" writes every item (about 34 rows a mentee).

Run: ``.venv/bin/python benchmarks/bench_import.py``. Makes a throwaway data folder, writes a
CSV with names in many scripts, and prints the numbers. Not a pytest test.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths
from bridgedesk.services.importing.headers import EXPORT_HEADERS
from bridgedesk.services.importing.roster_import import import_roster
from bridgedesk.services.mentees.roster_export import export_roster
from bridgedesk.services.timeline.schedule import PlanFrom

ROWS = 10_000
GOAL_SECONDS = 2.0
RUNS = 3
NAMES = [
    ("ሰላም", "ተስፋዬ"),
    ("محمد", "عبد الله"),
    ("प्रिया", "शर्मा"),
    ("王", "小明"),
    ("Ольга", "Иванова"),
    ("Nguyễn Thị", "Ánh"),
    ("José", "Müller"),
    ("김", "민준"),
    ("สมชาย", "ใจดี"),
    ("Ελένη", "Παπαδοπούλου"),
    ("נועה", "כהן"),
    ("கவிதா", "ராமன்"),
]


def write_roster(path: Path) -> None:
    start = dt.date(2024, 1, 1)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(EXPORT_HEADERS)
        for i in range(ROWS):
            given, family = NAMES[i % len(NAMES)]
            row = {
                "Given names": given,
                "Family name": f"{family} {i}",
                "Native name": f"{given} {family}",
                "Country of training": "Ethiopia",
                "Graduation year": str(2000 + i % 20),
                "Role": "resident",
                "Site": f"Site {i % 5}",
                "Start date": (start + dt.timedelta(days=i % 700)).strftime("%m/%d/%Y"),
                "Email": f"p{i}@example.org",
                "Phone": "+1 555 0100",
                "Notes": "Arrived with family; =SUM(A1) & <b>",
            }
            writer.writerow([row.get(h, "") for h in EXPORT_HEADERS])


def one_run(
    root: Path, source: Path, number: int, plan_from: PlanFrom = PlanFrom.TODAY
) -> tuple[float, float, float, float]:
    """Dry run, import, CSV export and XLSX export times on a fresh data folder."""
    ctx = open_program(DataPaths(root / f"data{number}").ensure(), actor="bench")
    try:
        t0 = time.perf_counter()
        assert import_roster(ctx, source, dry_run=True).count == ROWS
        t1 = time.perf_counter()
        done = import_roster(ctx, source, create_sites=True, plan_from=plan_from)
        assert done.count == ROWS and done.planned is not None
        t2 = time.perf_counter()
        assert export_roster(ctx, root / "out.csv") == ROWS
        t3 = time.perf_counter()
        export_roster(ctx, root / "out.xlsx")
        t4 = time.perf_counter()
    finally:
        ctx.db.dispose()
    return t1 - t0, t2 - t1, t3 - t2, t4 - t3


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = root / "roster.csv"
        write_roster(source)
        runs = [one_run(root, source, n) for n in range(RUNS)]
        from_start = sorted(one_run(root, source, RUNS + n, PlanFrom.START)[1] for n in range(RUNS))
    dry, imp, csv_out, xlsx_out = (sorted(r[i] for r in runs) for i in range(4))
    mid = RUNS // 2
    print(f"{ROWS:,}-row CSV, {RUNS} runs on fresh databases (median / best):")
    print(f"  dry run (check only): {dry[mid]:.2f} / {dry[0]:.2f} s")
    print(f"  import:               {imp[mid]:.2f} / {imp[0]:.2f} s   (goal <= {GOAL_SECONDS} s)")
    print(f"  import, planned from the start date: {from_start[mid]:.2f} / {from_start[0]:.2f} s")
    print(f"  export CSV:           {csv_out[mid]:.2f} / {csv_out[0]:.2f} s")
    print(f"  export XLSX:          {xlsx_out[mid]:.2f} / {xlsx_out[0]:.2f} s")
    return 0 if imp[mid] <= GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
