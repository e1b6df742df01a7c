"""The server's password goes to the system's password store, never into settings.json.

Before: File > Database and ``migrate-to --use`` saved the URL with its password in clear
in settings.json. The store used here is a real ``keyring`` backend (the library's plug-in
interface) keeping its secrets in memory, standing in for the Secret Service or Credential
Manager this machine does not run; without it, keyring's own "no store" backend is used.
"""

from __future__ import annotations

import json

from bridgedesk.services.program_file import connection_settings, server_password

URL = "postgresql+psycopg://ánh:s3cret-ሰላም@db.example:5433/program"


def _settings_text(data_paths) -> str:
    return data_paths.settings_file.read_text(encoding="utf-8")


def test_the_password_goes_to_the_store_and_comes_back(data_paths, store):
    assert connection_settings.save_url(data_paths, URL) is None
    assert "s3cret" not in _settings_text(data_paths)
    saved = json.loads(_settings_text(data_paths))[connection_settings.KEY_DATABASE_URL]
    assert saved == "postgresql+psycopg://%C3%A1nh@db.example:5433/program"
    assert list(store.secrets.values()) == ["s3cret-ሰላም"]
    assert connection_settings.chosen_url(data_paths) == (
        "postgresql+psycopg://%C3%A1nh:s3cret-%E1%88%B0%E1%88%8B%E1%88%9D@db.example:5433/program"
    )


def test_without_a_store_nothing_keeps_the_password_and_the_user_is_told(data_paths, no_store):
    note = connection_settings.save_url(data_paths, URL)
    assert note == server_password.NO_STORE
    assert "s3cret" not in _settings_text(data_paths)
    assert connection_settings.chosen_url(data_paths) == (
        "postgresql+psycopg://%C3%A1nh@db.example:5433/program"
    )  # libpq then reads ~/.pgpass or PGPASSWORD itself


def test_a_password_an_older_version_saved_in_clear_moves_to_the_store(data_paths, store):
    data_paths.settings_file.write_text(
        json.dumps({connection_settings.KEY_DATABASE_URL: URL, "other": 1}), encoding="utf-8"
    )
    assert connection_settings.chosen_url(data_paths) == URL  # still opens this time
    text = _settings_text(data_paths)
    assert "s3cret" not in text and json.loads(text)["other"] == 1
    assert list(store.secrets.values()) == ["s3cret-ሰላም"]
    assert "s3cret" in (connection_settings.chosen_url(data_paths) or "")
