"""Open the program's database: engine, migration to head, session factory."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from bridgedesk.errors import DatabaseError
from bridgedesk.paths import make_private
from bridgedesk.storage import backup, clean_close, db_errors, migrate, quick_check_ahead
from bridgedesk.storage.engine import make_engine, make_session_factory, sqlite_file, sqlite_url


@dataclass
class Database:
    """The engine and session factory of one open program database."""

    engine: Engine
    sessions: sessionmaker[Session] = field(init=False)
    path: Path | None = None
    # Set by callers that dispose only when the program is done with the file (the CLI):
    # dispose then checkpoints and records the clean close, sparing the next start a check.
    mark_clean_at_dispose: bool = False
    # (st_dev, st_ino) of the file as opened: a clean close is recorded only for that file
    opened_identity: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        self.sessions = make_session_factory(self.engine)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()
        if self.mark_clean_at_dispose and self.path is not None:
            self.mark_clean_at_dispose = False
            clean_close.record_clean_close(self.path, self.opened_identity)


# What stops a migration without the file being at fault: said as it is, not as "damaged".
NOT_THE_FILES_FAULT = (db_errors.LOCKED, db_errors.DISK_FULL, db_errors.READ_ONLY)


def open_sqlite(path: Path, before_migration: Callable[[], object] | None = None) -> Database:
    """Open (creating if needed) a SQLite program file and migrate it to head."""
    is_new = not path.exists() or path.stat().st_size == 0
    if not is_new:
        _refuse_unusable_file(path)
    _just_checked.pop(_key(path), None)
    clean_close.forget_clean_close(path)  # a crash from here on must leave no marker
    engine = make_engine(sqlite_url(path))
    try:
        migrate.upgrade(engine, before_migration)
    except SADatabaseError as exc:
        engine.dispose()
        # locked by another program, a full disk, a read-only folder: say that, not "damaged"
        translated = db_errors.translate(exc, path)
        if translated is not None and str(translated) in NOT_THE_FILES_FAULT:
            raise translated from exc
        raise DatabaseError(
            f"{path.name} is damaged or is not a BridgeDesk database ({exc.orig}); it was left untouched."
        ) from exc
    except DatabaseError:
        engine.dispose()
        raise
    if is_new:
        make_private(path)
    opened = path.stat()
    return Database(engine=engine, path=path, opened_identity=(opened.st_dev, opened.st_ino))


def _refuse_unusable_file(path: Path) -> None:
    """Check an existing file read-only, before any pragma can write to it."""
    problems = startup_problems(path)
    if problems and problems[0].endswith(NOT_OURS):
        raise DatabaseError(f"{path.name} is a database, but {NOT_OURS}; it was left untouched.")
    if problems:
        raise DatabaseError(
            f"{path.name} is damaged or is not a BridgeDesk database ({problems[0]}); "
            "it was left untouched."
        )


NOT_OURS = "not a BridgeDesk database"
# (inode, size, mtime_ns, wal size, wal mtime_ns) of files whose quick_check passed in this
# process and that have not been opened since: the GUI checks before opening, and
# open_sqlite must not read every page a second time.
_just_checked: dict[str, tuple[int, ...]] = {}


def _key(path: Path) -> str:
    return os.path.abspath(path)


_signature = quick_check_ahead.signature


def startup_problems(path: Path) -> list[str]:
    """What stops BridgeDesk from opening ``path``; empty when it may be opened.

    Always the cheap checks (the header, the length the header promises, "is this a
    BridgeDesk database"). SQLite's quick_check, which reads every page, runs only when the
    file is not untouched since BridgeDesk closed it cleanly (after a crash, an outside
    change, or with no marker), and at most once per start. The full integrity and
    foreign-key checks are for backups and ``bridgedesk check``, never for opening.
    A file from a newer BridgeDesk passes here; migration refuses it.
    """
    path = Path(path)
    problems = backup.header_problems(path)
    if problems:
        return problems
    signature = _signature(path)
    vouched = _just_checked.pop(_key(path), None) == signature
    ahead = quick_check_ahead.take(path, signature)  # started early by the GUI, if at all
    if not vouched and not clean_close.is_untouched_since_clean_close(path):
        if ahead is None:
            ahead = backup.integrity_problems(path, quick=True, foreign_keys=False)
        problems = ahead
        if problems:
            return problems
        if _signature(path) == signature:
            _just_checked[_key(path)] = signature
    return _identity_problems(path)


def _identity_problems(path: Path) -> list[str]:
    try:
        if backup.schema_revision(path) is None and backup.user_tables(path):
            return [f"{path.name} is a database, but {NOT_OURS}"]
    except sqlite3.DatabaseError as exc:
        return [f"{path.name} is damaged: {exc}"]
    return []


def open_url(url: str, before_migration: Callable[[], object] | None = None) -> Database:
    """Open a database by URL (PostgreSQL for a shared program) and migrate it to head.

    A ``sqlite:///FILE`` URL gets the checks the data folder's file gets, read-only and
    before the engine's first connection switches the file to WAL: a damaged or foreign
    file is refused and stays byte for byte as it was.
    """
    existing = sqlite_file(url)
    if existing is not None and existing.is_file() and existing.stat().st_size > 0:
        _refuse_unusable_file(existing)
        _just_checked.pop(_key(existing), None)
    engine = make_engine(url)
    migrate.upgrade(engine, before_migration)
    return Database(engine=engine)
