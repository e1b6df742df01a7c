"""A marker beside the program file saying "BridgeDesk closed this cleanly, and it is unchanged since".

SQLite's quick_check reads every page: seconds for a large program. A file that BridgeDesk
itself closed cleanly (connections closed, write-ahead log checkpointed and emptied) and that
nobody has touched since cannot have been damaged by BridgeDesk, so start-up may skip the
page-by-page check for it. The marker ``<db>.clean`` records the file's size, modification
time (nanoseconds) and inode at that moment; any write afterwards (a crash mid-session
leaves no marker, an outside tool or a disk fault that rewrites bytes changes the mtime, a
copy or restore changes the inode, a truncation changes the size) makes the marker stale.

The marker is removed as soon as the program is opened for writing, so a crash while open
never leaves a marker that vouches for a half-written file.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
import time
from pathlib import Path

from bridgedesk.storage.backup import schema_revision

FileIdentity = tuple[int, int]  # (st_dev, st_ino), as ServiceContext.file_identity
log = logging.getLogger(__name__)

MARKER_SUFFIX = ".clean"
# A write after the marker must get a different mtime. Timestamps come from a coarse
# clock (one kernel tick, at most 10 ms), so the marker is written only once the clock is
# this far past the file's mtime; on a file system with whole-second timestamps (FAT, some
# network shares) the gap needed is two seconds, and a marker written sooner is not trusted.
FINE_GAP_NS = 20_000_000
COARSE_GAP_NS = 2_000_000_000
_SECOND_NS = 1_000_000_000


def marker_path(database: Path) -> Path:
    return database.with_name(database.name + MARKER_SUFFIX)


def _wal_path(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def _wal_is_empty(database: Path) -> bool:
    try:
        return _wal_path(database).stat().st_size == 0
    except FileNotFoundError:
        return True


def _needed_gap(mtime_ns: int) -> int:
    return COARSE_GAP_NS if mtime_ns % _SECOND_NS == 0 else FINE_GAP_NS


def _checkpoint(database: Path) -> bool:
    """Copy the write-ahead log into the file and empty it; False when another reader blocks it."""
    conn = sqlite3.connect(database, timeout=2.0)
    try:
        busy, _log_frames, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    return busy == 0 and _wal_is_empty(database)


def _identity(stat: os.stat_result) -> FileIdentity:
    return (stat.st_dev, stat.st_ino)


def record_clean_close(database: Path, expected_identity: FileIdentity | None = None) -> bool:
    """After the engine is disposed: checkpoint, then write the marker; True when written.

    ``expected_identity`` is the (st_dev, st_ino) of the file the program opened. When the
    file now at ``database`` is another one (replaced while the program ran), nothing is
    checkpointed or written: the marker would vouch for a file BridgeDesk never closed.
    None skips that check (for callers that opened the file a moment ago).
    Never raises: failing to write the marker only costs a quick_check at the next start.
    """
    try:
        if expected_identity is not None and _identity(database.stat()) != expected_identity:
            log.warning("no clean-close marker for %s: it is not the file opened", database)
            return False
    except OSError:
        return False
    forget_clean_close(database)
    try:
        if not database.is_file() or not _checkpoint(database):
            log.info("no clean-close marker for %s: the write-ahead log is in use", database)
            return False
        revision = schema_revision(database)
        stat = database.stat()
        if expected_identity is not None and _identity(stat) != expected_identity:
            log.warning("no clean-close marker for %s: it was replaced while closing", database)
            return False
        gap = _needed_gap(stat.st_mtime_ns)
        if gap == FINE_GAP_NS:
            wait_ns = stat.st_mtime_ns + gap - time.time_ns()
            if wait_ns > 0:
                time.sleep(wait_ns / _SECOND_NS)
        content = {
            "size": stat.st_size,
            "mtime_ns": stat.st_mtime_ns,
            "inode": stat.st_ino,
            "schema_revision": revision,
            "when": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "written_ns": time.time_ns(),
        }
        _write_private(marker_path(database), json.dumps(content))
    except (OSError, sqlite3.Error) as exc:
        log.warning("could not record the clean close of %s: %s", database, exc)
        forget_clean_close(database)
        return False
    return True


def _write_private(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".partial")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError:  # a full disk: leave no empty .partial behind
        tmp.unlink(missing_ok=True)
        raise


def forget_clean_close(database: Path) -> None:
    """Remove the marker: called when the file is opened for writing."""
    try:
        marker_path(database).unlink(missing_ok=True)
    except OSError as exc:  # a marker we cannot remove must not be trusted later
        log.warning("could not remove %s: %s", marker_path(database), exc)


def is_untouched_since_clean_close(database: Path) -> bool:
    """True when a marker exists and the file's size, mtime and inode still match it."""
    try:
        content = json.loads(marker_path(database).read_text(encoding="utf-8"))
        stat = database.stat()
        recorded = (int(content["size"]), int(content["mtime_ns"]), int(content["inode"]))
        written_ns = int(content["written_ns"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if recorded != (stat.st_size, stat.st_mtime_ns, stat.st_ino):
        return False
    if written_ns - recorded[1] < _needed_gap(recorded[1]):
        return False  # a later write could have kept the same coarse timestamp
    return _wal_is_empty(database)
