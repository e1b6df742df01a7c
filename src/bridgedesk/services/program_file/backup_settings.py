"""Where the second copy of each backup goes and how many backups rotation keeps.

Kept in the data folder's ``settings.json``, which other parts of BridgeDesk share (the
database URL lives there too): every save reads the file, changes only this module's keys
and writes it back whole through :mod:`settings_file` (atomic, owner-only, a damaged file
kept aside).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bridgedesk.errors import ValidationError
from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import settings_file
from bridgedesk.storage.rotation import RotationPolicy

SECOND_FOLDER_KEY = "second_backup_folder"
ROTATION_KEY = "rotation"
MAX_KEEP = 1000


@dataclass(frozen=True)
class BackupSettings:
    second_backup_folder: Path | None = None
    rotation: RotationPolicy = field(default_factory=RotationPolicy)

    @classmethod
    def of(cls, folder: Path | None, daily: int, weekly: int, monthly: int) -> BackupSettings:
        """Settings as typed in the dialog: the second folder and how many backups to keep."""
        return cls(folder, RotationPolicy(daily=daily, weekly=weekly, monthly=monthly))


def load(paths: DataPaths) -> BackupSettings:
    """The stored settings; defaults for anything missing or unreadable (never an error)."""
    stored = settings_file.read(paths)
    folder = stored.get(SECOND_FOLDER_KEY)
    second = Path(folder) if isinstance(folder, str) and folder.strip() else None
    rotation = RotationPolicy()
    raw = stored.get(ROTATION_KEY)
    if isinstance(raw, dict):
        counts = {
            name: value
            for name in ("daily", "weekly", "monthly")
            if isinstance(value := raw.get(name), int) and 0 <= value <= MAX_KEEP
        }
        rotation = RotationPolicy(**{**rotation.__dict__, **counts})
    return BackupSettings(second, rotation)


def save(paths: DataPaths, settings: BackupSettings) -> None:
    """Store the settings, keeping every key of settings.json this module does not own."""
    problems = _problems(settings)
    if problems:
        raise ValidationError(problems)
    folder = str(settings.second_backup_folder) if settings.second_backup_folder else None
    rotation = {
        "daily": settings.rotation.daily,
        "weekly": settings.rotation.weekly,
        "monthly": settings.rotation.monthly,
    }
    settings_file.update(paths, **{SECOND_FOLDER_KEY: folder, ROTATION_KEY: rotation})


def _problems(settings: BackupSettings) -> dict[str, str]:
    problems: dict[str, str] = {}
    for name in ("daily", "weekly", "monthly"):
        value = getattr(settings.rotation, name)
        if not isinstance(value, int) or not 0 <= value <= MAX_KEEP:
            problems[name] = f"Keep a whole number of {name} backups from 0 to {MAX_KEEP}."
    if settings.rotation.daily < 1:
        problems["daily"] = "Keep at least one daily backup."
    return problems
