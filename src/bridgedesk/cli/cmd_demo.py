"""``demo``: fill the program with a realistic demo program (refuses real data without --force)."""

from __future__ import annotations

import argparse
import datetime as dt

from bridgedesk.cli.session import open_context
from bridgedesk.services.demo import generate_demo


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
    ctx = open_context(args)
    try:
        summary = generate_demo(
            ctx, today=dt.date.today(), mentees=args.mentees, seed=args.seed, force=args.force
        )
    finally:
        ctx.db.dispose()
    print(summary.line())
    return 0
