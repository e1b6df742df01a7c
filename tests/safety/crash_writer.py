"""Child process for the kill test: writes through the services and reports each commit.

Not a test module. It prints "edit N" after each committed single-record edit and
"import B" after each committed all-or-nothing batch of BATCH rows, flushing stdout so the
parent knows exactly what was reported as committed before it kills this process.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from sqlalchemy import insert, select

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths
from bridgedesk.services.history.audit import record_bulk
from bridgedesk.storage.models import Mentee

BATCH = 40


def main(data_dir: str, start: int) -> None:
    ctx = open_program(DataPaths(Path(data_dir)), actor="crash-test")
    n = start
    while True:
        n += 1
        with ctx.unit_of_work() as session:
            session.add(
                Mentee(given_names="Edit", family_name=f"E{n}", start_date=dt.date(2025, 1, 1))
            )
        print(f"edit {n}", flush=True)
        if n % 3 == 0:
            with ctx.unit_of_work() as session:
                rows = [
                    {
                        "given_names": "Batch",
                        "family_name": f"B{n}-{i}",
                        "start_date": dt.date(2025, 1, 1),
                        "native_name": "ሰላም",
                        "status": "active",
                        "role": "resident",
                    }
                    for i in range(BATCH)
                ]
                session.execute(insert(Mentee.__table__), rows)
                ids = session.scalars(
                    select(Mentee.id).where(Mentee.family_name.like(f"B{n}-%"))
                ).all()
                record_bulk(session, ctx.actor, "import", "mentee", [{"id": i} for i in ids])
            print(f"import {n}", flush=True)
        if n % 5 == 0:
            with ctx.unit_of_work() as session:
                m = session.scalars(select(Mentee).where(Mentee.family_name == f"E{n}")).one()
                m.notes = f"updated {n}"
            print(f"update {n}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
