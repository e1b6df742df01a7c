"""``bridgedesk import roster FILE`` and ``bridgedesk export roster FILE``."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from bridgedesk.cli.session import data_paths, open_context
from bridgedesk.errors import UserError
from bridgedesk.services.program_file.writing_lock import holding_data_folder

if TYPE_CHECKING:
    from bridgedesk.services.importing.preview import ImportProblem
    from bridgedesk.services.importing.readers import SourceFormat
    from bridgedesk.services.importing.roster_import import ImportResult


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
    roster_in.add_argument(
        "--encoding",
        metavar="NAME",
        help="the CSV file's text encoding, e.g. cp1251, koi8-r, euc-jp, euc-kr or gbk "
        "(default: UTF-8 or Windows-1252, detected; other encodings are refused unless named)",
    )
    roster_in.add_argument(
        "--sheet",
        metavar="NAME",
        help="the workbook's sheet holding the roster (default: the first)",
    )
    roster_in.add_argument(
        "--plan-from",
        choices=("today", "start"),
        default="today",
        help="plan each new mentee's check-ins and milestones from today (default: nothing "
        "already past is planned) or from the start date (past items too, to log them late)",
    )
    roster_in.add_argument(
        "--create-sites",
        action="store_true",
        help="create the sites the file names that the program does not have yet (a dry run "
        "lists them; without this the import refuses, so a typo never becomes a site)",
    )
    roster_in.add_argument(
        "--errors",
        metavar="FILE",
        type=Path,
        help="write every problem found to this .csv file (line, column, problem)",
    )
    roster_in.set_defaults(handler=run_import_roster)

    exporting = sub.add_parser("export", help="write records out to a file")
    export_sub = exporting.add_subparsers(dest="what", metavar="WHAT", required=True)
    roster_out = export_sub.add_parser(
        "roster", parents=[common], help="write every mentee to a .csv or .xlsx file"
    )
    roster_out.add_argument("file", metavar="FILE", type=Path, help="FILE.csv or FILE.xlsx")
    roster_out.set_defaults(handler=run_export_roster)
    calendar_out = export_sub.add_parser(
        "calendar",
        parents=[common],
        help="write check-ins, milestones and deadlines to an .ics file (Outlook, Thunderbird)",
    )
    calendar_out.add_argument("file", metavar="FILE", type=Path, help="FILE.ics")
    calendar_out.add_argument(
        "--mentee", metavar="NAME_OR_ID", help="only this mentee (id or part of a name)"
    )
    calendar_out.set_defaults(handler=run_export_calendar)


def run_import_roster(args: argparse.Namespace) -> int:
    from bridgedesk.services.importing.with_backup import import_with_backup
    from bridgedesk.services.timeline.schedule import PlanFrom

    if args.errors is not None:
        _check_errors_file(args.errors, args.file)
    # A real import holds the data folder as the window does: never two at once (a dry run
    # only reads, so it may run beside the window).
    held = (
        contextlib.nullcontext()
        if args.dry_run
        else holding_data_folder(data_paths(args), "then import again")
    )
    with held:
        ctx = open_context(args)
        try:
            outcome = import_with_backup(
                ctx,
                data_paths(args),
                args.file,
                dt.date.today(),
                dry_run=args.dry_run,
                encoding=args.encoding,
                sheet=args.sheet,
                plan_from=PlanFrom(args.plan_from),
                create_sites=args.create_sites,
            )
        except UserError as exc:
            raise _refusal(exc, args) from None
        finally:
            ctx.db.dispose()
    if args.errors is not None:
        _write_errors(args, [])  # a list from an earlier run must not stay behind
    result = outcome.result
    assert result is not None  # nothing asks to stop before writing here
    print(_source_line(result))
    noun = "mentee" if result.count == 1 else "mentees"
    if result.dry_run:
        print(f"Would import {result.count} {noun}; nothing was written.")
        if result.new_sites:
            word = "row" if result.source.sheet else "line"
            listed = "; ".join(site.describe(word) for site in result.new_sites)
            print(f"Sites the program does not have yet: {listed}.")
            print("Correct them in the file, or import with --create-sites to create them.")
    else:
        print(f"Imported {result.count} {noun}.")
        if result.sites_created:
            print(f"New sites: {', '.join(result.sites_created)}.")
        if result.planned is not None and result.planned.mentees:
            planned = result.planned
            print(
                f"Planned {planned.checkins} check-ins and {planned.milestones} milestones "
                f"for {planned.mentees} active {'mentee' if planned.mentees == 1 else 'mentees'} "
                f"{result.plan_from.words} (schedule version {planned.version})."
            )
        if outcome.backup is not None:
            print(f"A backup was taken before the import: {outcome.backup}")
            if outcome.backup_warning:
                print(outcome.backup_warning)
    if result.ignored_columns:
        print(f"Ignored columns: {', '.join(result.ignored_columns)}.")
    for note in result.date_notes:
        print(note)
    return 0


def _source_line(result: ImportResult) -> str:
    """How the file was read: its encoding (CSV) or sheet (workbook), and the first name."""
    line = _how_read(result.source)
    if result.first_mentee:
        line += f'; the first mentee reads "{result.first_mentee}"'
    return line + "."


def _how_read(source: SourceFormat) -> str:
    """'Read as KOI8-R (Russian) text' or 'Read the sheet "Roster" (...)'."""
    from bridgedesk.services.importing.readers import quoted

    if not source.sheet:
        return f"Read as {source.encoding} text"
    line = f'Read the sheet "{source.sheet}"'
    if len(source.sheets) > 1:
        line += f" (the workbook's sheets are {quoted(source.sheets)})"
    return line


def _check_errors_file(errors: Path, roster: Path) -> None:
    """The problem list never overwrites the roster, the program file or anything not CSV."""
    if errors.suffix.lower() != ".csv":
        raise UserError(f"The --errors file must end in .csv, not {errors.name!r}.")
    if errors.resolve() == roster.resolve():
        raise UserError("The --errors file must not be the roster file being imported.")


def _write_errors(args: argparse.Namespace, problems: list[ImportProblem]) -> None:
    from bridgedesk.services.importing.preview import write_problems
    from bridgedesk.services.importing.readers import is_workbook

    word = "row" if is_workbook(args.file) else "line"
    write_problems(args.errors, problems, word)


def _refusal(exc: UserError, args: argparse.Namespace) -> UserError:
    """The import's refusal: for bad rows, how the file was read and where every problem was
    written (or how to get them all)."""
    from bridgedesk.services.importing.preview import problems_of
    from bridgedesk.services.importing.roster_import import MAX_LISTED, ImportRejected

    lines = [str(exc)]
    if isinstance(exc, ImportRejected):
        lines.append(_how_read(exc.source) + ".")
    if args.errors is not None:
        problems = problems_of(exc)
        noun = "problem is" if len(problems) == 1 else f"{len(problems)} problems are"
        try:
            _write_errors(args, problems)
            lines.append(f"The {noun} listed in {args.errors}.")
        except UserError as failed:
            lines.append(str(failed))
    elif isinstance(exc, ImportRejected) and len(exc.bad_rows) > MAX_LISTED:
        lines.append("To get every problem in a file, add --errors FILE.csv.")
    return exc if len(lines) == 1 else UserError("\n".join(lines))


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


def run_export_calendar(args: argparse.Namespace) -> int:
    from bridgedesk.services.calendar.ics_export import export_calendar
    from bridgedesk.services.mentees.roster import RosterService

    if args.file.suffix.lower() != ".ics":
        raise UserError(f"{args.file.name}: a calendar file ends in .ics.")
    ctx = open_context(args)
    try:
        mentee_id = None
        if args.mentee:
            matches = RosterService(ctx).find(args.mentee)
            if len(matches) != 1:
                found = "no mentee matches" if not matches else f"{len(matches)} mentees match"
                raise UserError(f"{found} {args.mentee!r}; give the id or more of the name.")
            mentee_id = matches[0][0]
        count = export_calendar(ctx, args.file, dt.date.today(), mentee_id)
    finally:
        ctx.db.dispose()
    print(f"Wrote {count} calendar events to {args.file}.")
    print("Import it into Outlook or Thunderbird; importing a newer file updates these events.")
    print("This file holds personnel data: keep it private and delete it when done.")
    return 0
