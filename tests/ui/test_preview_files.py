"""A report preview (personal data) does not outlive BridgeDesk, not even after a crash."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtWidgets import QApplication

from bridgedesk.ui.screens.reports import preview_files
from bridgedesk.ui.screens.reports.reports_view import ReportsView


def test_the_preview_folder_goes_when_bridgedesk_quits(qtbot, env):
    view = ReportsView(env)
    qtbot.addWidget(view)
    folder = view._folder.name  # noqa: SLF001 - the folder under test
    assert os.path.isdir(folder) and f"-{os.getpid()}-" in folder
    assert os.stat(folder).st_mode & 0o077 == 0  # private
    QApplication.instance().aboutToQuit.emit()
    assert not os.path.exists(folder)


def test_folders_of_a_crashed_bridgedesk_go_at_the_next_start(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead = tmp_path / f"{preview_files.PREFIX}{gone.stdout.strip()}-abc"
    (dead / "program-1.pdf").parent.mkdir()
    (dead / "program-1.pdf").write_bytes(b"%PDF-1.4 personal data")
    mine = tmp_path / f"{preview_files.PREFIX}{os.getpid()}-def"
    mine.mkdir()
    unrelated = tmp_path / "someone-else"
    unrelated.mkdir()
    assert preview_files.remove_stale(tmp_path) == [dead]
    assert not dead.exists() and mine.exists() and unrelated.exists()
