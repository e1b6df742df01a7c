"""Consistent, verified snapshots of the SQLite program file, and restoring one.

Snapshots use SQLite's online backup API (a consistent copy even while the app writes,
WAL included) and are then integrity-checked; a copy that fails the check is deleted and
reported, never kept as a "backup". The read-only file checks live in ``file_checks``,
backup names and listing in ``backup_names``, moving a damaged file in ``move_aside``;
this module re-exports them, as callers have always imported them from here.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from bridgedesk.errors import DatabaseError
from bridgedesk.paths import fsync_folder, make_private, make_private_dir
from bridgedesk.storage.backup_names import (
    BACKUP_PREFIX,
    BACKUP_SUFFIX,
    BackupInfo,
    backup_path,
    list_backups,
)
from bridgedesk.storage.file_checks import (
    SQLITE_MAGIC,
    content_fingerprint,
    header_problems,
    integrity_problems,
    mentee_count,
    readonly_uri,
    schema_revision,
    user_tables,
)
from bridgedesk.storage.move_aside import SIDE_FILES, move_aside
from bridgedesk.storage.move_aside import move_no_overwrite as _move_no_overwrite
from bridgedesk.storage.schema_check import schema_differences

# Callers import these from here (``backup.integrity_problems``, ``backup.list_backups``...);
# restore and the verified copy look ``integrity_problems`` up in this module, so a test
# that replaces it here replaces it for them too.
__all__ = [
    "BACKUP_PREFIX",
    "BACKUP_SUFFIX",
    "SIDE_FILES",
    "SQLITE_MAGIC",
    "BackupInfo",
    "_move_no_overwrite",
    "backup_path",
    "header_problems",
    "integrity_problems",
    "list_backups",
    "mentee_count",
    "move_aside",
    "readonly_uri",
    "restore",
    "schema_revision",
    "snapshot",
    "take_backup",
    "user_tables",
]


def same_content_backup(database: Path, folder: Path, reason: str) -> Path | None:
    """The newest backup for ``reason`` that holds exactly what ``database`` holds, if any.

    A start whose upgrade was interrupted (killed, power cut) tries again at the next start:
    the backup taken before the first try still holds this very content, so no second full
    copy is needed each time.
    """
    wanted = content_fingerprint(database)
    if wanted is None:
        return None
    try:
        candidates = [b for b in list_backups(folder) if b.reason == reason]
    except OSError:
        return None
    if not candidates:
        return None
    newest = max(candidates, key=lambda b: b.taken_at)  # an older one predates later changes
    return newest.path if content_fingerprint(newest.path) == wanted else None


def snapshot(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` with the backup API and verify the copy."""
    make_private_dir(destination.parent)
    tmp = destination.with_name(destination.name + ".partial")
    try:
        _write_verified_copy(source, tmp)
    except _CopyProblem as problem:
        if problem.failed_check:
            raise DatabaseError(
                f"The backup failed its check ({problem.reason}); nothing was kept."
            ) from problem.__cause__
        raise DatabaseError(f"The backup could not be written: {problem.reason}.") from (
            problem.__cause__
        )
    os.replace(tmp, destination)
    make_private(destination)
    return destination


class _CopyProblem(Exception):
    """Why a verified copy was not made; each caller words its own sentence around it."""

    def __init__(self, reason: str, failed_check: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.failed_check = failed_check


def _write_verified_copy(source: Path, tmp: Path) -> None:
    """Write ``source`` to ``tmp`` (backup API), check it and fsync it; on failure keep nothing."""
    _remove_with_side_files(tmp)  # a leftover from a crash must not mix into the new copy
    try:
        src = sqlite3.connect(readonly_uri(source), uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        _remove_with_side_files(tmp)
        raise _CopyProblem(str(exc)) from exc
    except OSError as exc:
        _remove_with_side_files(tmp)
        raise _CopyProblem(exc.strerror or str(exc)) from exc
    problems = integrity_problems(tmp)
    if problems:
        _remove_with_side_files(tmp)
        raise _CopyProblem(problems[0], failed_check=True)
    try:
        _fsync(tmp)
    except OSError as exc:
        _remove_with_side_files(tmp)
        raise _CopyProblem(exc.strerror or str(exc)) from exc


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", *SIDE_FILES, "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def take_backup(database: Path, folder: Path, reason: str) -> Path:
    """Snapshot the program file into the backups folder, named by time and reason."""
    return snapshot(database, backup_path(folder, reason))


def restore(
    backup: Path, database: Path, backups_folder: Path, known_revisions: set[str]
) -> Path | None:
    """Replace the program file with ``backup``; the current file is backed up first.

    Refuses a damaged file, a file that is not a BridgeDesk database, and one written by
    a newer BridgeDesk. Returns the path of the safety backup of the replaced file.
    """
    problems = integrity_problems(backup)
    if problems:
        raise DatabaseError(f"{backup.name} cannot be restored: {problems[0]}.")
    revision = schema_revision(backup)
    if revision is None:
        raise DatabaseError(f"{backup.name} cannot be restored: it is not a BridgeDesk database.")
    if revision not in known_revisions:
        raise DatabaseError(
            f"{backup.name} cannot be restored: it was written by a newer version of BridgeDesk."
        )
    differences = schema_differences(backup, revision)
    if differences:
        more = f" (and {len(differences) - 1} more differences)" if len(differences) > 1 else ""
        raise DatabaseError(f"{backup.name} cannot be restored: {differences[0]}{more}.")
    damaged = database.exists() and bool(integrity_problems(database))
    safety: Path | None = None
    if database.exists() and not damaged:
        safety = take_backup(database, backups_folder, "before-restore")
    # The copy is written and verified beside the program file before the file or its
    # write-ahead log is touched: a full disk or a bad copy leaves both as they were.
    staged = database.with_name(database.name + ".partial")
    try:
        _write_verified_copy(backup, staged)
    except _CopyProblem as problem:
        raise DatabaseError(
            f"{backup.name} could not be restored ({problem.reason}); "
            f"{database.name} was left as it was."
        ) from problem.__cause__
    try:
        if damaged:
            move_aside(database, backups_folder.parent / "damaged")
        elif database.exists():
            _empty_write_ahead_log(database)
        for suffix in SIDE_FILES:
            Path(str(database) + suffix).unlink(missing_ok=True)
        os.replace(staged, database)
    except OSError as exc:
        _remove_with_side_files(staged)
        raise DatabaseError(
            f"{backup.name} could not be put in place of {database.name} ({exc.strerror})."
        ) from exc
    except BaseException:
        _remove_with_side_files(staged)
        raise
    make_private(database)
    fsync_folder(database.parent)
    return safety


def _empty_write_ahead_log(database: Path) -> None:
    """Checkpoint the live file so its -wal holds nothing that exists only there.

    Raises DatabaseError (file and log untouched) when it cannot be done: a reader still
    has the file open, or the checkpoint cannot grow the file on a full disk.
    """
    try:
        conn = sqlite3.connect(database, timeout=2.0)
        try:
            busy, _frames, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise DatabaseError(
            f"{database.name} could not be replaced ({exc}); it was left as it was."
        ) from exc
    wal = Path(str(database) + "-wal")
    if busy or (wal.exists() and wal.stat().st_size > 0):
        raise DatabaseError(
            f"{database.name} is still open in another program, so it was left as it was; "
            "close that program and restore again."
        )


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
