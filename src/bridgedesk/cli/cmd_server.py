"""``migrate-to``: move the program from the data folder's file to a shared PostgreSQL server."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from sqlalchemy.engine import URL

from bridgedesk.cli.session import data_paths
from bridgedesk.errors import UserError
from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import connection_settings, server_move

PASSWORD_ENV = "PGPASSWORD"


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
    # It names its own target (the URL), whatever database the program is set to use.
    p.set_defaults(handler=run_migrate_to, on_chosen_database=False)


def run_migrate_to(args: argparse.Namespace) -> int:
    paths = data_paths(args)
    url = connection_settings.parse_server_url(args.url)
    with server_move.holding_data_folder(paths):
        return _copy(paths, _with_password(url), args.use)


def _copy(paths: DataPaths, url: URL, use: bool) -> int:
    target = url.render_as_string(hide_password=False)
    shown = connection_settings.masked(target)
    print(f"Copying {paths.database} into {shown} …")
    report = server_move.copy_to_server(paths, url)
    for line in report.lines():  # the last line says the checksums match
        print(line)
    if use:
        note = connection_settings.save_url(paths, target)
        print("BridgeDesk will use the server from its next start.")
        if note:
            print(note)
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
    if not server_move.server_wants_password(url):
        return url
    if not sys.stdin.isatty():
        raise UserError(
            f"The server asks for user {url.username or '(none)'}'s password: set "
            f"{PASSWORD_ENV}, or run migrate-to in a terminal to be asked for it."
        )
    typed = getpass.getpass(f"Password for {url.username or '(none)'} on {url.host}: ")
    return url.set(password=typed)
