"""GUI start-up: a program that cannot be opened is explained in words; a good one opens a window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from bridgedesk.errors import DatabaseError
from bridgedesk.ui import app
from bridgedesk.ui.dialogs import Dialogs
from bridgedesk.ui.main_window import MainWindow


def test_open_failure_is_one_sentence_and_exit_code_1(qapp, tmp_path, monkeypatch):
    shown = []

    def refuse(paths, url=None):
        raise DatabaseError("The program file was written by a newer version of BridgeDesk.")

    monkeypatch.setattr(app, "open_program", refuse)
    monkeypatch.setattr(Dialogs, "error", lambda self, parent, text, title="": shown.append(text))
    args = argparse.Namespace(data_dir=str(tmp_path / "data"), database_url=None)
    assert app.run(args) == 1
    assert shown == ["The program file was written by a newer version of BridgeDesk."]


def test_run_opens_the_main_window_and_quits_cleanly(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own; undo after
    args = argparse.Namespace(data_dir=str(tmp_path / "data"), database_url=None)
    seen = []

    def look_and_quit():
        seen.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        for window in seen:
            window.close()  # the last window closing ends the event loop, as for a user

    QTimer.singleShot(0, look_and_quit)
    assert app.run(args) == 0
    assert seen and seen[0].on_welcome
    assert (tmp_path / "data" / "gui-settings.ini").exists()
    assert QApplication.applicationName() == "BridgeDesk"
    from bridgedesk.storage.backup import list_backups

    assert [b.reason for b in list_backups(tmp_path / "data" / "backups")] == ["at-exit"]


def test_second_instance_on_the_same_data_folder_is_refused(qapp, tmp_path, monkeypatch):
    from bridgedesk.paths import DataPaths
    from bridgedesk.services.program_file.instance_lock import InstanceLock

    shown = []
    monkeypatch.setattr(Dialogs, "error", lambda self, parent, text, title="": shown.append(text))
    paths = DataPaths(tmp_path / "data").ensure()
    with InstanceLock(paths.lock_file):  # the first BridgeDesk holds the folder
        args = argparse.Namespace(data_dir=str(paths.root), database_url=None)
        assert app.run(args) == 1
    assert len(shown) == 1
    assert "already open on this data folder" in shown[0]
    assert not paths.database.exists()  # the second one never touched the program file
