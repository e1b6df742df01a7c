"""Match every new mentee (active, no primary mentor) at once, then assign what was kept.

The proposal is the optimal assignment of ``domain/matching_cohort.py`` over the program's
mentors and weights; the director unticks rows, and the rest are assigned in ONE transaction
through the one assignment rule (``start_assignment``), audited, after checking again that
no mentor would go past their capacity.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from bridgedesk.domain.enums import AssignmentKind
from bridgedesk.domain.matching_cohort import CohortPlan, match_cohort
from bridgedesk.domain.matching_weights import MatchWeights
from bridgedesk.errors import UserError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentors.matching_profiles import mentees_without_primary, mentor_profiles
from bridgedesk.services.mentors.matching_weights import load_weights
from bridgedesk.services.mentors.service import start_assignment

MentorForMentee = tuple[int, int]  # (mentee id, mentor id)


def propose_cohort(
    ctx: ServiceContext, today: dt.date, weights: MatchWeights | None = None
) -> CohortPlan:
    """The best assignment of the mentees without a primary mentor to free places."""
    chosen = weights or load_weights(ctx).weights
    with ctx.read() as session:
        mentees = mentees_without_primary(session, today)
    return match_cohort(mentees, mentor_profiles(ctx, today), chosen)


def apply_proposals(ctx: ServiceContext, pairs: Sequence[MentorForMentee], start: dt.date) -> int:
    """Make each (mentee, mentor) the mentee's primary from ``start``; all or none.

    Refused, with nothing written, when a mentee got a primary mentor meanwhile or a mentor
    would go past capacity (places taken since the proposal was made).
    """
    if not pairs:
        return 0
    mentees = [mentee for mentee, _ in pairs]
    if len(set(mentees)) != len(mentees):
        raise UserError("A mentee appears twice in the proposal; match again.")
    mentors = {m.id: m for m in mentor_profiles(ctx, start)}
    asked = Counter(mentor for _, mentor in pairs)
    full = [
        mentors[mid].name if mid in mentors else f"mentor #{mid}"
        for mid, n in sorted(asked.items())
        if mid not in mentors or n > mentors[mid].free_places
    ]
    if full:
        raise UserError(
            "Places were taken since the proposal was made, so it would overload "
            f"{', '.join(full)}. Nothing was assigned; match again."
        )
    with ctx.unit_of_work() as session:
        waiting = {m.id for m in mentees_without_primary(session, start)}
        gone = [mid for mid in mentees if mid not in waiting]
        if gone:
            raise UserError(
                f"{len(gone)} of these mentees got a primary mentor (or left) since the "
                "proposal was made. Nothing was assigned; match again."
            )
        for mentee_id, mentor_id in pairs:
            start_assignment(session, mentee_id, mentor_id, AssignmentKind.PRIMARY, start)
    return len(pairs)


def waiting_mentee_ids(ctx: ServiceContext, today: dt.date) -> list[int]:
    """Active mentees without a primary mentor, in the order the cohort lists them."""
    with ctx.read() as session:
        return [m.id for m in mentees_without_primary(session, today)]
