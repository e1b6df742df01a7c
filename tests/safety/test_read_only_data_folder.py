"""A read-only data folder gets one sentence, from the window and from every command.

The folder is a real read-only mount (a tmpfs remounted read-only): the suite runs as root,
whom permission bits would not stop. Every command is run against one in
test_every_command_fails_plainly.py; here the window, a data folder still to be created on a
read-only disk, and the check itself.
"""

from __future__ import annotations

import pytest

from bridgedesk.errors import UserError
from bridgedesk.paths import DataPaths
from tests.safety.cli_runs import make_read_only, run_cli, seed_program, tmpfs

SENTENCE = "BridgeDesk cannot write to its data folder {root}: it is read-only."


@pytest.fixture
def read_only_program(tmp_path):
    """A program on a tmpfs that is then remounted read-only; yields its DataPaths."""
    with tmpfs(tmp_path / "disk") as disk:
        paths = seed_program(disk / "data")
        paths.ensure()
        make_read_only(disk)
        yield paths


def test_the_window_says_the_data_folder_is_read_only(read_only_program):
    """Unattended (as the smoke test runs it): the sentence on stderr and exit 1."""
    paths = read_only_program
    env = {"QT_QPA_PLATFORM": "offscreen", "BRIDGEDESK_EXIT_WHEN_READY": "1"}
    run = run_cli("--data-dir", str(paths.root), env=env)
    assert run.code == 1
    assert run.err.startswith("bridgedesk: " + SENTENCE.format(root=paths.root))
    assert len(run.err.splitlines()) == 1 and "Traceback" not in run.err


def test_the_window_shows_the_sentence_in_a_dialog(qtbot, read_only_program):
    """Started from the menu there is no terminal: the same sentence comes as a dialog."""
    import argparse

    from bridgedesk.ui import app
    from tests.ui.conftest import RecordingDialogs

    dialogs = RecordingDialogs()
    code = app.run(argparse.Namespace(data_dir=str(read_only_program.root)), dialogs)
    assert code == 1
    ((kind, text),) = dialogs.messages
    assert kind == "error" and text.startswith(SENTENCE.format(root=read_only_program.root))


def test_a_data_folder_to_create_on_a_read_only_disk_is_one_sentence(tmp_path):
    with tmpfs(tmp_path / "disk") as disk:
        make_read_only(disk)
        root = disk / "not-yet" / "data"
        run = run_cli("--data-dir", str(root), "backup", "--list")
    assert run.code == 1
    assert run.err.startswith("bridgedesk: " + SENTENCE.format(root=root))
    assert len(run.err.splitlines()) == 1


def test_ensure_refuses_a_read_only_folder_whose_subfolders_exist(read_only_program):
    """Nothing is left to create, so only asking the file system tells it is read-only."""
    with pytest.raises(UserError) as caught:
        DataPaths(read_only_program.root).ensure()
    assert str(caught.value).startswith(SENTENCE.format(root=read_only_program.root))
