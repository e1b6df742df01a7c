"""Checking, backing up and restoring the program file (SQLite), for the CLI and the GUI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from bridgedesk.errors import DatabaseError, UserError
from bridgedesk.paths import DataPaths
from bridgedesk.storage import backup, migrate
from bridgedesk.storage.rotation import RotationPolicy, rotate


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    problems: list[str]
    newest_good_backup: Path | None


def check(paths: DataPaths) -> CheckResult:
    """Integrity of the program file; when damaged, also the newest backup that is sound."""
    db = paths.database
    if not db.exists():
        return CheckResult(
            False, [f"there is no program database in {paths.root}"], newest_good_backup(paths)
        )
    problems = backup.integrity_problems(db)
    if not problems:
        revision = backup.schema_revision(db)
        if revision is None:
            problems = [f"{db.name} is not a BridgeDesk database"]
        elif revision not in migrate.known_revisions():
            problems = [f"{db.name} was written by a newer version of BridgeDesk"]
    return CheckResult(not problems, problems, None if not problems else newest_good_backup(paths))


def newest_good_backup(paths: DataPaths) -> Path | None:
    for info in backup.list_backups(paths.backups):
        if not backup.integrity_problems(info.path) and backup.schema_revision(info.path):
            return info.path
    return None


def backup_now(paths: DataPaths, to: Path | None = None, reason: str = "manual") -> Path:
    if not paths.database.exists():
        raise UserError(f"There is no program database in {paths.root} to back up.")
    problems = backup.integrity_problems(paths.database)
    if problems:
        raise DatabaseError(
            f"The program database is damaged ({problems[0]}); it was not backed up."
        )
    if to is not None:
        if to.exists() and to.is_dir():
            to = backup.backup_path(to, reason)
        return backup.snapshot(paths.database, to)
    return backup.take_backup(paths.database, paths.backups, reason)


def restore_from(paths: DataPaths, source: Path) -> Path | None:
    if not source.exists():
        raise UserError(f"{source} does not exist.")
    return backup.restore(source, paths.database, paths.backups, migrate.known_revisions())


def backup_if_due(
    paths: DataPaths,
    now: dt.datetime | None = None,
    max_age: dt.timedelta = dt.timedelta(hours=24),
    policy: RotationPolicy | None = None,
) -> Path | None:
    """At exit: a verified backup when the newest is older than ``max_age``, then rotation.

    Returns the new backup, or None when a recent one exists or there is nothing sound to copy.
    """
    now = now or dt.datetime.now()
    if not paths.database.exists() or backup.integrity_problems(paths.database):
        return None
    newest = backup.list_backups(paths.backups)
    if newest and now - newest[0].taken_at < max_age:
        return None
    taken = backup.snapshot(paths.database, backup.backup_path(paths.backups, "at-exit", now))
    rotate(paths.backups, policy)
    return taken
