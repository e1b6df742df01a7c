"""``bridgedesk forms [MENTEE] --out FILE.pdf``: print the pair-health forms (the fit question and
pulse for a check-in, the adjustment surveys) for a meeting where nobody has BridgeDesk open."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from bridgedesk.cli.session import open_context


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    from bridgedesk.reports.pair_forms import FORMS

    parser = sub.add_parser(
        "forms",
        parents=[common],
        help="print the pair-health forms (fit, pulse, surveys) to fill in on paper",
    )
    parser.add_argument(
        "mentee",
        metavar="NAME_OR_ID",
        nargs="?",
        help="the mentee's id or part of a name (default: blank forms)",
    )
    parser.add_argument("--out", metavar="FILE", type=Path, required=True, help="the PDF to write")
    parser.add_argument(
        "--form",
        dest="forms",
        action="append",
        choices=FORMS,
        help="one form (repeat for more; default: all of them, one page each)",
    )
    parser.add_argument("--paper", choices=("letter", "a4"), default="letter", help="paper size")
    parser.set_defaults(handler=run_forms)


def run_forms(args: argparse.Namespace) -> int:
    from bridgedesk.reports.pair_forms import FORMS, build_pair_forms
    from bridgedesk.services.mentees.roster import RosterService

    today = dt.date.today()
    ctx = open_context(args)
    try:
        mentee_id, name = None, "blank forms"
        if args.mentee:
            matches = RosterService(ctx).find(args.mentee)
            if len(matches) != 1:
                how = "no mentee matches" if not matches else f"{len(matches)} mentees match"
                print(f"bridgedesk: {how} {args.mentee!r}; give a mentee's id.", file=sys.stderr)
                for found_id, found_name in matches:
                    print(f"  {found_id}\t{found_name}", file=sys.stderr)
                return 1
            mentee_id, name = matches[0]
        part = args.out.with_name(args.out.name + ".part")
        try:  # a side file moved into place: no half-written PDF is ever left
            build_pair_forms(ctx, part, today, mentee_id, args.forms or FORMS, args.paper)
            os.replace(part, args.out)
        finally:
            part.unlink(missing_ok=True)
    finally:
        ctx.db.dispose()
    print(f"Wrote the pair-health forms ({name}) to {args.out}.")
    return 0
