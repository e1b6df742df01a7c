"""Suggest mentors for one mentee, ranked by the program's weights, each with its reasons."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bridgedesk.domain.enums import AssignmentKind
from bridgedesk.domain.matching import MenteeProfile, Ranking, rank
from bridgedesk.domain.matching_weights import MatchWeights
from bridgedesk.errors import UserError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentors.matching_profiles import (
    current_mentor_ids,
    mentee_profile,
    mentor_profiles,
)
from bridgedesk.services.mentors.matching_weights import load_weights
from bridgedesk.services.mentors.service import MentorService


@dataclass(frozen=True)
class Suggestions:
    mentee: MenteeProfile
    ranking: Ranking
    weights: MatchWeights
    already: int  # mentors left out because they mentor the mentee already


def suggest_mentors(
    ctx: ServiceContext, mentee_id: int, today: dt.date, weights: MatchWeights | None = None
) -> Suggestions:
    """Every active mentor with a free place, best first, and those left out with why.

    Mentors who already mentor the mentee (of any kind) are not suggested again.
    """
    chosen = weights or load_weights(ctx).weights
    with ctx.read() as session:
        mentee = mentee_profile(session, mentee_id)
        current = current_mentor_ids(session, mentee_id)
    mentors = mentor_profiles(ctx, today)
    ranking = rank(mentee, mentors, chosen, skip=current)
    already = sum(1 for m in mentors if m.id in current)
    return Suggestions(mentee, ranking, chosen, already)


def assign_suggested(
    ctx: ServiceContext, mentee_id: int, mentor_id: int, kind: AssignmentKind, start: dt.date
) -> int:
    """Assign the chosen suggestion (through the one assignment rule, audited).

    Refused when the mentor's places filled up since the list was shown.
    """
    mentor = next((m for m in mentor_profiles(ctx, start) if m.id == mentor_id), None)
    if mentor is not None and mentor.free_places <= 0:
        raise UserError(
            f"{mentor.name} has no free place any more ({mentor.load} of {mentor.capacity} "
            "taken). Choose another mentor or raise their capacity."
        )
    return MentorService(ctx).assign(mentee_id, mentor_id, kind, start)
