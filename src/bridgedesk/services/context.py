"""What every service is built with: the open database and who is acting."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bridgedesk.services import audit  # noqa: F401 - registers the audit listener on Session
from bridgedesk.storage.database import Database


def current_os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some systems; still audit something
        return "unknown"


@dataclass
class ServiceContext:
    db: Database
    actor: str = ""

    def __post_init__(self) -> None:
        if not self.actor:
            self.actor = current_os_user()

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error.

        The session carries the actor so the audit listener can record who changed what.
        """
        with self.db.sessions.begin() as session:
            session.info["actor"] = self.actor
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.db.sessions() as session:
            yield session
