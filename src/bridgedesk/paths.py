"""Where BridgeDesk keeps its data: one folder, owner-only.

The folder comes from ``--data-dir``, else ``BRIDGEDESK_DATA_DIR``, else the platform's
user data directory for "BridgeDesk".
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from bridgedesk import APP_NAME
from bridgedesk.errors import DataFolderError, os_error_sentence

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

    @property
    def log_file(self) -> Path:
        return self.logs / "bridgedesk.log"

    def ensure(self) -> DataPaths:
        """Create the missing folders owner-only (0700) and return self.

        A folder that already exists is left exactly as it is (a shared 2775 folder or a
        1777 one stays so). Raises DataFolderError, one plain sentence, when the data
        folder cannot be created or written to (a read-only disk, no permission, a full disk).
        """
        try:
            for folder in (self.root, self.backups, self.logs):
                make_private_dir(folder)
        except OSError as exc:
            raise DataFolderError(data_folder_sentence(self.root, exc)) from None
        refusal = write_refusal(self.root)
        if refusal is not None:
            raise DataFolderError(data_folder_sentence(self.root, OSError(refusal, "")))
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


def data_folder_sentence(root: Path, exc: OSError) -> str:
    """The plain sentence for a data folder that cannot be created or written to."""
    sentence = os_error_sentence(exc, f"its data folder {root}")
    if sentence is not None:
        return sentence
    reason = exc.strerror or type(exc).__name__
    return (
        f"BridgeDesk cannot use its data folder {root} ({reason}); check the folder and try again."
    )


def write_refusal(folder: Path) -> int | None:
    """``errno.EROFS`` for a folder on a read-only mount, ``errno.EACCES`` for one this user
    may not write to, None when it can be written to.

    ``os.access`` also answers for root, whom permission bits do not stop but a read-only
    mount does.
    """
    if hasattr(os, "statvfs"):
        try:
            if os.statvfs(folder).f_flag & os.ST_RDONLY:
                return errno.EROFS
        except OSError:
            pass
    if not os.access(folder, os.W_OK):
        return errno.EACCES
    return None


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` and any missing parents owner-only (0700).

    Only the folders created here are restricted: a folder that already exists (the user's
    own --data-dir, a USB drive or network share, a shared 2775 or a 1777 folder) keeps its
    mode, since other people or programs may rely on it.
    """
    missing: list[Path] = []
    level = folder
    while not level.exists() and level != level.parent:
        missing.append(level)
        level = level.parent
    for created in reversed(missing):
        try:
            created.mkdir(mode=FOLDER_MODE)
        except FileExistsError:  # made by someone else meanwhile: theirs, left as it is
            continue
        make_private(created, FOLDER_MODE)  # mkdir's mode is narrowed by the umask only
    if not folder.is_dir():
        raise FileExistsError(errno.EEXIST, "exists and is not a folder", str(folder))


def make_private(path: Path, mode: int = FILE_MODE) -> None:
    """Restrict a file or folder to its owner; a no-op where the OS has no POSIX modes."""
    if os.name == "posix" and path.exists():
        os.chmod(path, mode)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; a platform that cannot open a folder skips it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
