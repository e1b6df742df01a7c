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


def backups_to_keep(backups: list[BackupInfo], policy: RotationPolicy) -> set[Path]:
    """Keep the newest backup of each of the last N days, weeks and months that have one."""
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = set()
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

    Backups taken for a reason (before a migration, restore or import) are kept by the
    same rule: rotation only ever thins out older copies, never the newest one.
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
