"""Only the folders BridgeDesk creates are made owner-only; folders that exist keep their mode.

A --data-dir, a ``backup --to`` folder or a second backup folder the user already has (a
shared 2775 folder, a 1777 one, a USB drive) is left exactly as it is; others may rely on
it. The log file and the instance lock file are owner-only (0600) from their first byte,
even under the usual umask of 022. Each command runs as a real process.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import backup_settings
from tests.safety.cli_runs import Run, seed_program

# ``bridgedesk ARGS`` in a child whose umask is 022, as a login shell's usually is.
UNDER_UMASK_022 = (
    "import os, sys\n"
    "os.umask(0o022)\n"
    "from bridgedesk.cli.main import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


def _run(*args: str) -> Run:
    """``bridgedesk ARGS`` as a real process under a umask of 022 (this process's is 077)."""
    done = subprocess.run(
        [sys.executable, "-c", UNDER_UMASK_022, *args], capture_output=True, text=True, timeout=60
    )
    return Run(done.returncode, done.stdout, done.stderr)


def _log(paths: DataPaths) -> Path:
    return paths.logs / "bridgedesk.log"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _existing_folder(path: Path, mode: int) -> Path:
    path.mkdir(parents=True)
    os.chmod(path, mode)
    assert _mode(path) == mode
    return path


@pytest.mark.parametrize("mode", [0o1777, 0o2775, 0o755])
def test_an_existing_data_folder_keeps_its_mode(tmp_path, mode):
    folder = _existing_folder(tmp_path / "shared", mode)
    run = _run("--data-dir", str(folder), "backup", "--list")
    assert (run.code, run.err) == (0, "")
    assert _mode(folder) == mode
    assert _mode(folder / "backups") == 0o700  # created by BridgeDesk: owner-only
    assert _mode(folder / "logs") == 0o700


def test_backup_to_an_existing_folder_keeps_its_mode(tmp_path):
    paths = seed_program(tmp_path / "data")
    target = _existing_folder(tmp_path / "usb", 0o1777)
    run = _run("--data-dir", str(paths.root), "backup", "--to", str(target))
    assert run.code == 0, run.err
    assert _mode(target) == 0o1777
    written = list(target.glob("*.db"))
    assert len(written) == 1 and _mode(written[0]) == 0o600


def test_the_second_backup_folder_keeps_its_mode(tmp_path):
    paths = seed_program(tmp_path / "data")
    second = _existing_folder(tmp_path / "share", 0o2775)
    backup_settings.save(paths, backup_settings.BackupSettings(second_backup_folder=second))
    run = _run("--data-dir", str(paths.root), "backup")
    assert run.code == 0, run.err
    assert "Second copy written and verified" in run.out
    assert _mode(second) == 0o2775
    copies = list(second.glob("*.db"))
    assert len(copies) == 1 and _mode(copies[0]) == 0o600


def test_folders_bridgedesk_creates_are_owner_only_at_every_level(tmp_path):
    root = tmp_path / "new" / "deeper" / "data"
    run = _run("--data-dir", str(root), "backup", "--list")
    assert run.code == 0, run.err
    for folder in (tmp_path / "new", tmp_path / "new" / "deeper", root, root / "backups"):
        assert _mode(folder) == 0o700, folder
    paths = seed_program(tmp_path / "program")
    target = tmp_path / "copies" / "june" / "copy.db"
    run = _run("--data-dir", str(paths.root), "backup", "--to", str(target))
    assert run.code == 0, run.err
    assert _mode(tmp_path / "copies") == _mode(tmp_path / "copies" / "june") == 0o700
    assert _mode(target) == 0o600


def test_the_log_is_created_owner_only(tmp_path):
    paths = seed_program(tmp_path / "data")
    assert not _log(paths).exists()
    run = _run("--data-dir", str(paths.root), "export", "roster", str(tmp_path / "roster.csv"))
    assert run.code == 0, run.err
    assert _mode(_log(paths)) == 0o600


def test_the_lock_file_is_created_owner_only(tmp_path):
    paths = seed_program(tmp_path / "data")
    assert not paths.lock_file.exists()
    # migrate-to holds the data folder's lock while it copies; port 1 has no server, so it
    # stops at the connection, after creating the lock file
    run = _run("--data-dir", str(paths.root), "migrate-to", "postgresql://nobody@127.0.0.1:1/x")
    assert run.code == 1
    assert run.err.startswith("bridgedesk: No database server is running at 127.0.0.1:1")
    assert _mode(paths.lock_file) == 0o600


def test_a_wider_log_left_by_an_older_version_is_narrowed(tmp_path):
    paths = DataPaths(tmp_path / "data")
    paths.logs.mkdir(parents=True)
    _log(paths).write_text("older lines\n", encoding="utf-8")
    os.chmod(_log(paths), 0o644)
    run = _run("--data-dir", str(paths.root), "check")
    assert run.code == 1  # no program yet: "check" says so on stdout
    assert _mode(_log(paths)) == 0o600
    assert _log(paths).read_text(encoding="utf-8").startswith("older lines\n")
