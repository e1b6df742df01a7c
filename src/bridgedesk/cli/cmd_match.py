"""``bridgedesk match``: propose primary mentors for the mentees who have none, or suggest
mentors for one mentee; ``--apply`` assigns the proposal (nothing is written without it)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt

from bridgedesk.cli.session import data_paths, open_context
from bridgedesk.domain.matching_cohort import CohortPlan
from bridgedesk.domain.matching_weights import (
    FACTOR_LABELS,
    MUST_HAVE_LABELS,
    Factor,
    MatchWeights,
    MustHave,
)
from bridgedesk.errors import UserError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.program_file.writing_lock import holding_data_folder


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add the ``match`` command."""
    p = sub.add_parser(
        "match",
        parents=[common],
        help="propose primary mentors for new mentees (with the reasons); --apply assigns them",
    )
    what = p.add_mutually_exclusive_group()
    what.add_argument(
        "--dry-run",
        action="store_true",
        help="print the proposal and write nothing (what happens without --apply)",
    )
    what.add_argument(
        "--apply", action="store_true", help="assign the proposed primary mentors (all or none)"
    )
    what.add_argument(
        "--mentee",
        metavar="NAME_OR_ID",
        help="instead: rank the mentors for this one mentee, with the reasons",
    )
    p.add_argument(
        "--start", metavar="YYYY-MM-DD", help="the assignments' start date (default: today)"
    )
    p.set_defaults(handler=run_match)


def _start(args: argparse.Namespace) -> dt.date:
    if not args.start:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(args.start)
    except ValueError:
        raise UserError(f"--start {args.start!r} is not a date; write it as 2026-03-12.") from None


def weights_line(weights: MatchWeights) -> str:
    points = "; ".join(f"{FACTOR_LABELS[f]} {weights.weight(f)}" for f in Factor)
    rules = [MUST_HAVE_LABELS[r] for r in MustHave if weights.must(r)]
    return f"Weights: {points}. Must-have rules: {'; '.join(rules) if rules else 'none'}."


def run_match(args: argparse.Namespace) -> int:
    start = _start(args)
    held = (
        holding_data_folder(data_paths(args), "then match again")
        if args.apply
        else contextlib.nullcontext()
    )
    with held:
        ctx = open_context(args)
        try:
            if args.mentee:
                _suggest(ctx, args.mentee, start)
            else:
                _cohort(ctx, start, args.apply)
        finally:
            ctx.db.dispose()
    return 0


def _points(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _suggest(ctx: ServiceContext, text: str, today: dt.date) -> None:
    from bridgedesk.services.mentees.directory import find_mentees
    from bridgedesk.services.mentors.matching import suggest_mentors

    matches = find_mentees(ctx, text)
    if len(matches) != 1:
        found = "no mentee matches" if not matches else f"{len(matches)} mentees match"
        raise UserError(f"{found} {text!r}; give the id or more of the name.")
    result = suggest_mentors(ctx, matches[0][0], today)
    print(weights_line(result.weights))
    print(f"Mentors for {result.mentee.name}, best first:")
    for n, item in enumerate(result.ranking.suggestions, 1):
        mentor = item.mentor
        print(
            f"  {n}. {mentor.name} — score {_points(item.total)} "
            f"(load {mentor.load}/{mentor.capacity}): {item.why}"
        )
    if not result.ranking.suggestions:
        print("  No mentor can take this mentee now.")
    for excluded in result.ranking.excluded:
        print(f"  Left out: {excluded.mentor.name} ({excluded.reason})")


def _cohort(ctx: ServiceContext, start: dt.date, apply: bool) -> None:
    from bridgedesk.services.mentors.matching_cohort import apply_proposals, propose_cohort
    from bridgedesk.services.mentors.matching_weights import load_weights

    weights = load_weights(ctx).weights
    plan = propose_cohort(ctx, start, weights)
    print(weights_line(weights))
    _print_plan(plan)
    n = len(plan.proposals)
    noun = "primary mentor" if n == 1 else "primary mentors"
    if not apply:
        if n:
            print(
                f"Dry run: nothing was assigned. Run again with --apply to assign these {n} "
                f"{noun} from {start.isoformat()}."
            )
        return
    done = apply_proposals(ctx, [(p.mentee.id, p.score.mentor.id) for p in plan.proposals], start)
    print(f"Assigned {done} {noun} from {start.isoformat()}; each is in the history.")


def _print_plan(plan: CohortPlan) -> None:
    waiting = len(plan.proposals) + len(plan.unmatched)
    if not waiting:
        print("Every active mentee has a primary mentor: nobody is waiting.")
        return
    print(
        f"{waiting} active mentee{'s' if waiting != 1 else ''} without a primary mentor; "
        f"proposed (total score {_points(plan.total)}):"
    )
    for proposal in plan.proposals:
        item = proposal.score
        print(
            f"  {proposal.mentee.name} -> {item.mentor.name} — score {_points(item.total)}: "
            f"{item.why}"
        )
    if plan.unmatched:
        print("Left without a mentor:")
        for left in plan.unmatched:
            print(f"  {left.mentee.name}: {left.reason}")
