"""``bridgedesk``: the GUI with no subcommand, otherwise one command-line action.

User errors print one plain sentence on stderr and exit non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from bridgedesk import __version__
from bridgedesk.errors import UserError

log = logging.getLogger(__name__)
# Options every command shares; each takes one value.
COMMON_OPTIONS = ("--data-dir", "--database-url")


def common_parser() -> argparse.ArgumentParser:
    """The options shared by the GUI and every command (no help of its own)."""
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
    return common


def build_parser() -> argparse.ArgumentParser:
    """The full parser: every command group's subcommands (imports every command module)."""
    from bridgedesk.cli import commands

    common = common_parser()
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


def is_gui_start(argv: Sequence[str]) -> bool:
    """True when ``argv`` holds only the common options (with their values): start the GUI.

    Starting the window then skips building every subcommand's parser and importing every
    command module. Anything else (a command word, --help, --version, an unknown or
    incomplete option) goes to the full parser, which also reports mistakes as before.
    """
    args = list(argv)
    while args:
        word = args.pop(0)
        if any(word.startswith(f"{name}=") for name in COMMON_OPTIONS):
            continue
        if word in COMMON_OPTIONS and args and not args[0].startswith("-"):
            args.pop(0)
            continue
        return False
    return True


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    words = sys.argv[1:] if argv is None else list(argv)
    if is_gui_start(words):
        return common_parser().parse_args(words)
    return build_parser().parse_args(words)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
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
