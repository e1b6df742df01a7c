"""Before opening the program file: move a damaged one aside and point at the newest good backup.

Opening a damaged SQLite file can make things worse (a pragma or a migration writes to
it), so the check is read-only and a damaged file, with its -wal and -shm, is moved into
the data folder's damaged/ unchanged, under a name that never overwrites anything. A file
written by a newer BridgeDesk is sound: it is left in place (the user may reinstall the
newer version) and opening it is refused as before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from bridgedesk.errors import UserError
from bridgedesk.paths import DataPaths
from bridgedesk.services import safety
from bridgedesk.storage import backup, migrate


@dataclass(frozen=True)
class DamagedFile:
    problems: list[str]
    moved_to: Path
    newest_good_backup: Path | None
    explanation: str


def file_problems(database: Path) -> list[str]:
    """What stops BridgeDesk from using ``database``; empty when it is sound or newer.

    A quick check: SQLite's quick_check plus "is this a BridgeDesk database at all". A file
    from a newer version is not a problem here (see the module docstring).
    """
    problems = backup.integrity_problems(database, quick=True)
    if problems:
        return problems
    if backup.schema_revision(database) is None and backup.user_tables(database):
        return [f"{database.name} is a database, but not a BridgeDesk database"]
    return []


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
