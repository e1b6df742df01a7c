"""``bridgedesk import roster FILE`` and ``bridgedesk export roster FILE``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from bridgedesk.cli.session import data_paths, open_context


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add the ``import`` and ``export`` groups, each with its ``roster`` command."""
    importing = sub.add_parser("import", help="bring records in from a file")
    import_sub = importing.add_subparsers(dest="what", metavar="WHAT", required=True)
    roster_in = import_sub.add_parser(
        "roster",
        parents=[common],
        help="add mentees from a CSV or XLSX file (all rows or none)",
    )
    roster_in.add_argument("file", metavar="FILE", type=Path, help="the .csv or .xlsx file to read")
    roster_in.add_argument(
        "--dry-run", action="store_true", help="check every row and report, but write nothing"
    )
    roster_in.set_defaults(handler=run_import_roster)

    exporting = sub.add_parser("export", help="write records out to a file")
    export_sub = exporting.add_subparsers(dest="what", metavar="WHAT", required=True)
    roster_out = export_sub.add_parser(
        "roster", parents=[common], help="write every mentee to a .csv or .xlsx file"
    )
    roster_out.add_argument("file", metavar="FILE", type=Path, help="FILE.csv or FILE.xlsx")
    roster_out.set_defaults(handler=run_export_roster)


def run_import_roster(args: argparse.Namespace) -> int:
    from bridgedesk.services.importing.with_backup import import_with_backup

    ctx = open_context(args)
    try:
        outcome = import_with_backup(
            ctx, data_paths(args), args.file, dt.date.today(), dry_run=args.dry_run
        )
    finally:
        ctx.db.dispose()
    result = outcome.result
    assert result is not None  # nothing asks to stop before writing here
    noun = "mentee" if result.count == 1 else "mentees"
    if result.dry_run:
        print(f"Would import {result.count} {noun}; nothing was written.")
    else:
        print(f"Imported {result.count} {noun}.")
        if result.sites_created:
            print(f"New sites: {', '.join(result.sites_created)}.")
        if outcome.backup is not None:
            print(f"A backup was taken before the import: {outcome.backup}")
            if outcome.backup_warning:
                print(outcome.backup_warning)
    if result.ignored_columns:
        print(f"Ignored columns: {', '.join(result.ignored_columns)}.")
    return 0


def run_export_roster(args: argparse.Namespace) -> int:
    from bridgedesk.services.mentees.roster_export import export_roster

    ctx = open_context(args)
    try:
        count = export_roster(ctx, args.file)
    finally:
        ctx.db.dispose()
    noun = "mentee" if count == 1 else "mentees"
    print(f"Exported {count} {noun} to {args.file}.")
    print("This file holds personnel data: keep it private and delete it when done.")
    return 0
