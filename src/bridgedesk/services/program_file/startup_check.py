"""Before opening the program file: move a damaged one aside and point at the newest good backup.

Opening a damaged SQLite file can make things worse (a pragma or a migration writes to
it), so the check is read-only and a damaged file, with its -wal and -shm, is moved into
the data folder's damaged/ unchanged, under a name that never overwrites anything. A file
written by a newer BridgeDesk is sound: it is left in place (the user may reinstall the
newer version) and opening it is refused as before.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from bridgedesk.errors import UserError
from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import safety
from bridgedesk.storage import backup, migrate
from bridgedesk.storage import database as database_file


@dataclass(frozen=True)
class DamagedFile:
    problems: list[str]
    moved_to: Path
    newest_good_backup: Path | None
    explanation: str


@dataclass(frozen=True)
class EarlierDamage:
    """A program file set aside at an earlier start, and the backup that could replace it."""

    set_aside: Path
    set_aside_at: dt.datetime | None
    newest_good_backup: Path | None
    backup_taken_at: dt.datetime | None
    backup_mentees: int | None


_SET_ASIDE_NAME = re.compile(r"-damaged-(\d{8}-\d{6})(?:-(\d+))?$")


def set_aside_at(path: Path) -> dt.datetime | None:
    """When :func:`quarantine_if_damaged` moved ``path`` aside (read from its name)."""
    match = _SET_ASIDE_NAME.search(path.stem)
    if match is None:
        return None
    try:
        return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def set_aside_files(paths: DataPaths) -> list[Path]:
    """Program files moved into damaged/ at earlier starts, newest first (side files left out)."""
    folder = paths.damaged
    if not folder.is_dir():
        return []
    found: list[tuple[dt.datetime, int, Path]] = []
    for path in folder.iterdir():
        match = _SET_ASIDE_NAME.search(path.stem)
        when = set_aside_at(path)
        if path.name.endswith(backup.SIDE_FILES) or not path.is_file():
            continue  # a -wal/-shm companion goes with its program file
        if match is None or when is None:
            continue
        found.append((when, int(match.group(2) or 0), path))
    return [path for _, _, path in sorted(found, reverse=True)]


def earlier_damage(paths: DataPaths) -> EarlierDamage | None:
    """The newest set-aside file and the newest good backup; None when nothing was set aside.

    For a start with no program file: the user may have quit at the damaged-file question,
    and the welcome page should offer the backup instead of looking like a new install.
    """
    files = set_aside_files(paths)
    if not files:
        return None
    good = safety.newest_good_backup(paths)
    return EarlierDamage(
        files[0],
        set_aside_at(files[0]),
        good,
        _taken_at(good) if good is not None else None,
        backup.mentee_count(good) if good is not None else None,
    )


def file_problems(database: Path) -> list[str]:
    """What stops BridgeDesk from using ``database``; empty when it is sound or newer.

    The start-up check of :func:`bridgedesk.storage.database.startup_problems`: cheap
    header and identity checks always, SQLite's quick_check only when the file is not
    untouched since a clean close. It runs once per start: opening the file afterwards
    does not repeat the quick_check. A file from a newer version is not a problem here
    (see the module docstring).
    """
    return database_file.startup_problems(database)


def quarantine_if_damaged(paths: DataPaths, now: dt.datetime | None = None) -> DamagedFile | None:
    """Move a damaged program file aside; None when there is nothing to do.

    Nothing to do: no file yet (a new program), an empty file, a sound file, or one from a
    newer BridgeDesk.
    """
    database = paths.database
    if not database.exists() or database.stat().st_size == 0:
        return None
    problems = file_problems(database)
    if not problems:
        return None
    moved_to = backup.move_aside(database, paths.damaged, now)
    good = safety.newest_good_backup(paths)
    return DamagedFile(problems, moved_to, good, _explain(problems, moved_to, good))


def _explain(problems: list[str], moved_to: Path, good: Path | None) -> str:
    what = (
        "The program database is not a BridgeDesk database"
        if "not a BridgeDesk database" in problems[0]
        else "The program database is damaged"
    )
    text = (
        f"{what} ({problems[0]}). BridgeDesk moved it aside without changing it; "
        f"it is now {moved_to}. "
    )
    if good is None:
        return text + (
            "No good backup was found: start a new program, or keep the moved file and ask "
            "for help to recover it."
        )
    taken = _taken_at(good)
    when = f", taken {taken:%d %B %Y at %H:%M}" if taken else ""
    return text + f"The newest good backup is {good}{when}; restore it to carry on."


def _taken_at(path: Path) -> dt.datetime | None:
    for info in backup.list_backups(path.parent):
        if info.path == path:
            return info.taken_at
    return None


def restore_newest_good_backup(paths: DataPaths) -> Path:
    """Restore the newest good backup over (or in place of) the program file; return it."""
    good = safety.newest_good_backup(paths)
    if good is None:
        raise UserError(f"No good backup was found in {paths.backups}.")
    backup.restore(good, paths.database, paths.backups, migrate.known_revisions())
    return good
