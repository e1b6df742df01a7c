"""Mentor–mentee scores: the parts that scored, must-have rules, stable ties, weights at work."""

from __future__ import annotations

import random

import pytest

from bridgedesk.domain.matching import (
    Exclusion,
    MenteeProfile,
    MentorProfile,
    MentorScore,
    languages_of,
    rank,
    score,
)
from bridgedesk.domain.matching_weights import Factor, MatchWeights, weight_problems
from bridgedesk.domain.world_regions import region_of

SELAM = MenteeProfile(
    1, "Selam Tesfaye", "Family medicine", "Amharic, English", "Ethiopia", site_id=10
)


def mentor(mid: int, name: str, **kw) -> MentorProfile:
    kw.setdefault("capacity", 3)
    return MentorProfile(mid, name, **kw)


def test_the_why_names_exactly_the_factors_that_scored():
    hana = mentor(
        1, "Dr Hana Mekonnen", specialty="family medicine ", languages="English; Amharic",
        country="Ethiopia", former_img=True, site_id=10, capacity=4, load=3,
    )  # fmt: skip
    result = score(SELAM, hana, MatchWeights())
    assert isinstance(result, MentorScore)
    assert result.why == (
        "same specialty, speaks Amharic, also trained in Ethiopia, former IMG, same site, "
        "1 place left"
    )
    assert [p.factor for p in result.parts] == list(Factor)
    w = MatchWeights()
    assert result.total == w.specialty + w.language + w.training + w.former_img + w.site + (
        w.capacity * 1 / 4
    )

    plain = mentor(2, "Dr Carol Jensen", specialty="Surgery", languages="English", site_id=11)
    result = score(SELAM, plain, MatchWeights())
    assert isinstance(result, MentorScore)
    # English is the mentee's second language: half the weight; nothing else shared.
    assert result.why == "speaks English, 3 places left"
    assert [p.factor for p in result.parts] == [Factor.LANGUAGE, Factor.CAPACITY]
    assert result.parts[0].points == MatchWeights().language / 2


def test_a_factor_weighted_zero_is_not_named():
    hana = mentor(1, "Dr Hana", specialty="Family medicine", former_img=True, site_id=10)
    weights = MatchWeights(specialty=0, former_img=0, capacity=0)
    result = score(SELAM, hana, weights)
    assert isinstance(result, MentorScore)
    assert result.why == "same site" and result.total == weights.site


def test_same_region_scores_half_and_says_which_region():
    kenyan = mentor(1, "Dr Otieno", country="Kenya", capacity=0 + 2)
    result = score(SELAM, kenyan, MatchWeights(capacity=0))
    assert isinstance(result, MentorScore)
    assert result.why == "also trained in Sub-Saharan Africa"
    assert result.total == MatchWeights().training / 2
    assert region_of("  côte d’ivoire ") == "Sub-Saharan Africa" and region_of("Atlantis") == ""


@pytest.mark.parametrize(
    ("weights", "who", "reason"),
    [
        (MatchWeights(must_same_site=True), mentor(1, "A", site_id=11), "works at another site"),
        (
            MatchWeights(must_first_language=True),
            mentor(1, "A", languages="English, Tigrinya"),
            "does not speak Amharic",
        ),
        (
            MatchWeights(must_same_specialty=True),
            mentor(1, "A", specialty="Surgery"),
            "another specialty",
        ),
        (MatchWeights(), mentor(1, "A", capacity=2, load=2), "no place left"),
        (MatchWeights(), mentor(1, "A", capacity=2, load=3), "already over capacity"),
    ],
)
def test_must_have_rules_exclude_outright(weights, who, reason):
    result = score(SELAM, who, weights)
    assert isinstance(result, Exclusion) and result.reason == reason
    ranking = rank(SELAM, [who], weights)
    assert ranking.suggestions == () and ranking.excluded == (result,)


def test_must_haves_that_hold_keep_the_mentor():
    weights = MatchWeights(must_same_site=True, must_first_language=True, must_same_specialty=True)
    ok = mentor(1, "A", site_id=10, languages="amharic", specialty="FAMILY MEDICINE")
    assert isinstance(score(SELAM, ok, weights), MentorScore)
    unknown = MenteeProfile(2, "No details")
    result = score(unknown, ok, weights)
    assert isinstance(result, Exclusion) and result.reason == "the mentee has no site recorded"


