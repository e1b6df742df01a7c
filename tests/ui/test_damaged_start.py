"""A damaged program file at start-up: explained in words; restore, start empty or quit."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program_file import safety
from bridgedesk.services.program_file.startup_check import quarantine_if_damaged
from bridgedesk.ui import app
from bridgedesk.ui.dialogs import Dialogs
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.main_window import MainWindow
from bridgedesk.ui.startup.damaged_start_dialog import DamagedStartDialog, StartChoice


def _damaged_program(root, with_backup: bool = True) -> DataPaths:
    """A program with one mentee (and a verified backup), then damage in the middle of the file."""
    paths = DataPaths(root)
    ctx = open_program(paths)
    RosterService(ctx).create(
        MenteeFields(
            given_names="Selam",
            family_name="Tesfaye",
            native_name="ሰላም ተስፋዬ",
            start_date=dt.date(2025, 7, 1),
        )
    )
    ctx.db.dispose()
    if with_backup:
        safety.backup_now(paths)
    for extra in ("-wal", "-shm"):
        paths.database.with_name(paths.database.name + extra).unlink(missing_ok=True)
    raw = bytearray(paths.database.read_bytes())
    raw[4096:8192] = b"\xde\xad\xbe\xef" * 1024
    paths.database.write_bytes(bytes(raw))
    return paths


def test_dialog_explains_and_offers_the_dated_backup(qtbot, tmp_path):
    paths = _damaged_program(tmp_path / "data")
    damaged = quarantine_if_damaged(paths)
    assert damaged is not None
    dialog = DamagedStartDialog(damaged)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.explanation.text() == damaged.explanation
    assert "damaged" in dialog.explanation.text()
    today = format_date(dt.date.today())
    assert dialog.restore_button.isVisible()
    assert dialog.restore_button.text().startswith(f"Restore the newest good backup ({today}, ")
    assert dialog.restore_button.isDefault()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == StartChoice.RESTORE and dialog.result() == 1


def test_without_a_backup_only_empty_or_quit(qtbot, tmp_path):
    paths = _damaged_program(tmp_path / "data", with_backup=False)
    damaged = quarantine_if_damaged(paths)
    dialog = DamagedStartDialog(damaged)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.restore_button.isVisible()
    assert "No good backup" in dialog.explanation.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice == StartChoice.QUIT
    dialog.empty_button.click()
    assert dialog.choice == StartChoice.EMPTY


def _run_and_look(tmp_path, monkeypatch, choice: StartChoice, paths: DataPaths) -> tuple[int, list]:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    asked = []

    def answer(self, parent, damaged):
        asked.append(damaged)
        return choice

    monkeypatch.setattr(Dialogs, "ask_damaged_start", answer)
    seen = []

    def look_and_quit():
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible():
                seen.append(window.on_welcome)
                window.close()

    QTimer.singleShot(0, look_and_quit)
    code = app.run(argparse.Namespace(data_dir=str(paths.root), database_url=None))
    assert len(asked) == 1 and asked[0].newest_good_backup is not None
    return code, seen


@pytest.mark.parametrize(
    ("choice", "mentees", "welcome"),
    [(StartChoice.RESTORE, 1, False), (StartChoice.EMPTY, 0, True)],
)
def test_start_up_goes_on_as_chosen(qapp, tmp_path, monkeypatch, choice, mentees, welcome):
    paths = _damaged_program(tmp_path / "data")
    code, seen = _run_and_look(tmp_path, monkeypatch, choice, paths)
    assert code == 0 and seen == [welcome]
    assert len(list(paths.damaged.iterdir())) >= 1  # the damaged file is kept, moved aside
    ctx = open_program(paths)
    try:
        assert RosterService(ctx).count() == mentees
    finally:
        ctx.db.dispose()


def test_quit_leaves_no_new_program_file(qapp, tmp_path, monkeypatch):
    paths = _damaged_program(tmp_path / "data")
    code, seen = _run_and_look(tmp_path, monkeypatch, StartChoice.QUIT, paths)
    assert code == 0 and seen == []
    assert not paths.database.exists()
    assert any(paths.damaged.iterdir())
