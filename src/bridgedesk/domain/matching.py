"""Explainable mentor matching: one mentor–mentee score and the parts that make it up.

Pure (no database, no clock). Every part that adds points carries its words ("same
specialty", "speaks Amharic", "1 place left"), so a suggestion says exactly why it ranks
where it does and names nothing that did not score. A mentor who breaks a must-have rule,
or has no free place, is left out with the reason in words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bridgedesk.domain.matching_weights import Factor, MatchWeights
from bridgedesk.domain.world_regions import country_key, region_of

_LANGUAGE_SEPARATORS = re.compile(r"\s*(?:[,;/|\n]|\band\b)\s*", re.IGNORECASE)
# Totals are compared rounded, so 0.1 + 0.2 and 0.3 rank as the same score.
_PLACES = 6


@dataclass(frozen=True)
class MenteeProfile:
    id: int
    name: str
    specialty: str = ""
    languages: str = ""  # as entered: the first one named is the first language
    country: str = ""
    site_id: int | None = None
    site_name: str = ""  # for showing only; rules compare ``site_id``


@dataclass(frozen=True)
class MentorProfile:
    id: int
    name: str
    specialty: str = ""
    languages: str = ""
    country: str = ""
    former_img: bool = False
    site_id: int | None = None
    capacity: int = 0
    load: int = 0  # mentees the mentor has now (the program's one load figure)

    @property
    def free_places(self) -> int:
        return max(0, self.capacity - self.load)


@dataclass(frozen=True)
class ScorePart:
    factor: Factor
    points: float
    words: str


@dataclass(frozen=True)
class MentorScore:
    """A mentor who may take the mentee: the points, part by part."""

    mentor: MentorProfile
    parts: tuple[ScorePart, ...]
    free_places: int  # free places counted for this score (before the mentee takes one)

    @property
    def total(self) -> float:
        return round(sum(part.points for part in self.parts), _PLACES)

    @property
    def why(self) -> str:
        """The scoring parts in words, e.g. "same specialty, speaks Amharic, 1 place left"."""
        return ", ".join(part.words for part in self.parts) or "nothing in common scored"


@dataclass(frozen=True)
class Exclusion:
    """A mentor left out, and why in words ("works at another site")."""

    mentor: MentorProfile
    reason: str


@lru_cache(maxsize=4096)
def languages_of(text: str) -> tuple[str, ...]:
    """The languages named in a free-text list, in order, without repeats."""
    seen: set[str] = set()
    out: list[str] = []
    for item in _LANGUAGE_SEPARATORS.split(text or ""):
        name = " ".join(item.split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return tuple(out)


def _same_text(a: str, b: str) -> bool:
    """The same specialty or country, whatever the case, accents or spacing."""
    return bool(a.strip()) and country_key(a) == country_key(b)


@lru_cache(maxsize=4096)
def _spoken(text: str) -> frozenset[str]:
    return frozenset(name.casefold() for name in languages_of(text))


def places_words(free: int) -> str:
    return f"{free} place{'s' if free != 1 else ''} left"


def capacity_part(free: int, capacity: int, weights: MatchWeights) -> ScorePart | None:
    """Points for room left: the weight times the share of places still free."""
    weight = weights.capacity
    if weight <= 0 or free <= 0 or capacity <= 0:
        return None
    return ScorePart(Factor.CAPACITY, weight * free / capacity, places_words(free))


def exclusion_reason(
    mentee: MenteeProfile, mentor: MentorProfile, weights: MatchWeights, taken: int = 0
) -> str:
    """Why the mentor may not take the mentee ("" when they may)."""
    if mentor.free_places - taken <= 0:
        return "no place left" if mentor.load <= mentor.capacity else "already over capacity"
    if weights.must_same_site:
        if mentee.site_id is None:
            return "the mentee has no site recorded"
        if mentor.site_id != mentee.site_id:
            return "works at another site"
    if weights.must_first_language:
        first = languages_of(mentee.languages)[:1]
        if not first:
            return "the mentee's first language is not recorded"
        if first[0].casefold() not in _spoken(mentor.languages):
            return f"does not speak {first[0]}"
    if weights.must_same_specialty:
        if not mentee.specialty.strip():
            return "the mentee's specialty is not recorded"
        if not _same_text(mentee.specialty, mentor.specialty):
            return "another specialty"
    return ""


def fit_parts(
    mentee: MenteeProfile, mentor: MentorProfile, weights: MatchWeights
) -> list[ScorePart]:
    """The parts that do not depend on the mentor's load, in a fixed order."""
    parts: list[ScorePart] = []
    weight = weights.specialty
    if weight > 0 and _same_text(mentee.specialty, mentor.specialty):
        parts.append(ScorePart(Factor.SPECIALTY, weight, "same specialty"))
    weight = weights.language
    if weight > 0:
        spoken = _spoken(mentor.languages)
        shared = [name for name in languages_of(mentee.languages) if name.casefold() in spoken]
        if shared:
            first = languages_of(mentee.languages)[0]
            full = shared[0] == first
            parts.append(ScorePart(Factor.LANGUAGE, weight if full else weight / 2,
                                   f"speaks {shared[0]}"))  # fmt: skip
    weight = weights.training
    if weight > 0 and mentee.country.strip() and mentor.country.strip():
        region = region_of(mentee.country)
        if _same_text(mentee.country, mentor.country):
            parts.append(
                ScorePart(Factor.TRAINING, weight, f"also trained in {mentor.country.strip()}")
            )
        elif region and region == region_of(mentor.country):
            parts.append(ScorePart(Factor.TRAINING, weight / 2, f"also trained in {region}"))
    weight = weights.former_img
    if weight > 0 and mentor.former_img:
        parts.append(ScorePart(Factor.FORMER_IMG, weight, "former IMG"))
    weight = weights.site
    if weight > 0 and mentee.site_id is not None and mentee.site_id == mentor.site_id:
        parts.append(ScorePart(Factor.SITE, weight, "same site"))
    return parts


