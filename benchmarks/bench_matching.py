"""Time whole-cohort mentor matching: 200 new mentees to 60 mentors (target: under 1 s).

Run: ``.venv/bin/python benchmarks/bench_matching.py [mentees] [mentors]``. Prints, in
seconds, the first run (which imports scipy) and the median of later runs of (a) the pure
matching (``domain/matching_cohort.py``) and (b) the whole proposal as the GUI and the CLI
ask for it (``services/mentors/matching_cohort.propose_cohort``) on a SQLite program file
under a temporary folder, reads included.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bridgedesk.bootstrap import open_program
from bridgedesk.domain.matching import MenteeProfile, MentorProfile
from bridgedesk.domain.matching_cohort import match_cohort
from bridgedesk.domain.matching_weights import MatchWeights
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.matching_cohort import propose_cohort
from bridgedesk.services.mentors.service import MentorFields, MentorService

SPECIALTIES = ["Family medicine", "Internal medicine", "Pediatrics", "Psychiatry", "Surgery"]
BACKGROUNDS = [
    ("Ethiopia", "Amharic, English"), ("Nigeria", "English, Yoruba"), ("Egypt", "Arabic, English"),
    ("India", "Hindi, English"), ("Philippines", "Tagalog, English"), ("Mexico", "Spanish"),
    ("United States", "English"), ("Vietnam", "Vietnamese, English"),
]  # fmt: skip
SITES = ["North clinic", "River hospital", "Hill clinic", "Valley hospital"]
GIVEN = ["Selam", "Dawit", "Omar", "Priya", "Maria", "Jose", "Lan", "Chinedu", "Fatma", "Ravi"]
FAMILY = ["Tesfaye", "Okafor", "Hassan", "Sharma", "Santos", "Garcia", "Nguyen", "Adeyemi"]


def profiles(
    rng: random.Random, n_mentees: int, n_mentors: int
) -> tuple[list[MenteeProfile], list[MentorProfile]]:
    mentees = []
    for i in range(n_mentees):
        country, languages = rng.choice(BACKGROUNDS)
        mentees.append(
            MenteeProfile(
                i, f"Mentee {i}", rng.choice(SPECIALTIES), languages, country, rng.randint(1, 4)
            )
        )
    mentors = []
    for j in range(n_mentors):
        country, languages = rng.choice(BACKGROUNDS)
        capacity = rng.choice((2, 3, 3, 4, 5))
        mentors.append(
            MentorProfile(
                1000 + j, f"Mentor {j}", rng.choice(SPECIALTIES), languages, country,
                rng.random() < 0.4, rng.randint(1, 4), capacity, rng.randint(0, capacity),
            )
        )  # fmt: skip
    return mentees, mentors


def timed(action, runs: int = 7) -> tuple[float, float]:
    """(first run, median of the later runs) in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:])


def letters(n: int) -> str:
    """A distinct Latin-letter suffix per number (names may not hold digits)."""
    out = ""
    while True:
        n, rest = divmod(n, 26)
        out = chr(65 + rest) + out
        if not n:
            return out


def fill_program(ctx, rng: random.Random, n_mentees: int, n_mentors: int) -> None:
    mentors = MentorService(ctx)
    for j in range(n_mentors):
        country, languages = rng.choice(BACKGROUNDS)
        mentors.create(
            MentorFields(
                name=f"Dr Mentor {j:03d}", specialty=rng.choice(SPECIALTIES),
                languages=languages, country_of_training=country,
                former_img=rng.random() < 0.4, capacity=rng.choice((2, 3, 3, 4, 5)),
                site=rng.choice(SITES),
            )
        )  # fmt: skip
    roster = RosterService(ctx)
    for i in range(n_mentees):
        country, languages = rng.choice(BACKGROUNDS)
        roster.create(
            MenteeFields(
                given_names=GIVEN[i % len(GIVEN)], family_name=f"{FAMILY[i % len(FAMILY)]} {letters(i)}",
                specialty=rng.choice(SPECIALTIES), languages=languages,
                country_of_training=country, site=rng.choice(SITES),
                start_date=dt.date(2026, 1, 5),
            )
        )  # fmt: skip


def main() -> None:
    n_mentees = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    n_mentors = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    rng = random.Random(17)
    mentees, mentors = profiles(rng, n_mentees, n_mentors)
    places = sum(m.free_places for m in mentors)
    weights = MatchWeights()
    first, median = timed(lambda: match_cohort(mentees, mentors, weights))
    plan = match_cohort(mentees, mentors, weights)
    per_mentor = Counter(p.score.mentor.id for p in plan.proposals)
    assert all(per_mentor[m.id] <= m.free_places for m in mentors)
    print(
        f"pure matching, {n_mentees} mentees to {n_mentors} mentors ({places} free places): "
        f"first {first:.3f} s (imports scipy), then median {median:.3f} s; "
        f"{len(plan.proposals)} proposed, {len(plan.unmatched)} left without a mentor",
        flush=True,
    )
    with tempfile.TemporaryDirectory() as folder:
        ctx = open_program(DataPaths(Path(folder) / "data").ensure(), actor="bench")
        try:
            fill_program(ctx, rng, n_mentees, n_mentors)
            today = dt.date(2026, 3, 12)
            first, median = timed(lambda: propose_cohort(ctx, today), runs=5)
            plan = propose_cohort(ctx, today)
        finally:
            ctx.db.dispose()
    print(
        f"whole proposal on a SQLite program (reads included): first {first:.3f} s, then "
        f"median {median:.3f} s; {len(plan.proposals)} proposed, total score {plan.total:.1f}"
    )


if __name__ == "__main__":
    main()
