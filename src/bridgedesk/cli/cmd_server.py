"""``migrate-to``: move the program from the data folder's file to a shared PostgreSQL server."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from bridgedesk.cli.session import data_paths
from bridgedesk.errors import UserError
from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import connection_settings
from bridgedesk.storage.engine import make_engine
from bridgedesk.storage.instance_lock import AlreadyRunningError, InstanceLock
from bridgedesk.storage.program_copy import CopyFailed, copy_program

PASSWORD_ENV = "PGPASSWORD"
# libpq's words when the server wants a password it was not given (or not the right one).
_PASSWORD_ASKED = ("no password supplied", "password authentication failed")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add the ``migrate-to`` subcommand."""
    p = sub.add_parser(
        "migrate-to",
        parents=[common],
        help="copy the program file into an empty PostgreSQL database and verify the copy",
        description=(
            "Copy the program file into an empty PostgreSQL database and verify the copy. "
            "Leave the password out of the URL: a command line can be read by every user "
            "of this machine (ps, shell history). BridgeDesk then takes it from PGPASSWORD "
            "or asks for it when the server wants one."
        ),
    )
    p.add_argument(
        "url",
        metavar="URL",
        help="postgresql://user@server:5432/database (a password written here is visible "
        "to other users of this machine)",
    )
    p.add_argument(
        "--use",
        action="store_true",
        help="after a verified copy, make the server the program's database from the next start",
    )
    p.set_defaults(handler=run_migrate_to)


def run_migrate_to(args: argparse.Namespace) -> int:
    paths = data_paths(args)
    if not paths.database.is_file():
        raise UserError(f"There is no program file at {paths.database} to copy.")
    url = connection_settings.parse_server_url(args.url)
    try:
        lock = InstanceLock(paths.lock_file).acquire()
    except AlreadyRunningError:
        raise UserError(
            "BridgeDesk is open on this data folder; close it first, so the program file "
            "cannot change while it is copied."
        ) from None
    try:
        return _copy(paths, _with_password(url), args.use)
    finally:
        lock.release()


def _copy(paths: DataPaths, url: URL, use: bool) -> int:
    target = url.render_as_string(hide_password=False)
    shown = connection_settings.masked(target)
    print(f"Copying {paths.database} into {shown} …")
    try:
        report = copy_program(paths.database, target)
    except CopyFailed as exc:
        if exc.connecting and isinstance(exc.__cause__, DBAPIError):
            raise UserError(connection_settings.explain_failure(exc.__cause__, url)) from exc
        raise
    for line in report.lines():  # the last line says the checksums match
        print(line)
    if use:
        connection_settings.save_url(paths, target)
        print("BridgeDesk will use the server from its next start.")
    else:
        print(
            "The file was not changed. To use the server, start BridgeDesk with "
            f"--database-url {shown}, or choose it under Database settings."
        )
    return 0


def _with_password(url: URL) -> URL:
    """The URL with a password when the server wants one and the URL has none.

    Taken from PGPASSWORD, else asked for (only on a terminal: never read from a pipe).
    A URL that already carries a password, or a server that asks for none, is left as it is.
    """
    if url.password:
        return url
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return url.set(password=from_env)
    if not _asks_for_password(url):
        return url
    if not sys.stdin.isatty():
        raise UserError(
            f"The server asks for user {url.username or '(none)'}'s password: set "
            f"{PASSWORD_ENV}, or run migrate-to in a terminal to be asked for it."
        )
    typed = getpass.getpass(f"Password for {url.username or '(none)'} on {url.host}: ")
    return url.set(password=typed)


def _asks_for_password(url: URL) -> bool:
    """Connect once without a password; True when the server's refusal is for the password."""
    engine = make_engine(url, poolclass=NullPool)
    try:
        with engine.connect():
            return False
    except DBAPIError as exc:
        message = str(exc.orig).lower()
        if any(words in message for words in _PASSWORD_ASKED):
            return True
        raise UserError(connection_settings.explain_failure(exc, url)) from None
    finally:
        engine.dispose()