def score(
    mentee: MenteeProfile, mentor: MentorProfile, weights: MatchWeights, taken: int = 0
) -> MentorScore | Exclusion:
    """The mentor's score for the mentee, or why they are left out.

    ``taken`` counts places already promised to other mentees in the same round (the
    cohort mode), so the room left and its points follow each promise.
    """
    reason = exclusion_reason(mentee, mentor, weights, taken)
    if reason:
        return Exclusion(mentor, reason)
    free = mentor.free_places - taken
    parts = fit_parts(mentee, mentor, weights)
    room = capacity_part(free, mentor.capacity, weights)
    if room is not None:
        parts.append(room)
    return MentorScore(mentor, tuple(parts), free)


def ranking_key(item: MentorScore) -> tuple[float, int, str, int]:
    """Highest score first; ties go to more free places, then the name, then the record."""
    return (-item.total, -item.free_places, item.mentor.name.casefold(), item.mentor.id)


@dataclass(frozen=True)
class Ranking:
    suggestions: tuple[MentorScore, ...]
    excluded: tuple[Exclusion, ...]


def rank(
    mentee: MenteeProfile,
    mentors: Iterable[MentorProfile],
    weights: MatchWeights,
    skip: Sequence[int] = (),
) -> Ranking:
    """Every mentor scored for the mentee, best first; ``skip`` leaves out mentors by id
    (those already mentoring the mentee)."""
    scored: list[MentorScore] = []
    excluded: list[Exclusion] = []
    for mentor in mentors:
        if mentor.id in skip:
            continue
        result = score(mentee, mentor, weights)
        if isinstance(result, Exclusion):
            excluded.append(result)
        else:
            scored.append(result)
    scored.sort(key=ranking_key)
    excluded.sort(key=lambda e: (e.reason, e.mentor.name.casefold(), e.mentor.id))
    return Ranking(tuple(scored), tuple(excluded))
