"""Every command logs to its data folder the same way, and a closed pipe ends quietly.

``check``, ``backup`` and ``restore`` used to run without a log, so the log the error
message promised was empty. A reader that stops early (``bridgedesk backup --list |
head -1``) used to leave a BrokenPipeError traceback; now the command exits with 141
(128 + SIGPIPE, what a shell reports for a program ended by a broken pipe) and says nothing.
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys

import pytest

from bridgedesk.cli.main import main
from bridgedesk.paths import DataPaths
from tests.safety.cli_runs import run_cli, seed_program

EVERY_COMMAND = {
    "check": ["check"],
    "backup": ["backup"],
    "backup --list": ["backup", "--list"],
    "restore": ["restore", "{tmp}/missing.db"],
    "import roster": ["import", "roster", "{tmp}/missing.csv"],
    "export roster": ["export", "roster", "{tmp}/roster.csv"],
    "report program": ["report", "program", "--out", "{tmp}/program.pdf"],
    "demo": ["demo", "--mentees", "1"],
    "migrate-to": ["migrate-to", "postgresql://nobody@127.0.0.1:1/program"],
}


@pytest.fixture
def restore_root_handlers():
    before = list(logging.getLogger().handlers)
    yield
    for handler in logging.getLogger().handlers:
        if handler not in before:
            logging.getLogger().removeHandler(handler)
            handler.close()


@pytest.mark.parametrize("command", EVERY_COMMAND)
def test_every_command_logs_to_its_own_data_folder(
    command, tmp_path, capsys, restore_root_handlers
):
    paths = DataPaths(tmp_path / "data")
    args = [word.format(tmp=tmp_path) for word in EVERY_COMMAND[command]]
    main(["--data-dir", str(paths.root), *args])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    log_file = paths.logs / "bridgedesk.log"
    assert log_file.is_file()
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    logging.getLogger("bridgedesk.tests").warning("after %s", command)
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert f"after {command}" in log_file.read_text(encoding="utf-8")


def test_check_backup_and_restore_note_their_failures_in_the_log(tmp_path):
    paths = DataPaths(tmp_path / "data")  # no program in it: backup and restore refuse
    for args in (["backup"], ["restore", str(tmp_path / "missing.db")]):
        run = run_cli("--data-dir", str(paths.root), *args)
        assert run.code == 1 and len(run.err.splitlines()) == 1
    log = (paths.logs / "bridgedesk.log").read_text(encoding="utf-8")
    assert "bridgedesk.errors.UserError in command backup" in log
    assert "bridgedesk.errors.UserError in command restore" in log
    assert str(tmp_path / "missing.db") not in log  # the sentence itself is not logged


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path):
    paths = seed_program(tmp_path / "data")
    for _ in range(3):
        assert run_cli("--data-dir", str(paths.root), "backup").code == 0
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before the first line: every write is refused
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bridgedesk", "--data-dir", str(paths.root), "backup", "--list"],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(writer)
    assert done.stderr == ""
    assert done.returncode == 141
