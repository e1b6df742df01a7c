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
from bridgedesk.services.demo import generate_demo
from bridgedesk.services.metrics import compute_program_metrics

TODAY = dt.date(2025, 6, 1)


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_program(DataPaths(Path(tmp) / "data").ensure(), actor="bench")
        summary = generate_demo(ctx, TODAY, mentees=n, seed=1)
        print(summary.line())
        print(f"demo, {n} mentees: {summary.seconds:.2f} s (target < 30 s)")
        timings = []
        for _ in range(3):
            began = time.perf_counter()
            metrics = compute_program_metrics(ctx, dt.date(2024, 6, 1), dt.date(2025, 5, 31), TODAY)
            timings.append(time.perf_counter() - began)
        print(f"metrics, {n} mentees: best {min(timings):.3f} s of 3 (target <= 0.5 s)")
        print(
            f"  in program: {metrics.roster.in_program.value}, check-ins due: {metrics.checkins.due.value}"
        )
        ctx.db.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
