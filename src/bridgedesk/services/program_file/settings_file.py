"""The data folder's ``settings.json``: the one place that reads and rewrites it.

Several modules keep their keys in the same file (the database URL, which may carry a server
password, the second backup folder, rotation), so each save is a read-modify-write of the
whole file. Doing that in one place keeps three promises for all of them:

* the file is owner-only from its first byte (created with ``os.open(..., 0o600)``), never
  briefly readable by others while it holds a password;
* a save is atomic: written beside the file, flushed to disk, then renamed over it;
* a damaged file is moved aside (``settings.json.unreadable-<time>``) before a save, never
  silently overwritten, so the keys it held can still be recovered by hand.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from pathlib import Path
from typing import Any

from bridgedesk.paths import DataPaths, make_private

FILE_MODE = 0o600
log = logging.getLogger(__name__)


def read(paths: DataPaths) -> dict[str, Any]:
    """The settings as a dict; empty when the file is missing or damaged (never an error)."""
    data, damaged = read_json_object(paths.settings_file)
    if damaged:
        log.warning("settings file %s is damaged; using defaults", paths.settings_file)
    return data


def update(paths: DataPaths, **changes: Any) -> dict[str, Any]:
    """Set the given keys (a value of None removes the key), keep all others; return the result.

    A damaged file is moved aside first, so its content is kept for recovery.
    """
    file = paths.settings_file
    data, damaged = read_json_object(file)
    if damaged:
        aside = set_aside(file)
        log.warning("settings file %s was damaged; kept as %s", file, aside.name)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    write_private_json(file, data)
    return data


def set_aside(file: Path) -> Path:
    """Rename a damaged file to ``<name>.unreadable-<time>`` (a unique name) and return it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = file.with_name(f"{file.name}.unreadable-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = file.with_name(f"{file.name}.unreadable-{stamp}-{number}")
    file.replace(aside)
    return aside


def read_json_object(file: Path) -> tuple[dict[str, Any], bool]:
    """The JSON object in ``file`` and whether the file exists but is not one."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, False
    except (OSError, ValueError):
        return {}, True
    if not isinstance(data, dict):
        return {}, True
    return data, False


def write_private_json(file: Path, data: dict[str, Any]) -> None:
    """Owner-only from the first byte, flushed to disk, then swapped in atomically."""
    file.parent.mkdir(parents=True, exist_ok=True)
    body = (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    partial = file.with_name(f"{file.name}.{os.getpid()}.partial")
    # O_EXCL after removing any leftover: the file is certainly new, so certainly 0600.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    partial.unlink(missing_ok=True)
    fd = os.open(partial, flags, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, file)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    make_private(file)
