"""Committed changes survive SIGKILL at random moments; no import is ever half-written."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths
from bridgedesk.storage.backup import integrity_problems

pytestmark = pytest.mark.slow  # kills a real writer process 50 times (about 30 s)

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = int(os.environ.get("BRIDGEDESK_KILLS", "50"))
BATCH = 40


def _run_and_kill(data_dir: Path, start: int, delay: float) -> list[str]:
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(data_dir), str(start)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    lines: list[str] = []

    def reader() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.strip())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    # wait for the first commit so every kill lands in the middle of real writing
    deadline = time.monotonic() + 30
    while not lines and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    thread.join(timeout=10)
    return list(lines)


def test_committed_changes_survive_repeated_sigkill(tmp_path):
    data = tmp_path / "data"
    open_program(DataPaths(data)).db.dispose()
    rng = random.Random(20261124)
    reported_edits: set[int] = set()
    reported_imports: set[int] = set()
    reported_updates: set[int] = set()
    next_start = 0
    for _ in range(KILLS):
        lines = _run_and_kill(data, next_start, rng.uniform(0.0, 0.25))
        for line in lines:
            kind, number = line.split()
            {"edit": reported_edits, "import": reported_imports, "update": reported_updates}[
                kind
            ].add(int(number))
        next_start += 10_000  # each run writes its own range of names

        db = data / "bridgedesk.db"
        assert integrity_problems(db) == []
        conn = sqlite3.connect(db)
        try:
            edits = {
                int(r[0][1:])
                for r in conn.execute("SELECT family_name FROM mentees WHERE given_names='Edit'")
            }
            batches: dict[int, int] = {}
            for (name,) in conn.execute(
                "SELECT family_name FROM mentees WHERE given_names='Batch'"
            ):
                batch = int(name[1:].split("-")[0])
                batches[batch] = batches.get(batch, 0) + 1
            updated = {
                int(r[0].split()[1])
                for r in conn.execute("SELECT notes FROM mentees WHERE notes LIKE 'updated %'")
            }
        finally:
            conn.close()
        assert reported_edits <= edits, "a reported edit was lost"
        assert reported_imports <= set(batches), "a reported import was lost"
        assert all(count == BATCH for count in batches.values()), "an import was half-written"
        assert reported_updates <= updated, "a reported update was lost"
    assert len(reported_edits) >= KILLS  # every run committed something before its kill
    print(
        f"kills={KILLS} edits={len(reported_edits)} imports={len(reported_imports)} updates={len(reported_updates)}"
    )
