"""The Database dialog: saved choice shown, test off the GUI thread, save tells to restart."""

from __future__ import annotations

import threading

import pytest

from bridgedesk.errors import UserError
from bridgedesk.services.program_file import connection_settings
from bridgedesk.ui.screens.program_file.database_settings_dialog import (
    TESTING,
    DatabaseSettingsDialog,
)


@pytest.fixture(autouse=True)
def no_env_url(monkeypatch):
    monkeypatch.delenv(connection_settings.ENV_DATABASE_URL, raising=False)


def make(qtbot, data_paths, dialogs, tester=None) -> DatabaseSettingsDialog:
    kwargs = {"tester": tester} if tester else {}
    dialog = DatabaseSettingsDialog(data_paths, dialogs, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def fill(dialog, password="pw&<b>"):
    dialog.server_radio.setChecked(True)
    dialog.host.setText("db.hospital.example")
    dialog.port.setValue(5433)
    dialog.database.setText("bridgedesk")
    dialog.user.setText("ward")
    dialog.password.setText(password)


def test_starts_on_this_computer_with_server_fields_disabled(qtbot, data_paths, dialogs):
    dialog = make(qtbot, data_paths, dialogs)
    assert dialog.local_radio.isChecked()
    assert not dialog.server_box.isEnabled()
    assert dialog.windowTitle() == "Database"


def test_test_connection_runs_off_the_gui_thread_and_shows_the_sentence(qtbot, data_paths, dialogs):
    seen = {}

    def tester(url):
        seen["thread"] = threading.current_thread()
        seen["url"] = url
        return "Connected to PostgreSQL 15.4 at db.hospital.example:5433, database bridgedesk."

    dialog = make(qtbot, data_paths, dialogs, tester)
    fill(dialog)
    with qtbot.waitSignal(dialog.test_finished, timeout=10_000):
        dialog.test_button.click()
        assert dialog.result_label.text() == TESTING
        assert not dialog.test_button.isEnabled()
    assert seen["thread"] is not threading.main_thread()
    assert seen["url"].startswith("postgresql+psycopg://ward:")
    assert dialog.result_label.text().startswith("Connected to PostgreSQL 15.4")
    assert dialog.test_button.isEnabled()
    assert dialogs.messages == []


def test_a_failed_test_shows_the_plain_sentence(qtbot, data_paths, dialogs):
    def tester(url):
        raise UserError("The server refused user ward: the password is wrong.")

    dialog = make(qtbot, data_paths, dialogs, tester)
    fill(dialog)
    with qtbot.waitSignal(dialog.test_finished, timeout=10_000):
        dialog.test_button.click()
    assert dialog.result_label.text() == "The server refused user ward: the password is wrong."


def test_a_missing_field_is_named_before_testing(qtbot, data_paths, dialogs):
    dialog = make(qtbot, data_paths, dialogs, tester=lambda url: pytest.fail("not called"))
    fill(dialog)
    dialog.host.setText("  ")
    dialog.test_button.click()
    assert dialogs.messages == [("warn", "Enter the server's name or address.")]


def test_save_server_then_reopen_shows_it_and_save_local_forgets_it(qtbot, data_paths, dialogs):
    dialog = make(qtbot, data_paths, dialogs)
    fill(dialog, password="s3cret-ä")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialogs.kinds() == ["info"]
    assert "must restart" in dialogs.messages[0][1]
    assert "s3cret" not in dialogs.messages[0][1]
    saved = connection_settings.saved_url(data_paths)
    assert saved is not None and "db.hospital.example:5433/bridgedesk" in saved
    assert connection_settings.ServerFields.from_url(saved).password == "s3cret-ä"

    again = make(qtbot, data_paths, dialogs)
    assert again.server_radio.isChecked()
    assert (again.host.text(), again.port.value(), again.user.text()) == (
        "db.hospital.example",
        5433,
        "ward",
    )
    assert again.password.text() == "s3cret-ä"
    again.local_radio.setChecked(True)
    again.save()
    assert connection_settings.saved_url(data_paths) is None
    assert "file in the data folder" in dialogs.messages[-1][1]


def test_save_warns_when_the_environment_overrides(qtbot, data_paths, dialogs, monkeypatch):
    monkeypatch.setenv(connection_settings.ENV_DATABASE_URL, "postgresql://x@y/z")
    dialog = make(qtbot, data_paths, dialogs)
    fill(dialog)
    dialog.save()
    assert "wins over this choice" in dialogs.messages[-1][1]


def test_real_connection_test_against_the_throwaway_server(
    qtbot, data_paths, dialogs, postgres_admin
):
    server_url, _admin = postgres_admin
    parsed = connection_settings.parse_server_url(server_url)
    dialog = make(qtbot, data_paths, dialogs)  # the real test_connection
    dialog.server_radio.setChecked(True)
    dialog.host.setText(parsed.host)
    dialog.port.setValue(parsed.port)
    dialog.database.setText("bridgedesk_template")
    dialog.user.setText("postgres")
    with qtbot.waitSignal(dialog.test_finished, timeout=20_000):
        dialog.test_button.click()
    assert dialog.result_label.text().startswith("Connected to PostgreSQL ")
    assert (
        "database bridgedesk_template; its BridgeDesk schema is at revision"
        in dialog.result_label.text()
    )
