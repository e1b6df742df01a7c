"""settings.json shared by several modules: owner-only, atomic, a damaged file kept aside."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from bridgedesk.services.program_file import backup_settings, connection_settings, settings_file
from bridgedesk.services.program_file.backup_settings import BackupSettings
from bridgedesk.storage.rotation import RotationPolicy

URL = "postgresql+psycopg://ward:s3cret@db.hospital.example:5432/bridgedesk"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_update_keeps_other_keys_and_removes_none(data_paths):
    settings_file.update(data_paths, a=1, b="ሰላም ተስፋዬ")
    settings_file.update(data_paths, a=None, c=[1, 2])
    assert settings_file.read(data_paths) == {"b": "ሰላም ተስፋዬ", "c": [1, 2]}


def test_url_saved_after_damaged_file_keeps_it_aside_and_backup_keys_survive(data_paths):
    data_paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    data_paths.settings_file.write_text('{"second_backup_folder": "/mnt/usb", ', "utf-8")

    connection_settings.save_url(data_paths, URL)

    aside = list(data_paths.settings_file.parent.glob("settings.json.unreadable-*"))
    assert len(aside) == 1
    assert aside[0].read_text("utf-8") == '{"second_backup_folder": "/mnt/usb", '
    chosen = BackupSettings(Path("/mnt/usb"), RotationPolicy(daily=9, weekly=3, monthly=2))
    backup_settings.save(data_paths, chosen)
    assert connection_settings.saved_url(data_paths) == URL
    assert backup_settings.load(data_paths) == chosen
    stored = json.loads(data_paths.settings_file.read_text("utf-8"))
    assert set(stored) == {"database_url", "second_backup_folder", "rotation"}


def test_two_damaged_saves_keep_both_damaged_files(data_paths):
    data_paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    for text in ("[1, 2]", "not json"):
        data_paths.settings_file.write_text(text, "utf-8")
        settings_file.update(data_paths, x=1)
    kept = sorted(
        p.read_text("utf-8") for p in data_paths.settings_file.parent.glob("*.unreadable-*")
    )
    assert kept == ["[1, 2]", "not json"]


def test_damaged_file_is_read_as_empty_and_left_in_place(data_paths):
    data_paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    data_paths.settings_file.write_text("{broken", "utf-8")
    assert settings_file.read(data_paths) == {}
    assert connection_settings.saved_url(data_paths) is None
    assert data_paths.settings_file.read_text("utf-8") == "{broken"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes only")
def test_file_is_owner_only_from_the_moment_it_exists(data_paths, monkeypatch):
    """Every file the save creates is 0600 when created, even under a permissive umask."""
    seen: list[tuple[str, int]] = []
    real_open = os.open

    def watching_open(path, flags, mode=0o777, *args, **kwargs):
        fd = real_open(path, flags, mode, *args, **kwargs)
        if flags & os.O_CREAT:
            seen.append((str(path), stat.S_IMODE(os.fstat(fd).st_mode)))
        return fd

    old_umask = os.umask(0o000)
    try:
        monkeypatch.setattr(settings_file.os, "open", watching_open)
        connection_settings.save_url(data_paths, URL)
    finally:
        os.umask(old_umask)
    assert seen and all(mode == 0o600 for _, mode in seen), seen
    assert _mode(data_paths.settings_file) == 0o600
    assert not list(data_paths.settings_file.parent.glob("*.partial"))


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes only")
def test_leftover_partial_with_loose_mode_is_not_reused(data_paths):
    data_paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    leftover = data_paths.settings_file.with_name(f"settings.json.{os.getpid()}.partial")
    leftover.write_text("old", "utf-8")
    leftover.chmod(0o644)
    backup_settings.save(data_paths, BackupSettings())
    assert not leftover.exists()
    assert _mode(data_paths.settings_file) == 0o600
