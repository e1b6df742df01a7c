"""A start killed while it upgrades the program file leaves a file that opens.

Before upgrades were all or nothing, 8 of 12 kills left a file at the old revision holding
some new tables: every later start failed ("table checklist_summaries already exists") and
added another full backup, while ``bridgedesk check`` said OK. Here a real process
upgrading a 500-mentee program from revision 0001 is killed at random moments, three times
in a row on the same folder, then started once more, until 20 kills have landed before
the upgrade was done.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths
from bridgedesk.services.demo import generate_demo
from bridgedesk.storage import migrate
from bridgedesk.storage.backup import integrity_problems, list_backups
from bridgedesk.storage.schema_check import schema_differences
from tests.safety.old_schema import as_written_at
from tests.unit.test_checklist_summary import recomputed, snapshot

pytestmark = pytest.mark.slow  # 20 kills of a real upgrading process (about a minute)

ROOT = Path(__file__).resolve().parents[2]
KILLS, KILLS_PER_ROUND, MAX_ATTEMPTS = 20, 3, 80
REASON = f"before-migration-to-{migrate.HEAD_REVISION}"


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "src"), env.get("PYTHONPATH", "")])
    return env


def _revision(database: Path) -> str:
    conn = sqlite3.connect(database)  # recovers the write-ahead log as the next start would
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def _start(data: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.safety.upgrade_once", str(data)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(), cwd=ROOT,
    )  # fmt: skip
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "start"
    return proc


@pytest.fixture(scope="module")
def old_program(tmp_path_factory) -> tuple[Path, int]:
    """A 500-mentee program at revision 0001 with ratings, and its mentee count."""
    paths = DataPaths(tmp_path_factory.mktemp("old") / "data").ensure()
    ctx = open_program(paths, actor="tester")
    generate_demo(ctx, dt.date(2026, 6, 30), mentees=500, seed=11)
    migrate.downgrade(ctx.db.engine, "0001")  # foreign keys off, as migrations run
    ctx.db.dispose()
    downgraded = paths.database.with_name("downgraded.db")
    paths.database.rename(downgraded)
    as_written_at(downgraded, "0001", paths.database)  # the old release's schema, word for word
    conn = sqlite3.connect(paths.database)
    count = conn.execute("SELECT count(*) FROM mentees").fetchone()[0]
    conn.close()
    return paths.database, count


def test_killed_upgrades_leave_a_file_that_opens_with_one_backup(tmp_path, old_program):
    source, mentees = old_program
    calibrate = DataPaths(tmp_path / "calibrate").ensure()
    shutil.copyfile(source, calibrate.database)
    proc = _start(calibrate.root)
    began = time.monotonic()  # from "start": the imports are done, the opening begins
    assert proc.wait(timeout=120) == 0
    duration = time.monotonic() - began
    rng = random.Random(20261203)
    landed = attempts = round_number = 0
    while landed < KILLS and attempts < MAX_ATTEMPTS:
        paths = DataPaths(tmp_path / f"round{round_number}").ensure()
        round_number += 1
        shutil.copyfile(source, paths.database)
        for _ in range(KILLS_PER_ROUND):
            attempts += 1
            proc = _start(paths.root)
            time.sleep(rng.uniform(0, 0.8 * duration))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
            if _revision(paths.database) == migrate.HEAD_REVISION:
                break  # the upgrade was done before the kill: on to the checks
            landed += 1  # killed mid-upgrade (or mid-backup): the file must still be whole
        final = _start(paths.root)
        out, err = final.communicate(timeout=120)
        assert final.returncode == 0, err
        assert out.strip() == "done"
        db = paths.database
        assert integrity_problems(db) == []
        conn = sqlite3.connect(db)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            migrate.HEAD_REVISION
        )
        assert conn.execute("SELECT count(*) FROM mentees").fetchone()[0] == mentees
        conn.close()
        assert schema_differences(db, migrate.HEAD_REVISION) == []
        assert migrate.interrupted_upgrade(db) is None  # the marker went with the success
        ctx = open_program(paths, actor="tester")
        try:
            assert snapshot(ctx) == recomputed(ctx) != []
        finally:
            ctx.db.dispose()
        taken = [b for b in list_backups(paths.backups) if b.reason == REASON]
        assert len(taken) == 1, [b.path.name for b in taken]  # not one more per failed start
    assert landed >= KILLS, f"{landed} kills landed mid-upgrade in {attempts} attempts"
