"""Match a whole cohort of new mentees to mentors at once, never past any mentor's capacity.

An optimal assignment over a cost matrix with one column per free place of each mentor
(``scipy.optimize.linear_sum_assignment``, exact). A mentor's k-th free place in the round
scores the room left after the k places before it, so the solver spreads mentees over
mentors when the other factors are equal. A pair a must-have rule forbids costs more than
any number of allowed pairs could save, so as many mentees as possible get a mentor first,
then the total score is the highest possible. Rows and columns come in a fixed order, so
the same program gives the same proposal every time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bridgedesk.domain.matching import (
    Exclusion,
    MenteeProfile,
    MentorProfile,
    MentorScore,
    capacity_part,
    exclusion_reason,
    fit_parts,
)
from bridgedesk.domain.matching_weights import MatchWeights


@dataclass(frozen=True)
class Proposal:
    mentee: MenteeProfile
    score: MentorScore


@dataclass(frozen=True)
class Unmatched:
    mentee: MenteeProfile
    reason: str


@dataclass(frozen=True)
class CohortPlan:
    proposals: tuple[Proposal, ...]
    unmatched: tuple[Unmatched, ...]

    @property
    def total(self) -> float:
        return round(sum(p.score.total for p in self.proposals), 6)


def _columns(mentors: Sequence[MentorProfile]) -> list[tuple[MentorProfile, int]]:
    """One column per free place: (mentor, places already promised before this one)."""
    return [(mentor, k) for mentor in mentors for k in range(mentor.free_places)]


def match_cohort(
    mentees: Sequence[MenteeProfile], mentors: Sequence[MentorProfile], weights: MatchWeights
) -> CohortPlan:
    """The best assignment of ``mentees`` to the free places of ``mentors``.

    Callers pass both lists in a stable order (the result depends only on the order).
    """
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    columns = _columns(mentors)
    fits: list[list[MentorScore | Exclusion]] = []
    for mentee in mentees:
        row: list[MentorScore | Exclusion] = []
        for mentor in mentors:
            reason = exclusion_reason(mentee, mentor, weights)
            if reason:
                row.append(Exclusion(mentor, reason))
            else:
                row.append(MentorScore(mentor, tuple(fit_parts(mentee, mentor, weights)), 0))
        fits.append(row)
    if not mentees or not columns:
        return CohortPlan((), tuple(_unmatched(m, row, bool(columns)) for m, row in
                                    zip(mentees, fits, strict=True)))  # fmt: skip
    forbidden = (weights.best_total() + 1.0) * (len(mentees) + 1)
    # One row per mentee, one column per mentor: minus the points, or ``forbidden``.
    by_mentor = np.array(
        [[-fit.total if isinstance(fit, MentorScore) else np.nan for fit in row] for row in fits]
    )
    index = {mentor.id: n for n, mentor in enumerate(mentors)}
    column_mentor = np.array([index[mentor.id] for mentor, _ in columns])
    column_room = np.array([_room_points(mentor, taken, weights) for mentor, taken in columns])
    cost = by_mentor[:, column_mentor] - column_room[np.newaxis, :]
    cost[np.isnan(cost)] = forbidden
    rows, cols = linear_sum_assignment(cost)
    chosen = {int(r): int(c) for r, c in zip(rows, cols, strict=True) if cost[r, c] < forbidden}
    proposals: list[Proposal] = []
    unmatched: list[Unmatched] = []
    for r, mentee in enumerate(mentees):
        if r not in chosen:
            unmatched.append(_unmatched(mentee, fits[r], True))
            continue
        mentor, taken = columns[chosen[r]]
        fit = fits[r][index[mentor.id]]
        assert isinstance(fit, MentorScore)
        free = mentor.free_places - taken
        room = capacity_part(free, mentor.capacity, weights)
        parts = fit.parts + ((room,) if room else ())
        proposals.append(Proposal(mentee, MentorScore(mentor, parts, free)))
    return CohortPlan(tuple(proposals), tuple(unmatched))


def _room_points(mentor: MentorProfile, taken: int, weights: MatchWeights) -> float:
    room = capacity_part(mentor.free_places - taken, mentor.capacity, weights)
    return room.points if room else 0.0


def _unmatched(
    mentee: MenteeProfile, row: Sequence[MentorScore | Exclusion], any_place: bool
) -> Unmatched:
    if not any_place:
        return Unmatched(mentee, "no mentor has a free place")
    if any(isinstance(fit, MentorScore) for fit in row):
        return Unmatched(mentee, "the mentors who fit are full with other new mentees")
    counts = Counter(fit.reason for fit in row if isinstance(fit, Exclusion))
    if not counts:
        return Unmatched(mentee, "no active mentor")
    reasons = [
        reason
        if reason.startswith("the mentee")
        else f"{reason} ({n} mentor{'s' if n != 1 else ''})"
        for reason, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    return Unmatched(mentee, "no mentor fits: " + "; ".join(reasons))
