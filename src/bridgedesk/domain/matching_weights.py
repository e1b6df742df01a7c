"""What mentor matching weighs, as the director sees and edits it.

Six factors add points to a mentor–mentee score, each up to its weight (0 leaves the factor
out); must-have rules exclude a mentor outright. A mentor with no free place is never
suggested: a mentor is never loaded past their capacity by a suggestion.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum

MAX_WEIGHT = 10


class Factor(StrEnum):
    SPECIALTY = "specialty"
    LANGUAGE = "language"
    TRAINING = "training"
    FORMER_IMG = "former_img"
    SITE = "site"
    CAPACITY = "capacity"


class MustHave(StrEnum):
    SAME_SITE = "must_same_site"
    FIRST_LANGUAGE = "must_first_language"
    SAME_SPECIALTY = "must_same_specialty"


FACTOR_LABELS: dict[Factor, str] = {
    Factor.SPECIALTY: "Same specialty",
    Factor.LANGUAGE: "Speaks the mentee's language",
    Factor.TRAINING: "Trained in the same country",
    Factor.FORMER_IMG: "Trained abroad too (former IMG)",
    Factor.SITE: "Works at the same site",
    Factor.CAPACITY: "Room for more mentees",
}

FACTOR_NOTES: dict[Factor, str] = {
    Factor.SPECIALTY: "The mentor's specialty is the mentee's.",
    Factor.LANGUAGE: "Full points for the mentee's first language, half for another of theirs.",
    Factor.TRAINING: "Full points for the same country of training, half for the same region.",
    Factor.FORMER_IMG: "The mentor was an international medical graduate too.",
    Factor.SITE: "The mentor works at the mentee's site.",
    Factor.CAPACITY: "Points by the share of the mentor's places still free.",
}

MUST_HAVE_LABELS: dict[MustHave, str] = {
    MustHave.SAME_SITE: "Only mentors at the mentee's site",
    MustHave.FIRST_LANGUAGE: "Only mentors who speak the mentee's first language",
    MustHave.SAME_SPECIALTY: "Only mentors of the mentee's specialty",
}


@dataclass(frozen=True)
class MatchWeights:
    """Points per factor (0 to MAX_WEIGHT) and the must-have rules in force."""

    specialty: int = 5
    language: int = 4
    training: int = 2
    former_img: int = 2
    site: int = 3
    capacity: int = 2
    must_same_site: bool = False
    must_first_language: bool = False
    must_same_specialty: bool = False

    def weight(self, factor: Factor) -> int:
        value: int = getattr(self, factor.value)
        return value

    def must(self, rule: MustHave) -> bool:
        value: bool = getattr(self, rule.value)
        return value

    def best_total(self) -> int:
        """The most points a mentor can score."""
        return sum(self.weight(factor) for factor in Factor)


WEIGHT_FIELDS = tuple(f.name for f in fields(MatchWeights))


def weight_problems(weights: MatchWeights) -> dict[str, str]:
    """Each weight out of range, keyed by its factor."""
    return {
        factor.value: f"Give a weight from 0 to {MAX_WEIGHT}."
        for factor in Factor
        if not isinstance(weights.weight(factor), int)
        or not 0 <= weights.weight(factor) <= MAX_WEIGHT
    }
