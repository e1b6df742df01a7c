"""Every command, against every fault of the data folder, ends in one plain sentence.

Each command runs as a real process against (a) a read-only data folder (a tmpfs remounted
read-only), (b) a full disk (a tmpfs of 4 MB filled to the last byte) and (c) a locked
database (another process holding ``BEGIN IMMEDIATE`` on the program file). For every case:
the exit code is the one expected (non-zero, or 0 where the command only reads), stderr is
exactly one line starting with "bridgedesk: " (empty on success), nothing anywhere says
"Traceback", and the seeded mentee's name is in no output and not in the log.

Each case has its own tmpfs and its own copy of the program, and the nine commands of a
fault run side by side: the two that write wait out SQLite's busy timeout (10 s) together.
"""

from __future__ import annotations

import shutil
import uuid
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import text

from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import safety
from bridgedesk.storage import db_errors
from tests.postgres_server import database_url
from tests.safety.cli_runs import (
    MARKER,
    MARKER_PART,
    fill,
    log_text,
    make_read_only,
    roster_file,
    seed_program,
    start_cli,
    tmpfs,
    write_locked,
)

COMMANDS = (
    "check",
    "backup",
    "backup --list",
    "restore FILE",
    "import roster FILE",
    "export roster FILE",
    "report program --out F",
    "demo",
    "migrate-to URL",
)
# Commands that only read the program file may succeed; every other case must fail plainly.
SUCCEEDS = {
    "read_only": set(),  # BridgeDesk needs to write its data folder (log, lock, markers)
    "full_disk": {"check", "backup --list", "migrate-to URL"},
    "locked": {
        "check",
        "backup",
        "backup --list",
        "export roster FILE",
        "report program --out F",
        "migrate-to URL",
    },
}
# Words the one sentence must hold when the case fails.
SAYS = {
    "read_only": ("read-only",),
    "full_disk": ("full", "not enough room"),
    "locked": (db_errors.LOCKED, "still open in another program"),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A data folder with the marked mentee and one backup of it (the file to restore)."""
    root = tmp_path_factory.mktemp("template") / "data"
    paths = seed_program(root)
    safety.backup_now(paths)
    return root


def _arguments(name: str, sandbox: Path, server: str) -> list[str]:
    data = DataPaths(sandbox / "data")
    out = sandbox / "out"
    backup_file = next(data.backups.glob("*.db"))
    return {
        "check": ["check"],
        "backup": ["backup"],
        "backup --list": ["backup", "--list"],
        "restore FILE": ["restore", str(backup_file)],
        "import roster FILE": ["import", "roster", str(sandbox / "roster.csv")],
        "export roster FILE": ["export", "roster", str(out / "roster.csv")],
        "report program --out F": ["report", "program", "--out", str(out / "program.pdf")],
        "demo": ["demo", "--force", "--mentees", "2"],
        "migrate-to URL": ["migrate-to", server],
    }[name]


def _prepare(sandbox: Path, template: Path) -> None:
    shutil.copytree(template, sandbox / "data")
    roster_file(sandbox)
    (sandbox / "out").mkdir()


def _problems(fault: str, name: str, sandbox: Path, code: int, out: str, err: str) -> list[str]:
    """What is wrong with one case's outcome; empty when it is as promised."""
    found = []
    lines = err.splitlines()
    if name in SUCCEEDS[fault]:
        if code != 0 or err:
            found.append(f"expected success, got exit {code}, stderr {err!r}")
    else:
        if code == 0:
            found.append(f"expected a failure, got exit 0 and stdout {out!r}")
        if len(lines) != 1 or not lines[0].startswith("bridgedesk: "):
            found.append(f"stderr is not one 'bridgedesk: ' line: {err!r}")
        elif not any(words in lines[0] for words in SAYS[fault]):
            found.append(f"the sentence does not say {SAYS[fault]}: {lines[0]!r}")
    log = log_text(DataPaths(sandbox / "data"))
    for where, content in (("stdout", out), ("stderr", err), ("log", log)):
        if "Traceback" in content:
            found.append(f"a traceback in the {where}")
        if MARKER_PART in content:
            found.append(f"the mentee's name in the {where}")
    if "[SQL" in log or "[parameters" in log:
        found.append("SQL in the log")
    return [f"{fault} / {name}: {problem}" for problem in found]


@pytest.mark.parametrize("fault", ["read_only", "full_disk", "locked"])
def test_every_command_fails_in_one_plain_sentence(fault, template, tmp_path, postgres_admin):
    server_url, admin = postgres_admin
    target = f"faults_{uuid.uuid4().hex[:12]}"  # an empty database: migrate-to may copy into it
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{target}"'))
    sandboxes = {name: tmp_path / f"case{i}" for i, name in enumerate(COMMANDS)}
    try:
        with ExitStack() as mounted:
            for sandbox in sandboxes.values():
                mounted.enter_context(tmpfs(sandbox))
                _prepare(sandbox, template)
                if fault == "read_only":
                    make_read_only(sandbox)
                elif fault == "full_disk":
                    fill(sandbox)
            databases = [DataPaths(s / "data").database for s in sandboxes.values()]
            with write_locked(databases if fault == "locked" else []):
                running = {
                    name: start_cli(
                        "--data-dir",
                        str(sandbox / "data"),
                        *_arguments(name, sandbox, database_url(server_url, target)),
                    )
                    for name, sandbox in sandboxes.items()
                }
                results = {name: run.communicate(timeout=90) for name, run in running.items()}
            problems = []
            for name, (out, err) in results.items():
                code = running[name].returncode
                problems += _problems(fault, name, sandboxes[name], code, out, err)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)'))
    assert problems == []
    assert len(results) == len(COMMANDS) == 9
    assert MARKER not in "".join(out + err for out, err in results.values())


def test_the_faults_are_real(template, tmp_path):
    """The read-only mount refuses a write and the full disk has no room, even for root."""
    with tmpfs(tmp_path / "ro") as point:
        _prepare(point, template)
        make_read_only(point)
        with pytest.raises(OSError, match="Read-only file system"):
            (point / "data" / "probe").write_bytes(b"x")
    with tmpfs(tmp_path / "full") as point:
        _prepare(point, template)
        fill(point)
        with pytest.raises(OSError, match="No space left on device"):
            (point / "data" / "probe").write_bytes(b"x" * 4096)
