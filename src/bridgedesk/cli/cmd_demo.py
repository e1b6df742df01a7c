"""``demo``: fill the program with a realistic demo program (refuses real data without --force)."""

from __future__ import annotations

import argparse
import datetime as dt

from bridgedesk.cli.session import data_paths, open_context
from bridgedesk.services.demo.replacing import fill_with_demo
from bridgedesk.services.program_file import connection_settings
from bridgedesk.services.program_file.writing_lock import holding_data_folder


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add the ``demo`` subcommand."""
    p = sub.add_parser("demo", parents=[common], help="fill the program with realistic demo data")
    p.add_argument(
        "--mentees", type=int, default=24, metavar="N", help="how many mentees (default 24)"
    )
    p.add_argument(
        "--seed", type=int, default=1, metavar="S", help="random seed; same seed, same data"
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="replace the mentees and mentors already in the program",
    )
    p.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    paths = data_paths(args)
    with holding_data_folder(paths, "then fill it with demo data again"):
        ctx = open_context(args)
        try:
            outcome = fill_with_demo(
                ctx,
                paths,
                today=dt.date.today(),
                mentees=args.mentees,
                seed=args.seed,
                force=args.force,
                server_url=connection_settings.chosen_url(
                    paths, getattr(args, "database_url", None)
                ),
            )
        finally:
            ctx.db.dispose()
    if outcome.backup is not None:
        print(f"The program it replaced was backed up first: {outcome.backup}")
    print(outcome.summary.line())
    return 0
