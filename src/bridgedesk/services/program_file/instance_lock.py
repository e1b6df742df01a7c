"""One BridgeDesk per data folder.

An OS-level lock on ``bridgedesk.lock`` (fcntl on POSIX, msvcrt on Windows) is released by
the kernel when the process dies, so a crash never leaves a lock that blocks the next start;
the file also records the holder's PID and host for the message shown to a second instance.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from typing import IO

from bridgedesk.errors import UserError


class AlreadyRunningError(UserError):
    """Another BridgeDesk has this data folder open."""


class InstanceLock:
    def __init__(self, path: Path):
        self.path = path
        self._fh: IO[str] | None = None

    def acquire(self) -> InstanceLock:
        fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the app's life
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
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} on {socket.gethostname()}")
        fh.flush()
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
