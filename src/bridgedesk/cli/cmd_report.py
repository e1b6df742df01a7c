"""``bridgedesk report program|mentee|packet --out FILE.pdf``: print reports from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import locale
import os
import sys
from collections.abc import Callable
from pathlib import Path

from bridgedesk.cli.session import open_context
from bridgedesk.domain.figures import last_twelve_months
from bridgedesk.domain.typed_dates import (
    DateReading,
    TypedDateProblem,
    order_of_strftime,
    read_typed_date,
)
from bridgedesk.errors import UserError


def computer_date_reading() -> DateReading:
    """How this computer writes a date with numbers (its language and region's order), as
    the window reads them; month-first when the C library does not say."""
    previous = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, "")
        pattern = locale.nl_langinfo(locale.D_FMT)
    except (locale.Error, AttributeError):  # no such locale; nl_langinfo is not on Windows
        pattern = ""
    finally:
        locale.setlocale(locale.LC_TIME, previous)
    return DateReading(order_of_strftime(pattern))


def typed_date(
    text: str | None, option: str, today: dt.date, reading: DateReading | None = None
) -> dt.date | None:
    """The date typed after ``option``, read as the window reads a typed date (ISO, numbers in
    the computer's order, a month by name, today); refused in one sentence otherwise."""
    if text is None:
        return None
    try:
        return read_typed_date(text, today, reading or computer_date_reading())
    except TypedDateProblem as problem:
        raise UserError(f"{option}: {problem}") from None


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the ``report`` group with ``program``, ``mentee`` and ``packet``."""
    report = sub.add_parser("report", help="write a PDF report")
    kinds = report.add_subparsers(dest="what", metavar="WHAT", required=True)

    def leaf(name: str, help_text: str, private: bool, period: bool) -> argparse.ArgumentParser:
        parser = kinds.add_parser(name, parents=[common], help=help_text)
        parser.add_argument(
            "--out", metavar="FILE", type=Path, required=True, help="the PDF to write"
        )
        parser.add_argument(
            "--paper", choices=("letter", "a4"), default="letter", help="paper size"
        )
        if private:
            parser.add_argument(
                "--include-private-notes",
                action="store_true",
                help="print mentors' private notes (left out by default)",
            )
        if period:
            parser.add_argument(
                "--from",
                dest="period_from",
                metavar="DATE",
                help="first day of the period, typed as in the window: 2026-06-30, "
                "Jun 30 2026, numbers in this computer's order, today "
                "(default: 12 months before --to)",
            )
            parser.add_argument(
                "--to",
                dest="period_to",
                metavar="DATE",
                help="last day of the period, typed like --from (default: today)",
            )
        return parser

    def site(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument(
            "--site", metavar="NAME", help="only this site (default: all sites combined)"
        )
        return parser

    def audit(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument(
            "--include-audit",
            action="store_true",
            help="add the audit trail of each mentee's record (when, who, field, before, after)",
        )
        return parser

    program = site(leaf("program", "the program report for a board or reviewer", False, True))
    program.add_argument(
        "--name-early-exits",
        action="store_true",
        help="name who left early, when and why (default: counted by reason only)",
    )
    program.set_defaults(handler=run_program_report)
    mentee = audit(leaf("mentee", "one mentee's progress report", True, False))
    mentee.add_argument("mentee", metavar="NAME_OR_ID", help="the mentee's id or part of a name")
    mentee.set_defaults(handler=run_mentee_report)
    packet = leaf("packet", "program report plus every active mentee's report", True, True)
    audit(site(packet)).set_defaults(handler=run_packet)


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last 12 months up to and including today (the dashboard's period too)."""
    return last_twelve_months(today)


def _period(args: argparse.Namespace, today: dt.date) -> tuple[dt.date, dt.date]:
    end = typed_date(args.period_to, "--to", today) or today
    start = typed_date(args.period_from, "--from", today) or default_period(end)[0]
    if end < start:
        raise UserError("The period must end on or after the day it starts (--from is after --to).")
    return start, end


def _write(out: Path, build: Callable[[Path], None]) -> None:
    """Build into a side file, then move it into place: no half-written PDF is ever left."""
    part = out.with_name(out.name + ".part")
    try:
        build(part)
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)


def run_program_report(args: argparse.Namespace) -> int:
    from bridgedesk.reports.program_report import build_program_report

    today = dt.date.today()
    start, end = _period(args, today)
    ctx = open_context(args)
    try:
        _write(
            args.out,
            lambda p: build_program_report(
                ctx,
                p,
                start,
                end,
                today,
                paper=args.paper,
                site=args.site,
                name_early_exits=args.name_early_exits,
            ),
        )
    finally:
        ctx.db.dispose()
    print(f"Wrote the program report to {args.out}.")
    if args.name_early_exits:
        print("It names the mentees who left early: share it only with those entitled to see it.")
    return 0


def run_mentee_report(args: argparse.Namespace) -> int:
    from bridgedesk.reports.mentee_report import build_mentee_report
    from bridgedesk.services.mentees.roster import RosterService

    today = dt.date.today()
    ctx = open_context(args)
    try:
        matches = RosterService(ctx).find(args.mentee)
        if not matches:
            print(f"bridgedesk: no mentee matches {args.mentee!r}.", file=sys.stderr)
            return 1
        if len(matches) > 1:
            print(
                f"bridgedesk: {len(matches)} mentees match {args.mentee!r}; "
                "give the id of the one you mean:",
                file=sys.stderr,
            )
            for mentee_id, name in matches:
                print(f"  {mentee_id}\t{name}", file=sys.stderr)
            return 1
        mentee_id, name = matches[0]
        _write(args.out, lambda p: build_mentee_report(
            ctx, mentee_id, p, today, paper=args.paper,
            include_private_notes=args.include_private_notes,
            include_audit=args.include_audit))  # fmt: skip
    finally:
        ctx.db.dispose()
    print(f"Wrote the progress report for {name} to {args.out}.")
    if args.include_private_notes:
        print("It includes private mentor notes: share it only with the program director.")
    return 0


def run_packet(args: argparse.Namespace) -> int:
    from bridgedesk.reports.packet import build_packet

    today = dt.date.today()
    start, end = _period(args, today)
    ctx = open_context(args)
    try:
        _write(args.out, lambda p: build_packet(
            ctx, p, start, end, today, paper=args.paper,
            include_private_notes=args.include_private_notes, site=args.site,
            include_audit=args.include_audit))  # fmt: skip
    finally:
        ctx.db.dispose()
    print(f"Wrote the program packet to {args.out}.")
    return 0
