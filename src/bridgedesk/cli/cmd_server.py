"""``migrate-to``: move the program from the data folder's file to a shared PostgreSQL server."""

from __future__ import annotations

import argparse

from bridgedesk.cli.session import data_paths
from bridgedesk.services import connection_settings
from bridgedesk.storage.program_copy import copy_program


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add the ``migrate-to`` subcommand."""
    p = sub.add_parser(
        "migrate-to",
        parents=[common],
        help="copy the program file into an empty PostgreSQL database and verify the copy",
    )
    p.add_argument("url", metavar="URL", help="postgresql://user:password@server:5432/database")
    p.add_argument(
        "--use",
        action="store_true",
        help="after a verified copy, make the server the program's database from the next start",
    )
    p.set_defaults(handler=run_migrate_to)


def run_migrate_to(args: argparse.Namespace) -> int:
    paths = data_paths(args)
    target = connection_settings.parse_server_url(args.url).render_as_string(hide_password=False)
    shown = connection_settings.masked(target)
    print(f"Copying {paths.database} into {shown} …")
    report = copy_program(paths.database, target)
    for line in report.lines():  # the last line says the checksums match
        print(line)
    if args.use:
        connection_settings.save_url(paths, target)
        print("BridgeDesk will use the server from its next start.")
    else:
        print(
            "The file was not changed. To use the server, start BridgeDesk with "
            f"--database-url {shown}, or choose it under Database settings."
        )
    return 0
