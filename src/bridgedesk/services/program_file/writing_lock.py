"""A command that writes holds the data folder's one-instance lock, as the window does.

Without it, two imports of the same file run at once both passed their duplicate check and
both wrote (999 duplicate pairs), and ``restore`` or ``demo --force`` replaced the program
under an open window. A writing command is refused, in one sentence, while a window or
another writing command has the folder; the OS frees the lock if the holder crashes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from bridgedesk.errors import UserError
from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file.instance_lock import AlreadyRunningError, InstanceLock


@contextmanager
def holding_data_folder(paths: DataPaths, why: str) -> Iterator[None]:
    """Hold the lock for the ``with`` block; ``why`` ends the refusal's sentence."""
    try:
        lock = InstanceLock(paths.lock_file).acquire()
    except AlreadyRunningError:
        raise UserError(f"BridgeDesk is open on this data folder; close it first, {why}.") from None
    try:
        yield
    finally:
        lock.release()
