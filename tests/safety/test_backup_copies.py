"""Backup settings in the shared settings.json, the second folder, the backup list with
mentee counts, the backup before an import, and database errors in plain words."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3

import pytest
from sqlalchemy import create_engine, text

from bridgedesk.cli.main import main
from bridgedesk.errors import ConflictError, DatabaseError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program_file import backup_settings, safety
from bridgedesk.services.program_file.backup_settings import BackupSettings
from bridgedesk.storage import db_errors
from bridgedesk.storage.backup import backup_path, list_backups
from bridgedesk.storage.database import Database
from bridgedesk.storage.rotation import RotationPolicy


def _add(ctx, native: str, family: str) -> int:
    return RosterService(ctx, clock=lambda: dt.date(2026, 1, 15)).create(
        MenteeFields(
            given_names="Given",
            family_name=family,
            native_name=native,
            start_date=dt.date(2025, 7, 1),
        )
    )


def test_settings_keep_other_keys_and_round_trip(data_paths, tmp_path):
    data_paths.settings_file.write_text(
        json.dumps({"database_url": "postgresql://h/db", "other": [1, 2]}), encoding="utf-8"
    )
    assert backup_settings.load(data_paths) == BackupSettings()
    chosen = BackupSettings(tmp_path / "usb ሰላም", RotationPolicy(daily=3, weekly=2, monthly=6))
    backup_settings.save(data_paths, chosen)
    assert backup_settings.load(data_paths) == chosen
    stored = json.loads(data_paths.settings_file.read_text(encoding="utf-8"))
    assert stored["database_url"] == "postgresql://h/db" and stored["other"] == [1, 2]
    with pytest.raises(ValidationError):
        backup_settings.save(data_paths, BackupSettings(None, RotationPolicy(daily=0)))
    backup_settings.save(data_paths, BackupSettings(None, RotationPolicy(daily=5)))
    assert backup_settings.load(data_paths).second_backup_folder is None


def test_unreadable_settings_file_is_kept_aside_not_lost(data_paths):
    data_paths.settings_file.write_text("{not json", encoding="utf-8")
    assert backup_settings.load(data_paths) == BackupSettings()
    backup_settings.save(data_paths, BackupSettings())
    kept = list(data_paths.root.glob("settings.json.unreadable-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{not json"


def test_rotation_uses_the_edited_policy_in_both_folders(sqlite_ctx, data_paths, tmp_path):
    second = tmp_path / "second"
    second.mkdir()
    backup_settings.save(data_paths, BackupSettings(second, RotationPolicy(2, 0, 0)))
    sqlite_ctx.db.dispose()
    start = dt.datetime(2026, 3, 1, 18, 0)
    for day in range(5):
        outcome = safety.automatic_backup(data_paths, start + dt.timedelta(days=day))
        assert outcome is not None and outcome.second_copy is not None and not outcome.warning
    assert len(list_backups(data_paths.backups)) == 2
    assert len(list_backups(second)) == 2


def test_backup_rows_show_mentee_counts_in_both_folders(sqlite_ctx, data_paths, tmp_path):
    second = tmp_path / "second"
    second.mkdir()
    backup_settings.save(data_paths, BackupSettings(second_backup_folder=second))
    _add(sqlite_ctx, "ሰላም ተስፋዬ", "Tesfaye")
    safety.backup_now(data_paths)
    _add(sqlite_ctx, "محمد عبد الله", "Abdullah")
    safety.backup_now(data_paths, reason="before-import")
    backup_path(data_paths.backups, "manual", dt.datetime(2020, 1, 1)).write_text("junk")
    rows = safety.backup_rows(data_paths)
    assert [(r.mentee_count, r.location, r.reason) for r in rows] == [
        (2, "primary", "before-import"),
        (2, "second", "before-import"),
        (1, "primary", "manual"),
        (1, "second", "manual"),
        (None, "primary", "manual"),
    ]
    assert all(r.size_bytes > 0 for r in rows)


def test_cli_backup_list_shows_mentees_and_warns_of_a_missing_drive(
    sqlite_ctx, data_paths, tmp_path, capsys
):
    _add(sqlite_ctx, "王小明", "Wang")
    backup_settings.save(data_paths, BackupSettings(second_backup_folder=tmp_path / "gone"))
    assert main(["--data-dir", str(data_paths.root), "backup"]) == 0
    out = capsys.readouterr().out
    assert "verified" in out and "second copy was skipped" in out
    assert main(["--data-dir", str(data_paths.root), "backup", "--list"]) == 0
    out = capsys.readouterr().out
    assert "1 mentees" in out and "primary" in out


def test_import_takes_a_backup_first(tmp_path, capsys):
    data = tmp_path / "data"
    roster = tmp_path / "r.csv"
    roster.write_text(
        "Given names,Family name,Start date\nSelam,Tesfaye,2025-07-01\n", encoding="utf-8"
    )
    assert main(["import", "roster", str(roster), "--data-dir", str(data), "--dry-run"]) == 0
    assert list_backups(data / "backups") == []
    assert main(["import", "roster", str(roster), "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    before = [b for b in list_backups(data / "backups") if b.reason == "before-import"]
    assert len(before) == 1 and "backup was taken before the import" in out
    conn = sqlite3.connect(before[0].path)
    assert conn.execute("SELECT count(*) FROM mentees").fetchone() == (0,)
    conn.close()


def test_unreachable_server_is_one_sentence():
    engine = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    ctx = ServiceContext(Database(engine=engine), actor="tester")
    with pytest.raises(DatabaseError) as caught, ctx.unit_of_work() as session:
        session.execute(text("SELECT 1"))
    assert str(caught.value) == db_errors.SERVER_GONE
    assert caught.value.__cause__ is not None
    with pytest.raises(DatabaseError, match="can't be reached"), ctx.read() as session:
        session.execute(text("SELECT 1"))
    engine.dispose()


def test_server_closing_the_connection_mid_save_is_one_sentence(ctx):
    if ctx.db.engine.dialect.name != "postgresql":
        return  # the SQLite file has no server; its faults are in test_storage_faults
    with pytest.raises(DatabaseError) as caught, ctx.unit_of_work() as session:
        session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
    assert str(caught.value) == db_errors.SERVER_GONE
    _add(ctx, "Ольга Иванова", "Ivanova")  # reconnects once the server is back


def test_conflicts_and_user_errors_keep_their_meaning(ctx):
    roster = RosterService(ctx, clock=lambda: dt.date(2026, 1, 15))
    mentee_id = _add(ctx, "Nguyễn Thị Ánh", "Nguyen")
    record = roster.get(mentee_id)
    first = dataclasses.replace(record.fields, notes="first edit")
    roster.update(mentee_id, first, record.version)
    second = dataclasses.replace(record.fields, notes="second edit")
    with pytest.raises(ConflictError):
        roster.update(mentee_id, second, record.version)  # stale version
    with pytest.raises(ValidationError), ctx.unit_of_work():
        raise ValidationError({"x": "kept as is"})
    with pytest.raises(ZeroDivisionError), ctx.unit_of_work():
        1 / 0  # noqa: B018
