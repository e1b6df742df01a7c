"""Time copying a 1,000-mentee program file into an empty PostgreSQL database (migrate-to).

Run: ``.venv/bin/python benchmarks/bench_program_copy.py``. Starts a throwaway PostgreSQL
server (as the tests do; Debian's ``postgresql`` package), makes a demo program of 1,000
mentees in a throwaway data folder, copies it, and prints the per-table checks and times.
Not a pytest test: it used to sit in the unit tests, where it cost 20-135 s of every run.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.postgres_server import database_url, running_server  # noqa: E402

from bridgedesk.bootstrap import open_program  # noqa: E402
from bridgedesk.paths import DataPaths  # noqa: E402
from bridgedesk.services.demo import generate_demo  # noqa: E402
from bridgedesk.storage.program_copy import copy_program  # noqa: E402

MENTEES = 1000
TODAY = dt.date(2026, 6, 30)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder, running_server() as server_url:
        ctx = open_program(DataPaths(Path(folder) / "data").ensure(), actor="bench")
        began = time.perf_counter()
        generate_demo(ctx, TODAY, mentees=MENTEES, seed=3)
        generated = time.perf_counter() - began
        ctx.db.dispose()
        admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text('CREATE DATABASE "bench_copy"'))
        began = time.perf_counter()
        report = copy_program(ctx.db.path, database_url(server_url, "bench_copy"))
        copied = time.perf_counter() - began
        admin.dispose()
        print(f"{MENTEES:,}-mentee demo generated in {generated:.1f} s")
        print(f"copied and verified in {copied:.1f} s")
        print("\n".join(report.lines()))
        return 0 if all(c.matches for c in report.checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
