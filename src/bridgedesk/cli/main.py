"""``bridgedesk``: the GUI with no subcommand, otherwise one command-line action.

User errors print one plain sentence on stderr and exit 1, never a traceback; an
unexpected error prints one sentence naming the log and exits 2 (the log gets its type and
BridgeDesk's own frames, never its message, see :mod:`bridgedesk.logs`).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bridgedesk import __version__, logs
from bridgedesk.errors import UserError, os_error_sentence

if TYPE_CHECKING:
    from bridgedesk.paths import DataPaths

log = logging.getLogger(__name__)
# The exit code when whoever reads the output stops early (a closed pipe): 128 + SIGPIPE,
# what a shell reports for a program ended by a broken pipe. See README, "Command line".
EXIT_READER_GONE = 141
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
    where = _where(args)
    try:
        if handler is None:
            code = run_gui(args)
        else:
            from bridgedesk.cli.session import data_paths

            paths = data_paths(args)  # every command: the data folder and its log, set up one way
            if getattr(args, "on_chosen_database", True):
                _name_the_server(args, paths)
            code = handler(args)
        if sys.stdout is not None:  # None in a windowed start (pythonw)
            sys.stdout.flush()  # a reader that went away (| head) shows here, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except UserError as exc:
        if logs.log_file_in_use() is not None:
            logs.log_user_error(log, exc, where)
        print(f"bridgedesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bridgedesk: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    except OSError as exc:
        sentence = os_error_sentence(exc, _what_was_written(args, exc))
        if sentence is None:
            return _unexpected(exc, where)
        if logs.log_file_in_use() is not None:
            log.warning("%s %s", logs.describe(exc), where)
        print(f"bridgedesk: {sentence}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - last line of defence: a sentence, not a traceback
        return _unexpected(exc, where)


def _name_the_server(args: argparse.Namespace, paths: DataPaths) -> None:
    """A command on a shared server says which one first (password masked), then makes sure
    this BridgeDesk has the driver for it: without it, one sentence says what to install.
    """
    from bridgedesk.services.program_file import connection_settings

    server = connection_settings.chosen_server(paths, getattr(args, "database_url", None))
    if server is None:
        return
    print(f"Server database: {connection_settings.masked(server)}", flush=True)
    connection_settings.require_driver(server)


def _what_was_written(args: argparse.Namespace, exc: OSError) -> str:
    """The file a failed write was for, in words: the error's own, else the command's output."""
    target = exc.filename or getattr(args, "out", None)
    if target is None and getattr(args, "command", None) == "export":
        target = getattr(args, "file", None)
    return f"the file {target}" if target else "the file being written"


def _where(args: argparse.Namespace) -> str:
    words = [getattr(args, name, None) for name in ("command", "what")]
    named = " ".join(word for word in words if isinstance(word, str))
    return f"in command {named}" if named else "starting the window"


def _unexpected(exc: Exception, where: str) -> int:
    """Log the type and our own frames (never the message: SQL, rows, names); say where."""
    log_file = logs.log_file_in_use()
    if log_file is not None:
        logs.log_unexpected(log, exc, where)
        details = f"the details are in {log_file}"
    else:
        details = "no log could be written"
    print(
        f"bridgedesk: something unexpected went wrong ({type(exc).__name__}); {details}.",
        file=sys.stderr,
    )
    return 2


def _reader_gone() -> int:
    """The program reading our output stopped early (``bridgedesk backup --list | head -1``).

    The Python documentation's recipe: point stdout at devnull, so the flush at exit cannot
    fail a second time, and exit quietly with EXIT_READER_GONE (141, what a shell reports
    for a program ended by SIGPIPE).
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is no real file (a test's capture): nothing to do
        pass
    return EXIT_READER_GONE


def run_gui(args: argparse.Namespace) -> int:
    try:
        from bridgedesk.ui.app import run
    except ImportError:
        build_parser().print_help()
        return 0
    return run(args)


def gui_main() -> int:
    return main([])
