"""Where BridgeDesk keeps its data: one folder, owner-only.

The folder comes from ``--data-dir``, else ``BRIDGEDESK_DATA_DIR``, else the platform's
user data directory for "BridgeDesk".
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from bridgedesk import APP_NAME

ENV_DATA_DIR = "BRIDGEDESK_DATA_DIR"
DB_FILENAME = "bridgedesk.db"
FOLDER_MODE = 0o700
FILE_MODE = 0o600


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def damaged(self) -> Path:
        """Where a damaged database file is moved aside, never overwritten."""
        return self.root / "damaged"

    @property
    def lock_file(self) -> Path:
        return self.root / "bridgedesk.lock"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    def ensure(self) -> DataPaths:
        """Create the folders owner-only (0700) and return self."""
        for folder in (self.root, self.backups, self.logs):
            make_private_dir(folder)
        return self


def default_root() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def resolve(data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
    """Pick the data folder: explicit argument, then environment, then the platform default."""
    if data_dir:
        return DataPaths(Path(data_dir).expanduser().resolve())
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return DataPaths(Path(env).expanduser().resolve())
    return DataPaths(default_root())


def make_private_dir(folder: Path) -> None:
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    make_private(folder, FOLDER_MODE)


def make_private(path: Path, mode: int = FILE_MODE) -> None:
    """Restrict a file or folder to its owner; a no-op where the OS has no POSIX modes."""
    if os.name == "posix" and path.exists():
        os.chmod(path, mode)
