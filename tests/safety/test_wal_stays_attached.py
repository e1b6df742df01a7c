"""Another BridgeDesk process closing the file never detaches the window's write-ahead log.

Seen before the fix: after File > Backups > Back up now, a ``bridgedesk report`` (or
``backup``) run beside the window deleted the window's -wal and -shm files as it closed, and
every later save of the window went into a deleted log that no other program could read.
The cause: the backup read the live file's header with a plain open()/close(), which drops
all of the window process's POSIX locks on the file, SQLite's shared lock included.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "src"), env.get("PYTHONPATH", "")])
    return env


class Window:
    def __init__(self, data: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.safety.window_like_holder", str(data)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_env(), cwd=ROOT,
        )  # fmt: skip
        self.wait()

    def wait(self) -> None:
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "ok"

    def do(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        self.wait()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.do_quit()

    def do_quit(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("quit\n")
        self.proc.stdin.flush()
        self.proc.wait(timeout=30)


def _names(database: Path) -> list[str]:
    conn = sqlite3.connect(database)
    try:
        return [row[0] for row in conn.execute("SELECT given_names FROM mentees ORDER BY id")]
    finally:
        conn.close()


@pytest.mark.parametrize("command", [["report", "program", "--out", "r.pdf"], ["backup"]])
def test_a_command_beside_the_window_leaves_its_log_attached(tmp_path, command):
    data = tmp_path / "data"
    window = Window(data)
    try:
        window.do("add Selam Tesfaye")
        window.do("backup")  # as File > Backups > Back up now, with the file open
        wal = data / "bridgedesk.db-wal"
        inode = wal.stat().st_ino
        run = subprocess.run(
            [sys.executable, "-m", "bridgedesk", "--data-dir", str(data), *command],
            capture_output=True, text=True, env=_env(), cwd=tmp_path, timeout=120,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
        assert wal.exists() and wal.stat().st_ino == inode  # the same log, not a new one
        window.do("add Ánh Nguyễn")
        assert _names(data / "bridgedesk.db") == ["Selam", "Ánh"]  # another reader sees it
    finally:
        window.close()
