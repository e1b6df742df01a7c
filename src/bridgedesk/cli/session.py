"""Open the program for a command: the data folder from the arguments, then the database."""

from __future__ import annotations

import argparse

from bridgedesk.bootstrap import open_program, setup_logging
from bridgedesk.paths import DataPaths, resolve
from bridgedesk.services.context import ServiceContext


def data_paths(args: argparse.Namespace) -> DataPaths:
    return resolve(getattr(args, "data_dir", None)).ensure()


def open_context(args: argparse.Namespace) -> ServiceContext:
    paths = data_paths(args)
    setup_logging(paths)
    ctx = open_program(paths, getattr(args, "database_url", None))
    # A command disposes its database only when it is done with it: record the clean
    # close then, so the next start need not read every page of the file.
    ctx.db.mark_clean_at_dispose = True
    return ctx
