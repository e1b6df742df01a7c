"""Backup settings: a second folder and rotation counts, saved into settings.json and used."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt

from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program_file import backup_settings
from bridgedesk.ui.screens.program_file.backup_settings_dialog import (
    NO_FOLDER,
    BackupSettingsDialog,
)
from bridgedesk.ui.screens.program_file.backups_dialog import BackupsDialog
from bridgedesk.ui.view_env import ViewEnv
from tests.ui.conftest import TODAY


@pytest.fixture
def sqlite_env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


def settings_dialog(qtbot, paths, folder=None) -> BackupSettingsDialog:
    dialog = BackupSettingsDialog(paths)
    dialog.choose_folder = lambda _parent, _title, _start: folder
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def stored(paths) -> dict:
    return json.loads(paths.settings_file.read_text(encoding="utf-8"))


def test_folder_and_counts_persist_and_other_keys_are_kept(qtbot, data_paths, tmp_path):
    data_paths.settings_file.write_text(
        json.dumps({"database_url": "postgresql://bridgedesk@db.example/program"}),
        encoding="utf-8",
    )
    usb = tmp_path / "USB drive" / "ሰላም backups"
    usb.mkdir(parents=True)
    dialog = settings_dialog(qtbot, data_paths, usb)
    assert dialog.folder_label.text() == NO_FOLDER
    assert [s.value() for s in dialog.spins.values()] == [7, 4, 12]  # the defaults
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_label.text() == str(usb)
    dialog.spins["daily"].setValue(10)
    dialog.spins["weekly"].setValue(6)
    dialog.spins["monthly"].setValue(24)
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    data = stored(data_paths)
    assert data["database_url"] == "postgresql://bridgedesk@db.example/program"
    assert data["second_backup_folder"] == str(usb)
    assert data["rotation"] == {"daily": 10, "weekly": 6, "monthly": 24}
    again = settings_dialog(qtbot, data_paths)
    assert again.folder_label.text() == str(usb)
    assert [s.value() for s in again.spins.values()] == [10, 6, 24]


def test_clearing_the_folder_stores_none(qtbot, data_paths, tmp_path):
    backup_settings.save(data_paths, backup_settings.BackupSettings(tmp_path))
    dialog = settings_dialog(qtbot, data_paths)
    assert dialog.clear_button.isEnabled()
    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_label.text() == NO_FOLDER and not dialog.clear_button.isEnabled()
    dialog.save()
    assert backup_settings.load(data_paths).second_backup_folder is None


def test_cancelled_folder_picker_changes_nothing(qtbot, data_paths):
    dialog = settings_dialog(qtbot, data_paths, None)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.folder is None and dialog.folder_label.text() == NO_FOLDER


def test_a_count_the_service_refuses_is_said_plainly_and_not_saved(qtbot, data_paths):
    dialog = settings_dialog(qtbot, data_paths)
    dialog.spins["daily"].setValue(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == "Keep at least one daily backup."
    assert dialog.isVisible() and dialog.result() == 0
    assert not data_paths.settings_file.exists()


def test_back_up_now_also_copies_into_the_second_folder(qtbot, sqlite_env, tmp_path):
    RosterService(sqlite_env.ctx, clock=lambda: TODAY).create(
        MenteeFields(given_names="Ánh", family_name="Nguyễn Thị", start_date=dt.date(2025, 7, 1))
    )
    usb = tmp_path / "usb"
    usb.mkdir()
    backups = BackupsDialog(sqlite_env, open_url=print)
    qtbot.addWidget(backups)
    backups.show()
    settings = backups.open_settings()
    settings.choose_folder = lambda _parent, _title, _start: usb
    qtbot.mouseClick(settings.choose_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    assert not backups.second_warning.isVisible()

    qtbot.mouseClick(backups.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: backups.model.rowCount() == 2 and not backups.busy, timeout=10_000)
    copies = list(usb.iterdir())
    assert len(copies) == 1 and copies[0].is_file()
    assert (sqlite_env.paths.backups / copies[0].name).is_file()
    locations = {backups.model.backup(r).location: backups.model.backup(r).path for r in range(2)}
    assert locations["second"] == copies[0]
    assert f"A second copy is in {usb}." in backups.status.text()


def test_an_unreachable_second_folder_shows_a_warning_line(qtbot, sqlite_env, tmp_path):
    gone = tmp_path / "unplugged drive"
    backup_settings.save(sqlite_env.paths, backup_settings.BackupSettings(gone))
    backups = BackupsDialog(sqlite_env, open_url=print)
    qtbot.addWidget(backups)
    backups.show()
    assert backups.second_warning.isVisible()
    assert str(gone) in backups.second_warning.text()
    assert "can't be reached" in backups.second_warning.text()
    gone.mkdir()
    backups.refresh()
    assert not backups.second_warning.isVisible()
