"""Moving the program from the data folder's file to a shared PostgreSQL server (migrate-to).

The copy runs while this process holds the data folder's one-instance lock
(:func:`holding_data_folder`), so no window can change the file under it. Asking for a password is the caller's job (a terminal prompt in the
command line); this module only says whether the server wants one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from bridgedesk.errors import UserError
from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import connection_settings, writing_lock
from bridgedesk.storage.engine import make_engine
from bridgedesk.storage.program_copy import CopyFailed, CopyReport, copy_program

# libpq's words when the server wants a password it was not given (or not the right one).
PASSWORD_ASKED = ("no password supplied", "password authentication failed")


@contextmanager
def holding_data_folder(paths: DataPaths) -> Iterator[None]:
    """Hold the data folder's one-instance lock for a copy: refused while a window is open."""
    if not paths.database.is_file():
        raise UserError(f"There is no program file at {paths.database} to copy.")
    with writing_lock.holding_data_folder(
        paths, "so the program file cannot change while it is copied"
    ):
        yield


def copy_to_server(paths: DataPaths, url: URL) -> CopyReport:
    """Copy the program file into the empty database at ``url``, verified table by table.

    Call it inside :func:`holding_data_folder`.
    """
    try:
        return copy_program(paths.database, url.render_as_string(hide_password=False))
    except CopyFailed as exc:
        if exc.connecting and isinstance(exc.__cause__, DBAPIError):
            raise UserError(connection_settings.explain_failure(exc.__cause__, url)) from exc
        raise


def server_wants_password(url: URL) -> bool:
    """Connect once without a password; True when the server's refusal is for the password."""
    engine = make_engine(url, poolclass=NullPool)
    try:
        with engine.connect():
            return False
    except DBAPIError as exc:
        message = str(exc.orig).lower()
        if any(words in message for words in PASSWORD_ASKED):
            return True
        raise UserError(connection_settings.explain_failure(exc, url)) from None
    finally:
        engine.dispose()
