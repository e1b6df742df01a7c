"""Run the start-up quick_check in a background thread while the GUI's modules import.

SQLite's quick_check reads every page (a tenth of a second for 1,000 mentees, about a second
for 10,000) and runs only when the file is not untouched since a clean close. It is C code
that releases the GIL, while importing Qt and SQLAlchemy is Python work that holds it, so on
two cores the two overlap almost fully. :func:`start` is called first thing in the GUI's
start-up; :func:`take` hands the answer to the ordinary check
(:func:`bridgedesk.storage.database.startup_problems`), which still decides everything.

Safety: the answer counts only for the file as it was while checked. The file's signature
(inode, size, mtime, and the write-ahead log's) is taken before and after the check and must
equal the signature when the answer is taken; any write in between makes :func:`take` return
None and the check runs again as before. Only the standard library and the read-only checks
of :mod:`bridgedesk.storage.backup` are imported here, so starting it costs nothing.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from bridgedesk.storage import backup, clean_close


@dataclass
class _Ahead:
    thread: threading.Thread | None = None
    signature: tuple[int, ...] | None = None
    problems: list[str] | None = None


_pending: dict[str, _Ahead] = {}
_guard = threading.Lock()


def signature(path: Path) -> tuple[int, ...]:
    """(inode, size, mtime_ns, wal size, wal mtime_ns): changes with any write to the file."""
    stat = path.stat()
    wal = path.with_name(path.name + "-wal")
    wal_stat = wal.stat() if wal.exists() else None
    if wal_stat is None or wal_stat.st_size == 0:  # a read-only check may create an empty one
        return (stat.st_ino, stat.st_size, stat.st_mtime_ns, 0, 0)
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, wal_stat.st_size, wal_stat.st_mtime_ns)


def _key(path: Path) -> str:
    return os.path.abspath(path)


def start(path: Path) -> bool:
    """Begin the quick_check of ``path`` in the background when start-up will need it.

    Not needed (False): no file or an empty one, a file failing the cheap header checks
    (the ordinary check reports those itself), or one untouched since a clean close.
    """
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
    except OSError:
        return False
    if backup.header_problems(path) or clean_close.is_untouched_since_clean_close(path):
        return False
    with _guard:
        if _key(path) in _pending:
            return True
        ahead = _Ahead()
        ahead.thread = threading.Thread(
            target=_check, args=(path, ahead), name="quick-check-ahead", daemon=True
        )
        _pending[_key(path)] = ahead
    ahead.thread.start()
    return True


def _check(path: Path, ahead: _Ahead) -> None:
    try:
        before = signature(path)
        problems = backup.integrity_problems(path, quick=True, foreign_keys=False)
        if signature(path) == before:
            ahead.signature, ahead.problems = before, problems
    except Exception:  # noqa: BLE001 - any failure only means the check runs again in line
        ahead.signature = ahead.problems = None


def take(path: Path, current_signature: tuple[int, ...]) -> list[str] | None:
    """The background check's problems for ``path`` (empty: it passed), waiting for it to end.

    None when no check was started, or when the file is no longer the file that was checked.
    Each answer is given once.
    """
    with _guard:
        ahead = _pending.pop(_key(path), None)
    if ahead is None or ahead.thread is None:
        return None
    ahead.thread.join()
    if ahead.signature is None or ahead.signature != current_signature:
        return None
    return ahead.problems
