"""Where the second copy of each backup goes and how many backups rotation keeps.

Kept in the data folder's ``settings.json``, which other parts of BridgeDesk share (the
database URL lives there too): every save reads the file, changes only this module's keys
and writes it back whole, atomically, so a crash never leaves half a settings file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bridgedesk.errors import ValidationError
from bridgedesk.paths import DataPaths, make_private
from bridgedesk.storage.rotation import RotationPolicy

SECOND_FOLDER_KEY = "second_backup_folder"
ROTATION_KEY = "rotation"
MAX_KEEP = 1000


@dataclass(frozen=True)
class BackupSettings:
    second_backup_folder: Path | None = None
    rotation: RotationPolicy = field(default_factory=RotationPolicy)


def load(paths: DataPaths) -> BackupSettings:
    """The stored settings; defaults for anything missing or unreadable (never an error)."""
    stored = _read(paths.settings_file)
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
    file = paths.settings_file
    stored = _read(file, keep_unreadable=True)
    stored[SECOND_FOLDER_KEY] = (
        str(settings.second_backup_folder) if settings.second_backup_folder else None
    )
    stored[ROTATION_KEY] = {
        "daily": settings.rotation.daily,
        "weekly": settings.rotation.weekly,
        "monthly": settings.rotation.monthly,
    }
    _write(file, stored)


def _problems(settings: BackupSettings) -> dict[str, str]:
    problems: dict[str, str] = {}
    for name in ("daily", "weekly", "monthly"):
        value = getattr(settings.rotation, name)
        if not isinstance(value, int) or not 0 <= value <= MAX_KEEP:
            problems[name] = f"Keep a whole number of {name} backups from 0 to {MAX_KEEP}."
    if settings.rotation.daily < 1:
        problems["daily"] = "Keep at least one daily backup."
    return problems


def _read(file: Path, keep_unreadable: bool = False) -> dict[str, Any]:
    """The JSON object in ``file``; an unreadable file is moved aside first when saving."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        if keep_unreadable:
            file.replace(
                file.with_name(f"{file.name}.unreadable-{dt.datetime.now():%Y%m%d-%H%M%S}")
            )
        return {}
    return data if isinstance(data, dict) else {}


def _write(file: Path, data: dict[str, Any]) -> None:
    tmp = file.with_name(file.name + ".partial")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    make_private(tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, file)
