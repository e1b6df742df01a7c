"""The report preview's temporary PDFs: one private folder per running BridgeDesk.

A preview holds personal data, so it must not outlive the window: the folder is removed
when BridgeDesk quits, and folders left by a BridgeDesk that crashed (its process is gone)
are removed at the next start. The folder name carries the process id for that.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

PREFIX = "bridgedesk-report-"
WINDOWS_STALE_AFTER = dt.timedelta(days=1)  # no cheap, safe liveness check of a pid there


def new_folder() -> tempfile.TemporaryDirectory[str]:
    """A private (0700) temporary folder named after this process."""
    return tempfile.TemporaryDirectory(prefix=f"{PREFIX}{os.getpid()}-")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: is it there? (POSIX only; on Windows 0 is CTRL_C_EVENT)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: not ours to judge
    return True


def remove_stale(root: Path | None = None) -> list[Path]:
    """Remove preview folders whose BridgeDesk is no longer running; return what went."""
    root = root or Path(tempfile.gettempdir())
    removed = []
    for folder in root.glob(f"{PREFIX}*"):
        with contextlib.suppress(OSError):
            if not folder.is_dir() or folder.stat().st_uid != os.getuid():
                continue
        pid_text = folder.name[len(PREFIX) :].split("-", 1)[0]
        if sys.platform == "win32" or not pid_text.isdigit():
            age = time.time() - folder.stat().st_mtime
            stale = age > WINDOWS_STALE_AFTER.total_seconds()
        else:
            stale = int(pid_text) != os.getpid() and not _alive(int(pid_text))
        if stale:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed
