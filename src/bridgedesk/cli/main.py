"""``bridgedesk``: the GUI with no subcommand, otherwise one command-line action.

User errors print one plain sentence on stderr and exit non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from bridgedesk import __version__
from bridgedesk.cli import commands
from bridgedesk.errors import UserError

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,  # so a subcommand's copy never hides the top-level value
        help="folder holding the program database, backups and logs "
        "(default: BRIDGEDESK_DATA_DIR, else the user data folder)",
    )
    common.add_argument(
        "--database-url",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="use a shared database server instead of the file in the data folder "
        "(default: BRIDGEDESK_DATABASE_URL)",
    )
    parser = argparse.ArgumentParser(
        prog="bridgedesk",
        description="BridgeDesk: structured mentorship for international medical graduates.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"BridgeDesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in commands.REGISTRARS:
        register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            return run_gui(args)
        result: int = handler(args)
        return result
    except UserError as exc:
        print(f"bridgedesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bridgedesk: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - last line of defence: a sentence, not a traceback
        log.exception("unexpected error")
        print(
            f"bridgedesk: unexpected error ({type(exc).__name__}: {exc}); details are in the log.",
            file=sys.stderr,
        )
        return 2


def run_gui(args: argparse.Namespace) -> int:
    try:
        from bridgedesk.ui.app import run
    except ImportError:
        build_parser().print_help()
        return 0
    return run(args)


def gui_main() -> int:
    return main([])
