"""Helpers for the tests that run ``bridgedesk`` as a real process against a real fault.

A read-only folder and a full disk are real tmpfs mounts (the suite runs as root, whom
permission bits would not stop); a locked database is another process holding SQLite's
write lock (``BEGIN IMMEDIATE``). The program is seeded with a mentee whose name is a
marker no message or log line may ever contain.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import MenteeFields, RosterService

MARKER = "Zelalem Hostile-Marker-7731"
MARKER_PART = "Hostile-Marker-7731"  # also in the notes, the roster file and any SQL parameter


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> Run:
    """``python -m bridgedesk ARGS`` in a child process; its exit code, stdout and stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "bridgedesk", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )
    return Run(done.returncode, done.stdout, done.stderr)


def start_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bridgedesk", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def seed_program(root: Path) -> DataPaths:
    """A program in ``root`` holding one mentee named with the marker (name and notes)."""
    paths = DataPaths(root)
    ctx = open_program(paths, actor="tester")
    try:
        RosterService(ctx, clock=lambda: dt.date(2026, 1, 15)).create(
            MenteeFields(
                given_names="Zelalem",
                family_name="Hostile-Marker",
                native_name=MARKER,
                notes=f"Private note about {MARKER}.",
                start_date=dt.date(2025, 7, 1),
            )
        )
    finally:
        ctx.db.dispose()
    return paths


def roster_file(folder: Path) -> Path:
    """A roster of one more mentee carrying the marker, to import."""
    file = folder / "roster.csv"
    file.write_text(
        "given_names,family_name,native_name,start_date,notes\n"
        f"Abebe,Kebede,{MARKER} Two,2025-07-01,{MARKER}\n",
        encoding="utf-8",
    )
    return file


def mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True)


@contextmanager
def tmpfs(point: Path, size: str = "4m") -> Iterator[Path]:
    """A small tmpfs at ``point``, unmounted (lazily if still busy) however the test ends."""
    assert os.geteuid() == 0, "these tests mount a tmpfs and must run as root (CI does)"
    point.mkdir(parents=True, exist_ok=True)
    mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(point))
    try:
        yield point
    finally:
        if subprocess.run(["umount", str(point)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(point)], check=True)


def make_read_only(point: Path) -> None:
    mount("-o", "remount,ro", str(point))


def fill(folder: Path) -> Path:
    """Write a filler file until the disk says it is full."""
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as fh:
        for size in (65536, 4096, 512, 1):
            while True:
                try:
                    fh.write(b"\0" * size)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
                    break
    return filler


# Holds SQLite's write lock on every file named, says "ready", lets go when stdin closes.
LOCKER = """
import sqlite3, sys
held = []
for name in sys.argv[1:]:
    conn = sqlite3.connect(name, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    held.append(conn)
print("ready", flush=True)
sys.stdin.read()
"""


@contextmanager
def write_locked(databases: Sequence[Path]) -> Iterator[None]:
    """Another process holds ``BEGIN IMMEDIATE`` on each database while the block runs."""
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCKER, *map(str, databases)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def log_text(paths: DataPaths) -> str:
    """Everything in the data folder's logs (rotated ones too); empty when there is none."""
    if not paths.logs.is_dir():
        return ""
    return "".join(
        file.read_text(encoding="utf-8", errors="replace")
        for file in sorted(paths.logs.glob("bridgedesk.log*"))
    )
