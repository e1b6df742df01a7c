"""Which automatic backups to keep: the newest per day, week and month (GFS rotation)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bridgedesk.storage.backup import BackupInfo, list_backups


@dataclass(frozen=True)
class RotationPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


SAFETY_PREFIX = "before-"  # before-restore, before-migration-to-…, before-import, before-demo


def is_safety_backup(info: BackupInfo) -> bool:
    """Taken before something that replaces or rewrites data: the way back from it."""
    return info.reason.startswith(SAFETY_PREFIX)


def backups_to_keep(backups: list[BackupInfo], policy: RotationPolicy) -> set[Path]:
    """Keep the newest backup of each of the last N days, weeks and months that have one.

    Safety backups are kept for their whole daily slot: a later backup the same day (the
    one at exit, say) never pushes out the copy taken before a restore or an import.
    """
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = set()
    days = sorted({b.taken_at.date() for b in newest_first}, reverse=True)[: policy.daily]
    keep |= {b.path for b in newest_first if is_safety_backup(b) and b.taken_at.date() in days}
    for count, bucket in (
        (policy.daily, lambda b: b.taken_at.date()),
        (policy.weekly, lambda b: tuple(b.taken_at.isocalendar())[:2]),
        (policy.monthly, lambda b: (b.taken_at.year, b.taken_at.month)),
    ):
        seen: list[object] = []
        for info in newest_first:
            key = bucket(info)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(key)
            keep.add(info.path)
    return keep


def rotate(folder: Path, policy: RotationPolicy | None = None) -> list[Path]:
    """Delete backups the policy does not keep; return what was deleted.

    Rotation only ever thins out older copies, never the newest one; safety backups (before
    a migration, restore, import or demo) stay for at least their daily slot.
    """
    policy = policy or RotationPolicy()
    backups = list_backups(folder)
    keep = backups_to_keep(backups, policy)
    removed = []
    for info in backups:
        if info.path not in keep:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
    return removed
