"""How backup files are named, and reading a folder of them back into a list, newest first.

The name is the record: the time taken and the reason are written into it and parsed back
out, so a folder copied to a USB stick or a second disk still lists and rotates correctly
with no index file beside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

BACKUP_PREFIX = "bridgedesk-"
BACKUP_SUFFIX = ".db"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    reason: str
    size_bytes: int


def backup_path(folder: Path, reason: str, now: dt.datetime | None = None) -> Path:
    """Where a backup taken now for ``reason`` goes: the name carries both, to the microsecond."""
    now = now or dt.datetime.now()
    stamp = now.strftime("%Y%m%d-%H%M%S-%f")
    safe_reason = "".join(ch for ch in reason.lower() if ch.isalnum() or ch == "-") or "manual"
    return folder / f"{BACKUP_PREFIX}{stamp}-{safe_reason}{BACKUP_SUFFIX}"


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
