"""Whole-cohort matching on hand-built cohorts: capacity never exceeded, rules held, optimal."""

from __future__ import annotations

import itertools
import random
from collections import Counter

from bridgedesk.domain.matching import MenteeProfile, MentorProfile, MentorScore, score
from bridgedesk.domain.matching_cohort import match_cohort
from bridgedesk.domain.matching_weights import MatchWeights


def mentees(n: int, **kw) -> list[MenteeProfile]:
    return [MenteeProfile(i, f"Mentee {i:03d}", **kw) for i in range(1, n + 1)]


def test_more_mentees_than_places_never_overloads_a_mentor():
    people = mentees(10, specialty="Family medicine", languages="Amharic")
    mentors = [
        MentorProfile(1, "Dr A", specialty="Family medicine", capacity=3, load=1),
        MentorProfile(2, "Dr B", capacity=2, load=0),
        MentorProfile(3, "Dr C", capacity=4, load=4),  # full
        MentorProfile(4, "Dr D", capacity=2, load=3),  # over capacity already
    ]
    plan = match_cohort(people, mentors, MatchWeights())
    per_mentor = Counter(p.score.mentor.id for p in plan.proposals)
    assert per_mentor == {1: 2, 2: 2}
    assert len(plan.proposals) == 4 and len(plan.unmatched) == 6
    assert {u.reason for u in plan.unmatched} == {
        "the mentors who fit are full with other new mentees"
    }
    assert len({p.mentee.id for p in plan.proposals} | {u.mentee.id for u in plan.unmatched}) == 10


def test_must_have_rules_hold_in_the_cohort():
    people = [
        MenteeProfile(1, "North one", site_id=1, languages="Arabic"),
        MenteeProfile(2, "South one", site_id=2, languages="Amharic"),
        MenteeProfile(3, "No site", languages="Amharic"),
    ]
    mentors = [
        MentorProfile(10, "North doc", site_id=1, capacity=5, languages="Arabic"),
        MentorProfile(20, "South doc", site_id=2, capacity=5, languages="English"),
    ]
    weights = MatchWeights(must_same_site=True, must_first_language=True)
    plan = match_cohort(people, mentors, weights)
    assert [(p.mentee.id, p.score.mentor.id) for p in plan.proposals] == [(1, 10)]
    reasons = {u.mentee.id: u.reason for u in plan.unmatched}
    assert reasons == {
        2: "no mentor fits: does not speak Amharic (1 mentor); works at another site (1 mentor)",
        3: "no mentor fits: the mentee has no site recorded",
    }


def test_as_many_as_possible_then_the_best_total():
    # Greedy would give the best mentor to the first mentee, leaving the second with nobody.
    people = [
        MenteeProfile(1, "Flexible", specialty="Surgery", languages="Arabic"),
        MenteeProfile(2, "Picky", specialty="Surgery", languages="Amharic"),
    ]
    mentors = [
        MentorProfile(1, "Amharic surgeon", specialty="Surgery", languages="Amharic", capacity=1),
        MentorProfile(2, "Arabic speaker", languages="Arabic", capacity=1),
    ]
    plan = match_cohort(people, mentors, MatchWeights(must_first_language=False, capacity=0))
    assert {(p.mentee.id, p.score.mentor.id) for p in plan.proposals} == {(1, 2), (2, 1)}
    strict = match_cohort(people, mentors, MatchWeights(must_first_language=True))
    assert {(p.mentee.id, p.score.mentor.id) for p in strict.proposals} == {(1, 2), (2, 1)}


def test_the_proposal_is_optimal_against_every_other_assignment():
    rng = random.Random(7)
    specialties, languages = ["FM", "IM", "Peds"], ["Amharic", "Arabic", "English", "Hindi"]
    people = [
        MenteeProfile(i, f"M{i}", rng.choice(specialties), rng.choice(languages), site_id=rng.randint(1, 2))
        for i in range(5)
    ]  # fmt: skip
    mentors = [
        MentorProfile(
            10 + j, f"D{j}", rng.choice(specialties), rng.choice(languages),
            former_img=rng.random() < 0.5, site_id=rng.randint(1, 2), capacity=2, load=1,
        )
        for j in range(4)
    ]  # fmt: skip
    weights = MatchWeights(capacity=0)
    plan = match_cohort(people, mentors, weights)
    assert len(plan.proposals) == 4  # one free place each
    best = 0.0
    for chosen in itertools.permutations(range(5), 4):
        total = 0.0
        for mentor_index, person_index in enumerate(chosen):
            result = score(people[person_index], mentors[mentor_index], weights)
            assert isinstance(result, MentorScore)
            total += result.total
        best = max(best, total)
    assert plan.total == round(best, 6)


def test_each_proposal_explains_its_score_and_room_counts_down():
    people = mentees(3, specialty="IM")
    mentors = [MentorProfile(1, "Dr Only", specialty="IM", capacity=4, load=1)]
    plan = match_cohort(people, mentors, MatchWeights())
    whys = sorted(p.score.why for p in plan.proposals)
    assert whys == [
        "same specialty, 1 place left",
        "same specialty, 2 places left",
        "same specialty, 3 places left",
    ]
    for proposal in plan.proposals:
        assert proposal.score.total == sum(part.points for part in proposal.score.parts)


def test_same_input_same_proposal_and_empty_inputs():
    people = mentees(6, specialty="FM")
    mentors = [MentorProfile(j, f"Dr {j}", specialty="FM", capacity=2) for j in range(1, 4)]
    first = match_cohort(people, mentors, MatchWeights())
    assert first == match_cohort(people, mentors, MatchWeights())
    assert match_cohort([], mentors, MatchWeights()).proposals == ()
    nobody = match_cohort(people, [], MatchWeights())
    assert nobody.proposals == () and {u.reason for u in nobody.unmatched} == {
        "no mentor has a free place"
    }
