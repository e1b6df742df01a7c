"""Time the demo generator and the program metrics on a large program (default 10,000 mentees).

Run: .venv/bin/python benchmarks/bench_demo_and_metrics.py [N]
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths
from bridgedesk.services.checklists.summary import refresh as refresh_checklist_summary
from bridgedesk.services.demo import generate_demo
from bridgedesk.services.mentees.roster_rows import roster_rows
from bridgedesk.services.metrics import compute_program_metrics
from bridgedesk.services.metrics.checklists import checklist_metrics, checklist_metrics_exact
from bridgedesk.services.metrics.measure import Period

TODAY = dt.date(2025, 6, 1)


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_program(DataPaths(Path(tmp) / "data").ensure(), actor="bench")
        summary = generate_demo(ctx, TODAY, mentees=n, seed=1)
        print(summary.line())
        print(f"demo, {n} mentees: {summary.seconds:.2f} s (target < 30 s)")
        for label, start, end in (
            ("last 12 months to today", TODAY - dt.timedelta(days=365), TODAY),
            ("a past year (exact checklist query)", dt.date(2024, 6, 1), dt.date(2025, 5, 31)),
        ):
            timings = []
            for _ in range(3):
                began = time.perf_counter()
                metrics = compute_program_metrics(ctx, start, end, TODAY)
                timings.append(time.perf_counter() - began)
            print(
                f"metrics, {n} mentees, {label}: best {min(timings):.3f} s of 3 (target <= 0.5 s)"
            )
        print(
            f"  in program: {metrics.roster.in_program.value}, check-ins due: {metrics.checkins.due.value}"
        )
        period = Period(dt.date(2024, 6, 1), TODAY, TODAY)
        with ctx.read() as session:
            print(
                f"  checklist metrics, summary: {_best(lambda: checklist_metrics(session, period)):.3f} s"
            )
            print(
                "  checklist metrics, exact query: "
                f"{_best(lambda: checklist_metrics_exact(session, period), 1):.3f} s"
            )
        print(
            f"roster rows, {n} mentees: {_best(lambda: roster_rows(ctx, TODAY)):.3f} s (target <= 0.5 s)"
        )

        def refresh_all() -> None:
            with ctx.unit_of_work() as session:
                refresh_checklist_summary(session)

        print(f"checklist summary refresh (all): {_best(refresh_all, 1):.2f} s")
        ctx.db.dispose()


def _best(run, times: int = 3) -> float:  # type: ignore[no-untyped-def]
    """The best wall time of ``times`` runs, in seconds."""
    timings = []
    for _ in range(times):
        began = time.perf_counter()
        run()
        timings.append(time.perf_counter() - began)
    return min(timings)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
