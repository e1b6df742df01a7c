"""One BridgeDesk per data folder.

An OS-level lock on ``bridgedesk.lock`` (fcntl on POSIX, msvcrt on Windows) is released by
the kernel when the process dies, so a crash never leaves a lock that blocks the next start;
the file also records the holder's PID and host for the message shown to a second instance.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from pathlib import Path
from typing import IO

from bridgedesk.errors import DataFolderError, UserError
from bridgedesk.paths import data_folder_sentence

LOCK_FILE_MODE = 0o600


class AlreadyRunningError(UserError):
    """Another BridgeDesk has this data folder open."""


def _private_opener(path: str, flags: int) -> int:
    """Create the lock file owner-only; one left wider by an older BridgeDesk is narrowed."""
    fd = os.open(path, flags, LOCK_FILE_MODE)
    if hasattr(os, "fchmod"):
        with contextlib.suppress(OSError):
            os.fchmod(fd, LOCK_FILE_MODE)
    return fd


class InstanceLock:
    def __init__(self, path: Path):
        self.path = path
        self._fh: IO[str] | None = None

    def acquire(self) -> InstanceLock:
        try:  # held for the app's life; owner-only from its first byte
            fh = open(self.path, "a+", encoding="utf-8", opener=_private_opener)  # noqa: SIM115
        except OSError as exc:
            raise DataFolderError(data_folder_sentence(self.path.parent, exc)) from None
        try:
            _lock(fh)
        except OSError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            fh.close()
            raise AlreadyRunningError(
                f"BridgeDesk is already open on this data folder ({holder}); "
                "close it there first, or switch to that window."
            ) from None
        # Who holds it, for a second instance's message, written unbuffered: on a full disk
        # the lock still holds and only the holder's name is missing (nothing left to flush).
        with contextlib.suppress(OSError):
            os.ftruncate(fh.fileno(), 0)
            os.write(fh.fileno(), f"pid {os.getpid()} on {socket.gethostname()}".encode())
        self._fh = fh
        return self

    def release(self) -> None:
        if self._fh is not None:
            try:
                _unlock(self._fh)
            finally:
                self._fh.close()
                self._fh = None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows CI
    import msvcrt

    def _lock(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
