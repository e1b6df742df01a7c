"""Checking, backing up and restoring the program file (SQLite), for the CLI and the GUI.

Every backup lands in the data folder's backups/ and, when one is set, is copied (and
verified) into a second folder, typically a USB drive or a network share. A second folder
that can't be reached never stops the primary backup: the outcome says what was skipped.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bridgedesk.errors import DatabaseError, UserError
from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import backup_settings
from bridgedesk.storage import backup, migrate
from bridgedesk.storage.rotation import RotationPolicy, rotate
from bridgedesk.storage.schema_check import schema_differences

log = logging.getLogger(__name__)
Location = Literal["primary", "second"]


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    problems: list[str]
    newest_good_backup: Path | None
    notes: tuple[str, ...] = ()  # worth knowing, not a problem (an interrupted upgrade)


@dataclass(frozen=True)
class BackupOutcome:
    """A verified backup; ``second_copy`` is None and ``warning`` says why when it was skipped."""

    path: Path
    second_copy: Path | None = None
    warning: str = ""


@dataclass(frozen=True)
class BackupRow:
    """One backup for a list: where, when, why, how big, and how many mentees it holds."""

    path: Path
    taken_at: dt.datetime
    size_bytes: int
    reason: str
    mentee_count: int | None
    location: Location


def check(paths: DataPaths) -> CheckResult:
    """Integrity of the program file; when damaged, also the newest backup that is sound."""
    db = paths.database
    if not db.exists():
        return CheckResult(
            False, [f"there is no program database in {paths.root}"], newest_good_backup(paths)
        )
    problems = backup.integrity_problems(db)
    revision = None
    if not problems:
        revision = backup.schema_revision(db)
        if revision is None:
            problems = [f"{db.name} is not a BridgeDesk database"]
        elif revision not in migrate.known_revisions():
            problems = [f"{db.name} was written by a newer version of BridgeDesk"]
        else:
            problems = [f"{db.name}: {d}" for d in schema_differences(db, revision)]
    notes: tuple[str, ...] = ()
    interrupted = migrate.interrupted_upgrade(db)
    if interrupted is not None and revision != interrupted.get("to"):  # else it completed
        started = f" (started {interrupted['started']})" if interrupted.get("started") else ""
        notes = (
            f"an upgrade of {db.name} to revision {interrupted.get('to')} was interrupted"
            f"{started}; an upgrade is all or nothing, so the file is still at revision "
            f"{revision or interrupted.get('from')} and is upgraded at the next start",
        )
    good = None if not problems else newest_good_backup(paths)
    return CheckResult(not problems, problems, good, notes)


def backup_folders(paths: DataPaths) -> list[tuple[Location, Path]]:
    """The primary backups folder, then the second folder when one is set."""
    folders: list[tuple[Location, Path]] = [("primary", paths.backups)]
    second = backup_settings.load(paths).second_backup_folder
    if second is not None:
        folders.append(("second", second))
    return folders


def newest_good_backup(paths: DataPaths) -> Path | None:
    """The newest backup, in either folder, that is sound and this version can open."""
    known = migrate.known_revisions()
    candidates: list[backup.BackupInfo] = []
    for _, folder in backup_folders(paths):
        try:
            candidates += backup.list_backups(folder)
        except OSError:  # a second folder on a drive that is gone
            continue
    for info in sorted(candidates, key=lambda b: b.taken_at, reverse=True):
        if not backup.integrity_problems(info.path) and backup.schema_revision(info.path) in known:
            return info.path
    return None


def backup_now(paths: DataPaths, to: Path | None = None, reason: str = "manual") -> BackupOutcome:
    """A verified backup now: to ``to`` when given, else to backups/ plus the second folder."""
    if not paths.database.exists():
        raise UserError(f"There is no program database in {paths.root} to back up.")
    # in_use: the window calls this with the file open (see integrity_problems).
    problems = backup.integrity_problems(paths.database, in_use=True)
    if problems:
        raise DatabaseError(
            f"The program database is damaged ({problems[0]}); it was not backed up."
        )
    if to is not None:
        if to.exists() and to.is_dir():
            to = backup.backup_path(to, reason)
        return BackupOutcome(backup.snapshot(paths.database, to))
    taken = backup.take_backup(paths.database, paths.backups, reason)
    return _with_second_copy(paths, taken, None)


def _with_second_copy(
    paths: DataPaths, taken: Path, policy: RotationPolicy | None
) -> BackupOutcome:
    """Copy a fresh primary backup into the second folder, verified; rotate it when asked."""
    folder = backup_settings.load(paths).second_backup_folder
    if folder is None:
        return BackupOutcome(taken)
    if not folder.is_dir():
        return BackupOutcome(
            taken,
            None,
            f"The backup was saved in {taken.parent}, but the second copy was skipped: "
            f"{folder} can't be reached (is the drive plugged in or the share connected?).",
        )
    try:
        copy = backup.snapshot(taken, folder / taken.name)
        if policy is not None:
            rotate(folder, policy)
    except (DatabaseError, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return BackupOutcome(
            taken,
            None,
            f"The backup was saved in {taken.parent}, but the second copy in {folder} "
            f"failed: {reason.rstrip('.')}.",
        )
    return BackupOutcome(taken, copy)


def backup_rows(paths: DataPaths) -> list[BackupRow]:
    """Every backup in both folders, newest first, with its mentee count (read-only)."""
    rows: list[BackupRow] = []
    for location, folder in backup_folders(paths):
        try:
            infos = backup.list_backups(folder)
        except OSError:
            continue
        for info in infos:
            rows.append(
                BackupRow(
                    info.path,
                    info.taken_at,
                    info.size_bytes,
                    info.reason,
                    backup.mentee_count(info.path),
                    location,
                )
            )
    return sorted(rows, key=lambda r: (r.taken_at, r.location == "primary"), reverse=True)


def restore_from(paths: DataPaths, source: Path) -> Path | None:
    """Replace the program file with ``source``; the file it replaces is backed up first."""
    if not source.exists():
        raise UserError(f"{source} does not exist.")
    if _is_server_backup(source):
        raise UserError(
            f"{source.name} is a backup of a shared server (pg_dump); restore it into a new, "
            "empty PostgreSQL database: bridgedesk --database-url "
            f"postgresql://USER@SERVER/NEW_DATABASE restore {source}"
        )
    return backup.restore(source, paths.database, paths.backups, migrate.known_revisions())


def _is_server_backup(path: Path) -> bool:
    """A pg_dump custom-format file starts with PGDMP."""
    try:
        with path.open("rb") as fh:
            return fh.read(5) == b"PGDMP"
    except OSError:
        return False  # the restore itself says what is wrong with the file


def automatic_backup(
    paths: DataPaths,
    now: dt.datetime | None = None,
    max_age: dt.timedelta = dt.timedelta(hours=24),
    policy: RotationPolicy | None = None,
) -> BackupOutcome | None:
    """At exit: a verified backup when the newest is older than ``max_age``, then rotation.

    Rotation, with the policy from the settings unless one is given, thins out both the
    backups folder and the second folder. Returns None when a recent backup exists or there
    is nothing sound to copy.
    """
    now = now or dt.datetime.now()
    if not paths.database.exists() or backup.integrity_problems(paths.database):
        return None
    newest = backup.list_backups(paths.backups)
    if newest and now - newest[0].taken_at < max_age:
        return None
    policy = policy or backup_settings.load(paths).rotation
    taken = backup.snapshot(paths.database, backup.backup_path(paths.backups, "at-exit", now))
    rotate(paths.backups, policy)
    return _with_second_copy(paths, taken, policy)


def backup_if_due(
    paths: DataPaths,
    now: dt.datetime | None = None,
    max_age: dt.timedelta = dt.timedelta(hours=24),
    policy: RotationPolicy | None = None,
) -> Path | None:
    """:func:`automatic_backup`, returning only the primary backup's path (warning logged)."""
    outcome = automatic_backup(paths, now, max_age, policy)
    if outcome is None:
        return None
    if outcome.warning:
        log.warning("%s", outcome.warning)
    return outcome.path
