"""Backup-then-import, the one service the Import dialog and the CLI share."""

from __future__ import annotations

import datetime as dt

import pytest

from bridgedesk.services.importing.roster_import import ImportRejected, SitesNotConfirmed
from bridgedesk.services.importing.with_backup import import_with_backup
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.storage.backup import list_backups, mentee_count
from tests.unit.roster_samples import sample_rows, write_csv

TODAY = dt.date(2026, 3, 12)


def test_backup_is_taken_before_any_row_is_written(sqlite_ctx, data_paths, tmp_path):
    path = write_csv(tmp_path / "roster.csv", sample_rows(5))
    stages: list[str] = []
    outcome = import_with_backup(
        sqlite_ctx, data_paths, path, TODAY, on_stage=stages.append, create_sites=True
    )
    assert outcome.count == 5 and not outcome.cancelled
    assert RosterService(sqlite_ctx).count() == 5
    backups = list_backups(data_paths.backups)
    assert [b.reason for b in backups] == ["before-import"]
    assert outcome.backup == backups[0].path
    assert mentee_count(backups[0].path) == 0  # taken before anything was written
    assert stages == [
        "Checking roster.csv…",  # the whole file first: a file that would fail takes no backup
        "Taking a backup of the program first…",
        "Importing the mentees from roster.csv…",
    ]


def test_stopping_before_the_write_imports_nothing_but_keeps_the_backup(
    sqlite_ctx, data_paths, tmp_path
):
    path = write_csv(tmp_path / "roster.csv", sample_rows(3))
    outcome = import_with_backup(
        sqlite_ctx, data_paths, path, TODAY, lambda: False, create_sites=True
    )
    assert outcome.cancelled and outcome.count == 0 and outcome.result is None
    assert RosterService(sqlite_ctx).count() == 0
    assert outcome.backup is not None and outcome.backup.exists()


def test_dry_run_takes_no_backup_and_writes_nothing(sqlite_ctx, data_paths, tmp_path):
    path = write_csv(tmp_path / "roster.csv", sample_rows(4))
    outcome = import_with_backup(sqlite_ctx, data_paths, path, TODAY, dry_run=True)
    assert outcome.count == 4 and outcome.result is not None and outcome.result.dry_run
    assert outcome.backup is None and list_backups(data_paths.backups) == []
    assert RosterService(sqlite_ctx).count() == 0


def test_a_rejected_file_takes_no_backup_and_writes_no_mentees(sqlite_ctx, data_paths, tmp_path):
    rows = sample_rows(2)
    rows[1]["Start date"] = "2025-02-30"
    path = write_csv(tmp_path / "roster.csv", rows)
    with pytest.raises(ImportRejected):
        import_with_backup(sqlite_ctx, data_paths, path, TODAY)
    assert RosterService(sqlite_ctx).count() == 0
    assert list_backups(data_paths.backups) == []  # issue: a failed import takes no backup


def test_a_server_database_is_not_backed_up_here(ctx, data_paths, tmp_path):
    """SQLite: a backup file; PostgreSQL: none (pg_dump or the administrator does that)."""
    path = write_csv(tmp_path / "roster.csv", sample_rows(2))
    outcome = import_with_backup(ctx, data_paths, path, TODAY, create_sites=True)
    assert outcome.count == 2
    on_file = ctx.db.engine.dialect.name == "sqlite"
    assert (outcome.backup is not None) == on_file


def test_new_sites_not_confirmed_are_refused_before_any_backup(sqlite_ctx, data_paths, tmp_path):
    """A typo in the Site column never becomes a site quietly: asked first, refused unasked."""
    RosterService(sqlite_ctx).create(
        MenteeFields(given_names="Ana", family_name="Silva", start_date=TODAY, site="Hillside")
    )
    rows = [
        {"Given names": "Bo", "Family name": "Lee", "Start date": "2026-03-01", "Site": "Hilside"},
        {"Given names": "Cy", "Family name": "Ng", "Start date": "2026-03-01", "Site": "Hillside"},
    ]
    path = write_csv(tmp_path / "typo.csv", rows)
    checked = import_with_backup(sqlite_ctx, data_paths, path, TODAY, dry_run=True).result
    assert checked is not None
    assert [(s.name, s.lines, s.close_to) for s in checked.new_sites] == [
        ("Hilside", (2,), "Hillside")
    ]
    with pytest.raises(SitesNotConfirmed) as refused:
        import_with_backup(sqlite_ctx, data_paths, path, TODAY)
    assert "“Hilside” (line 2) — did you mean “Hillside”?" in str(refused.value)
    assert RosterService(sqlite_ctx).count() == 1 and list_backups(data_paths.backups) == []
    done = import_with_backup(sqlite_ctx, data_paths, path, TODAY, create_sites=True)
    assert done.result is not None and done.result.sites_created == ["Hilside"]
