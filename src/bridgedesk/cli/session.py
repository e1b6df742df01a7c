"""Open the program for a command: the data folder from the arguments, then the database."""

from __future__ import annotations

import argparse

from bridgedesk.bootstrap import open_program, setup_logging
from bridgedesk.paths import DataPaths, resolve
from bridgedesk.services.context import ServiceContext


def data_paths(args: argparse.Namespace) -> DataPaths:
    """The data folder, its missing folders created owner-only, with the log set up in it.

    The one preparation every command shares: ``main`` calls it before any command runs,
    and calling it again is cheap. A folder that can't be written to (read-only, no
    permission, full) raises DataFolderError, one plain sentence.
    """
    paths = resolve(getattr(args, "data_dir", None)).ensure()
    setup_logging(paths)
    return paths


def open_context(args: argparse.Namespace) -> ServiceContext:
    paths = data_paths(args)
    ctx = open_program(paths, getattr(args, "database_url", None))
    # A command disposes its database only when it is done with it: record the clean
    # close then, so the next start need not read every page of the file.
    ctx.db.mark_clean_at_dispose = True
    return ctx
