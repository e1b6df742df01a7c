"""Consistent, verified snapshots of the SQLite program file, and restoring one.

Snapshots use SQLite's online backup API (a consistent copy even while the app writes,
WAL included) and are then integrity-checked; a copy that fails the check is deleted and
reported, never kept as a "backup".
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bridgedesk.errors import DatabaseError
from bridgedesk.paths import make_private, make_private_dir

BACKUP_PREFIX = "bridgedesk-"
BACKUP_SUFFIX = ".db"
SIDE_FILES = ("-wal", "-shm")
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    reason: str
    size_bytes: int


def readonly_uri(path: Path) -> str:
    """A SQLite URI that opens ``path`` read-only, whatever characters its folder name has."""
    return Path(os.path.abspath(path)).as_uri() + "?mode=ro"


def header_problems(path: Path) -> list[str]:
    """Cheap checks that read only the first 100 bytes; an empty list means they passed.

    Is it a SQLite file, is its page size one SQLite can write, and (when no write-ahead
    log is pending) is the file as long as its header says: a truncated copy fails here
    without reading a single page. Run at every start, before any deeper check.
    """
    if not path.exists():
        return [f"{path.name} does not exist"]
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except OSError as exc:
        return [f"{path.name} cannot be read: {exc.strerror}"]
    if header[:16] != SQLITE_MAGIC:
        return [f"{path.name} is not a database file"]
    if len(header) < 100:
        return [f"{path.name} is damaged: its header is cut short"]
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return [f"{path.name} is damaged: its page size ({page_size}) is impossible"]
    pages = int.from_bytes(header[28:32], "big")
    header_size_valid = header[24:28] == header[92:96] and pages > 0
    wal = Path(str(path) + "-wal")
    wal_pending = wal.exists() and wal.stat().st_size > 0
    if header_size_valid and not wal_pending and size < pages * page_size:
        return [
            f"{path.name} is damaged: it is {size} bytes long, "
            f"but its header says {pages * page_size} (the file was cut short)"
        ]
    return []


def integrity_problems(path: Path, quick: bool = False, foreign_keys: bool = True) -> list[str]:
    """Run SQLite's integrity check read-only; an empty list means the file is sound.

    ``quick`` runs ``PRAGMA quick_check`` (no index-content cross-check) instead of the
    full check; ``foreign_keys=False`` leaves out the broken-link scan. Start-up runs the
    quick check alone, and only after a crash or an outside change (see clean_close); the
    full check with links is kept for backups, restores and ``bridgedesk check``.
    """
    problems = header_problems(path)
    if problems:
        return problems
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            pragma = "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
            rows = conn.execute(pragma).fetchall()
            fk = conn.execute("PRAGMA foreign_key_check").fetchall() if foreign_keys else []
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [f"{path.name} is damaged: {exc}"]
    problems = [row[0] for row in rows if row[0] != "ok"]
    problems += [f"broken link in table {row[0]} (row {row[1]})" for row in fk]
    return problems


def mentee_count(path: Path) -> int | None:
    """How many mentees a program file holds, read-only; None when it cannot be read."""
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            row = conn.execute("SELECT count(*) FROM mentees").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return int(row[0]) if row else None


def schema_revision(path: Path) -> str | None:
    """The Alembic revision stored in a program file, or None if it has none."""
    conn = sqlite3.connect(readonly_uri(path), uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def user_tables(path: Path) -> list[str]:
    conn = sqlite3.connect(readonly_uri(path), uri=True)
    try:
        rows = conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


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


def backup_path(folder: Path, reason: str, now: dt.datetime | None = None) -> Path:
    now = now or dt.datetime.now()
    stamp = now.strftime("%Y%m%d-%H%M%S-%f")
    safe_reason = "".join(ch for ch in reason.lower() if ch.isalnum() or ch == "-") or "manual"
    return folder / f"{BACKUP_PREFIX}{stamp}-{safe_reason}{BACKUP_SUFFIX}"


def take_backup(database: Path, folder: Path, reason: str) -> Path:
    """Snapshot the program file into the backups folder, named by time and reason."""
    return snapshot(database, backup_path(folder, reason))


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in a folder, newest first."""
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for path in folder.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}"):
        parts = path.stem[len(BACKUP_PREFIX) :].split("-", 3)
        try:
            taken = dt.datetime.strptime(f"{parts[0]}-{parts[1]}-{parts[2]}", "%Y%m%d-%H%M%S-%f")
        except (ValueError, IndexError):
            continue
        reason = parts[3] if len(parts) > 3 else ""
        found.append(BackupInfo(path, taken, reason, path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


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
    _fsync_folder(database.parent)
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


def move_aside(database: Path, folder: Path, now: dt.datetime | None = None) -> Path:
    """Move a program file (with its -wal and -shm) into ``folder`` under a new name.

    The bytes are not touched and nothing already in ``folder`` is overwritten: the name
    carries the time and, when that is taken, a counter. Returns the moved file's path.
    """
    make_private_dir(folder)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    stem = f"{database.stem}-damaged-{stamp}"
    counter = 0
    while True:
        name = f"{stem}{'' if counter == 0 else f'-{counter}'}{database.suffix}"
        target = folder / name
        if not any(Path(str(target) + s).exists() for s in ("", *SIDE_FILES)):
            break
        counter += 1
    for suffix in SIDE_FILES:  # side files first: the main file's name is the marker
        side = Path(str(database) + suffix)
        if side.exists():
            _move_no_overwrite(side, Path(str(target) + suffix))
    _move_no_overwrite(database, target)
    return target


def _move_no_overwrite(source: Path, target: Path) -> None:
    """Move ``source`` to ``target``, refusing (DatabaseError) when ``target`` exists.

    A hard link or an exclusive create claims the name atomically: a file that appears at
    ``target`` after any check is never overwritten, whatever the timing.
    """
    taken = DatabaseError(f"{target} already exists; {source.name} was left where it is.")
    try:
        os.link(source, target)  # fails rather than overwrite
    except FileExistsError:
        raise taken from None
    except OSError:  # no hard links here (FAT, some network shares, another disk)
        _copy_exclusive(source, target, taken)
    source.unlink()


def _copy_exclusive(source: Path, target: Path, taken: DatabaseError) -> None:
    try:
        out = open(target, "xb")  # noqa: SIM115 - closed below; "x" never overwrites
    except FileExistsError:
        raise taken from None
    try:
        with out, open(source, "rb") as src:
            shutil.copyfileobj(src, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        shutil.copystat(source, target)
    except BaseException:
        target.unlink(missing_ok=True)  # ours: created exclusively above
        raise


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable; some platforms cannot open a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
