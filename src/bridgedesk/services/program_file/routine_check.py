"""The weekly full check of the open program file, run in the background after start.

A cleanly closed file is not read page by page at the next start (the clean-close marker
trusts its size, time and inode), so damage that appears on the disk afterwards (bit rot, a
failing sector) would go unseen. So once the last full check is a week old, the window runs
SQLite's full integrity check in the background. Damage found there is acted on as at
start-up: the marker is removed, so the next start sets the damaged file aside and offers
the newest good backup, and the director is told now, in one sentence.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import safety, settings_file
from bridgedesk.storage import backup
from bridgedesk.storage.clean_close import forget_clean_close

log = logging.getLogger(__name__)
LAST_CHECK_KEY = "last_full_check"
EVERY = dt.timedelta(days=7)


@dataclass(frozen=True)
class RoutineCheck:
    problems: list[str]
    newest_good_backup: Path | None

    def sentence(self) -> str:
        where = (
            f" BridgeDesk will set it aside and offer the newest good backup "
            f"({self.newest_good_backup.name}) when it next starts."
            if self.newest_good_backup
            else " No good backup was found: keep BridgeDesk open and export the roster now."
        )
        return f"The weekly check found damage in the program file ({self.problems[0]}).{where}"


def full_check_due(paths: DataPaths, now: dt.datetime | None = None) -> bool:
    """True when the program file exists and its last full check is a week old (or unknown)."""
    if not paths.database.is_file():
        return False
    now = now or dt.datetime.now().astimezone()
    stored = settings_file.read(paths).get(LAST_CHECK_KEY)
    try:
        last = dt.datetime.fromisoformat(stored) if isinstance(stored, str) else None
    except ValueError:
        last = None
    return last is None or now - last >= EVERY


def run_full_check(paths: DataPaths, now: dt.datetime | None = None) -> RoutineCheck:
    """Check every page of the open file (safe beside the window's own connection)."""
    problems = backup.integrity_problems(paths.database, in_use=True)
    if problems:
        log.warning("the weekly check found damage in the program file")
        forget_clean_close(paths.database)  # the next start reads it all and sets it aside
        return RoutineCheck(problems, safety.newest_good_backup(paths))
    when = (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
    settings_file.update(paths, **{LAST_CHECK_KEY: when})
    return RoutineCheck([], None)
