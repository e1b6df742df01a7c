"""What every service is built with: the open database and who is acting."""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from bridgedesk.errors import DatabaseError
from bridgedesk.services.history import audit  # noqa: F401 - registers the audit listener on Session
from bridgedesk.storage import db_errors
from bridgedesk.storage.database import Database

FileIdentity = tuple[int, int]  # (st_dev, st_ino)


def current_os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some systems; still audit something
        return "unknown"


@dataclass
class ServiceContext:
    db: Database
    actor: str = ""
    file_identity: FileIdentity | None = field(default=None, init=False, repr=False)
    # True when the caller named the actor; otherwise history.acting_person may name the
    # program director in place of the computer's login name.
    actor_named: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self.actor_named = bool(self.actor)
        if not self.actor:
            self.actor = current_os_user()
        self.remember_file()

    def remember_file(self) -> None:
        """Note which file the SQLite database is, to notice it being removed or replaced.

        Call again after BridgeDesk itself replaced the file (a restore) and reconnected.
        """
        if self.db.path is None:
            return
        try:
            st = os.stat(self.db.path)
        except OSError:
            self.file_identity = None
            return
        self.file_identity = (st.st_dev, st.st_ino)

    def _refuse_if_file_changed(self) -> None:
        """One stat per unit of work: SQLite would write to an unlinked file and lose it."""
        if self.db.path is None or self.file_identity is None:
            return
        try:
            st = os.stat(self.db.path)
        except OSError:
            raise DatabaseError(db_errors.FILE_GONE) from None
        if (st.st_dev, st.st_ino) != self.file_identity:
            raise DatabaseError(db_errors.FILE_GONE)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error.

        The session carries the actor so the audit listener can record who changed what.
        A full disk, a read-only folder, a removed file or a lost server comes out as one
        plain-words DatabaseError; every other error keeps its type.
        """
        self._refuse_if_file_changed()
        try:
            with self.db.sessions.begin() as session:
                session.info["actor"] = self.actor
                yield session
        except Exception as exc:
            translated = db_errors.translate(exc, self.db.path)
            if translated is None:
                raise
            raise translated from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self.db.sessions() as session:
                yield session
        except Exception as exc:
            translated = db_errors.translate(exc, self.db.path)
            if translated is None:
                raise
            raise translated from exc