def test_ties_are_broken_by_free_places_then_name_then_record():
    weights = MatchWeights(capacity=0)
    same = dict(specialty="Family medicine")
    mentors = [
        mentor(5, "Dr Zed", **same),
        mentor(4, "dr adams", **same),
        mentor(3, "Dr Adams", **same),
        mentor(2, "Dr Busy", capacity=3, load=2, **same),
        mentor(1, "Dr Roomy", capacity=6, **same),
    ]
    first = [s.mentor.id for s in rank(SELAM, mentors, weights).suggestions]
    assert first == [1, 3, 4, 5, 2]
    again = [s.mentor.id for s in rank(SELAM, list(reversed(mentors)), weights).suggestions]
    assert again == first


def test_weights_change_the_ranking():
    surgeon_who_speaks = mentor(1, "Dr Amharic", specialty="Surgery", languages="Amharic")
    family_doctor = mentor(2, "Dr Family", specialty="Family medicine", languages="English")
    mentors = [surgeon_who_speaks, family_doctor]
    by_specialty = MatchWeights(specialty=10, language=2, capacity=0)
    by_language = MatchWeights(specialty=2, language=10, capacity=0)
    assert [s.mentor.id for s in rank(SELAM, mentors, by_specialty).suggestions] == [2, 1]
    assert [s.mentor.id for s in rank(SELAM, mentors, by_language).suggestions] == [1, 2]


def test_skip_leaves_out_current_mentors():
    mentors = [mentor(1, "A"), mentor(2, "B")]
    assert [s.mentor.id for s in rank(SELAM, mentors, MatchWeights(), skip=[1]).suggestions] == [2]


def test_languages_are_read_from_free_text():
    assert languages_of("Amharic, English; Oromo / amharic and Tigrinya") == (
        "Amharic", "English", "Oromo", "Tigrinya",
    )  # fmt: skip
    assert languages_of("") == ()
    hostile = MenteeProfile(3, "<b>&", languages="<b>&amp; " + "x" * 10_000, country="ኢትዮጵያ")
    result = score(hostile, mentor(1, "A", languages="العربية", country="ኢትዮጵያ"), MatchWeights())
    assert isinstance(result, MentorScore) and result.why == "also trained in ኢትዮጵያ, 3 places left"


def test_weights_out_of_range_are_named():
    assert weight_problems(MatchWeights()) == {}
    problems = weight_problems(MatchWeights(site=11, language=-1))
    assert set(problems) == {"site", "language"}
    assert "from 0 to 10" in problems["site"]


def test_on_random_pairs_every_named_factor_scored_and_every_scoring_factor_is_named():
    rng = random.Random(3)
    specialties = ["Family medicine", "family MEDICINE", "Surgery", ""]
    languages = ["Amharic, English", "English", "Arabic; French", "", "Tigrinya / Amharic"]
    countries = ["Ethiopia", "Kenya", "Egypt", "India", "", "Atlantis"]
    for _ in range(500):
        weights = MatchWeights(*(rng.randint(0, 3) for _ in range(6)))
        mentee = MenteeProfile(
            1, "Mentee", rng.choice(specialties), rng.choice(languages), rng.choice(countries),
            rng.choice([None, 1, 2]),
        )  # fmt: skip
        capacity = rng.randint(1, 4)
        other = MentorProfile(
            2, "Mentor", rng.choice(specialties), rng.choice(languages), rng.choice(countries),
            rng.random() < 0.5, rng.choice([None, 1, 2]), capacity, rng.randint(0, capacity - 1),
        )  # fmt: skip
        result = score(mentee, other, weights)
        assert isinstance(result, MentorScore)
        assert all(part.points > 0 for part in result.parts)
        assert result.why == ", ".join(part.words for part in result.parts) or (
            not result.parts and result.why == "nothing in common scored"
        )
        shared = {x.casefold() for x in languages_of(mentee.languages)} & {
            x.casefold() for x in languages_of(other.languages)
        }
        region = region_of(mentee.country)
        expected = {
            Factor.SPECIALTY: bool(mentee.specialty)
            and mentee.specialty.casefold() == other.specialty.casefold(),
            Factor.LANGUAGE: bool(shared),
            Factor.TRAINING: bool(mentee.country and other.country)
            and (
                mentee.country == other.country
                or bool(region)
                and region == region_of(other.country)
            ),
            Factor.FORMER_IMG: other.former_img,
            Factor.SITE: mentee.site_id is not None and mentee.site_id == other.site_id,
            Factor.CAPACITY: True,
        }
        named = {part.factor for part in result.parts}
        assert named == {f for f, holds in expected.items() if holds and weights.weight(f) > 0}
        assert len(named) == len(result.parts)
