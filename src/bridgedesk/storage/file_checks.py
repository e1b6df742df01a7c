"""Read-only checks of a SQLite program file: is it whole, is it sound, what does it hold.

Kept apart from the snapshots that use them because start-up, the quick check ahead, the
CLI's ``check`` and every backup and restore all ask the same questions of a file, and none
of those questions may ever write to it (each opens the file with ``mode=ro``).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"


def readonly_uri(path: Path) -> str:
    """A SQLite URI that opens ``path`` read-only, whatever characters its folder name has."""
    return Path(os.path.abspath(path)).as_uri() + "?mode=ro"


def header_problems(path: Path) -> list[str]:
    """Cheap checks that read only the first 100 bytes; an empty list means they passed.

    Is it a SQLite file, is its page size one SQLite can write, and (when no write-ahead
    log is pending) is the file as long as its header says: a truncated copy fails here
    without reading a single page. Run at every start, before any deeper check.
    """
    if not path.exists():
        return [f"{path.name} does not exist"]
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except OSError as exc:
        return [f"{path.name} cannot be read: {exc.strerror}"]
    if header[:16] != SQLITE_MAGIC:
        return [f"{path.name} is not a database file"]
    if len(header) < 100:
        return [f"{path.name} is damaged: its header is cut short"]
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return [f"{path.name} is damaged: its page size ({page_size}) is impossible"]
    pages = int.from_bytes(header[28:32], "big")
    header_size_valid = header[24:28] == header[92:96] and pages > 0
    wal = Path(str(path) + "-wal")
    wal_pending = wal.exists() and wal.stat().st_size > 0
    if header_size_valid and not wal_pending and size < pages * page_size:
        return [
            f"{path.name} is damaged: it is {size} bytes long, "
            f"but its header says {pages * page_size} (the file was cut short)"
        ]
    return []


def integrity_problems(
    path: Path, quick: bool = False, foreign_keys: bool = True, in_use: bool = False
) -> list[str]:
    """Run SQLite's integrity check read-only; an empty list means the file is sound.

    ``quick`` runs ``PRAGMA quick_check`` (no index-content cross-check) instead of the
    full check; ``foreign_keys=False`` leaves out the broken-link scan. Start-up runs the
    quick check alone, and only after a crash or an outside change (see clean_close); the
    full check with links is kept for backups, restores and ``bridgedesk check``.

    ``in_use``: this process may have the file open through SQLite (the window's engine).
    Then the header is not read with a plain ``open()``: closing that second descriptor
    would drop every POSIX lock this process holds on the file, SQLite's included, and the
    next program to close the file would think itself the last one and delete the
    write-ahead log under the window (whose later saves others would then never see).
    SQLite's own check reads the file through its shared descriptor instead.
    """
    if in_use:
        if not path.is_file():
            return [f"{path.name} does not exist"]
    else:
        problems = header_problems(path)
        if problems:
            return problems
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            pragma = "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
            rows = conn.execute(pragma).fetchall()
            fk = conn.execute("PRAGMA foreign_key_check").fetchall() if foreign_keys else []
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [f"{path.name} is damaged: {exc}"]
    problems = [row[0] for row in rows if row[0] != "ok"]
    problems += [f"broken link in table {row[0]} (row {row[1]})" for row in fk]
    return problems


def mentee_count(path: Path) -> int | None:
    """How many mentees a program file holds, read-only; None when it cannot be read."""
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            row = conn.execute("SELECT count(*) FROM mentees").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return int(row[0]) if row else None


def schema_revision(path: Path) -> str | None:
    """The Alembic revision stored in a program file, or None if it has none."""
    conn = sqlite3.connect(readonly_uri(path), uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def content_fingerprint(path: Path) -> tuple[object, ...] | None:
    """What identifies a program's content cheaply: its revision and its audit trail's end.

    Every change BridgeDesk saves writes audit rows, so two files with the same revision and
    the same count and last id of audit rows hold the same program. None when unreadable.
    """
    conn = sqlite3.connect(readonly_uri(path), uri=True)
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        audit = conn.execute("SELECT count(*), max(id) FROM audit_log").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return (revision[0] if revision else None, *audit)


def user_tables(path: Path) -> list[str]:
    """Names of the tables in a file (SQLite's own left out), read-only."""
    conn = sqlite3.connect(readonly_uri(path), uri=True)
    try:
        rows = conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]
