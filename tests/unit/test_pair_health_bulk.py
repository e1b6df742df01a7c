"""The program's pair-health flags come from one bulk read (``flag_reads``): on a built history
of several pairs they are exactly the flags the rules give on each mentee's full read."""

from __future__ import annotations

import datetime as dt

from bridgedesk.domain.enums import AssignmentKind, CheckinStatus, MenteeStatus
from bridgedesk.services.pair_health.flag_reads import read_pair_states
from bridgedesk.services.pair_health.flags import pair_health_flags
from bridgedesk.services.pair_health.reads import mentee_pair_health
from bridgedesk.storage.models import (
    Checkin,
    CheckinPulse,
    FitCheck,
    Mentee,
    Mentor,
    MentorAssignment,
    Site,
)

START = dt.date(2025, 6, 2)
DAYS = (dt.date(2025, 12, 1), dt.date(2026, 3, 12), dt.date(2026, 5, 20), dt.date(2027, 1, 4))

# Per mentee: held check-ins (day, mentee pulse, mentor pulse; None: not given, "-": no pulse
# row), planned or missed check-ins, fit answers with the current and a former mentor.
Held = tuple[dt.date, object, object]
PAIRS: dict[str, dict[str, object]] = {
    "steady": {"held": [(dt.date(2025, 9, 1), 8, 8), (dt.date(2025, 10, 6), 8, 9)]},
    "mentee drop": {
        "held": [
            (dt.date(2025, 9, 1), 9, 8),
            (dt.date(2025, 10, 6), 8, None),
            (dt.date(2025, 11, 3), 4, 8),
            (dt.date(2026, 2, 2), None, 7),
        ],
        "planned": [
            (dt.date(2026, 3, 2), CheckinStatus.MISSED),
            (dt.date(2026, 4, 6), CheckinStatus.PLANNED),
        ],
    },  # fmt: skip
    "drop then recovery": {
        "held": [
            (dt.date(2025, 9, 1), 9, 9),
            (dt.date(2025, 10, 6), 3, 9),
            (dt.date(2025, 11, 3), 8, 4),
            (dt.date(2025, 11, 3), 9, 9),
        ],
    },  # fmt: skip
    "two on one day": {
        "held": [
            (dt.date(2025, 9, 1), 8, 8),
            (dt.date(2025, 10, 6), 8, 2),
            (dt.date(2025, 10, 6), 7, 8),
            (dt.date(2025, 12, 1), "-", "-"),
        ],
        "planned": [
            (dt.date(2026, 1, 5), CheckinStatus.PLANNED),
            (dt.date(2026, 6, 1), CheckinStatus.PLANNED),
        ],
        "fit": ("no", "yes", dt.date(2025, 9, 2)),
    },  # fmt: skip
    "mentor side only": {
        "held": [
            (dt.date(2025, 8, 4), None, 9),
            (dt.date(2025, 9, 1), None, 8),
            (dt.date(2026, 1, 12), None, 5),
        ],
        "fit": ("not_sure", "no", None),
        "former fit": ("no", "yes"),
    },  # fmt: skip
    "never held": {
        "planned": [
            (dt.date(2025, 7, 7), CheckinStatus.MISSED),
            (dt.date(2025, 8, 4), CheckinStatus.PLANNED),
            (dt.date(2026, 9, 7), CheckinStatus.PLANNED),
        ],
    },  # fmt: skip
    "no mentor": {
        "held": [(dt.date(2025, 9, 1), 9, None), (dt.date(2025, 10, 6), 2, None)],
        "mentor": False,
    },  # fmt: skip
    "left the program": {
        "held": [(dt.date(2025, 9, 1), 9, 9), (dt.date(2025, 10, 6), 2, 9)],
        "status": MenteeStatus.LEFT,
    },
}


def build(ctx) -> dict[str, int]:
    ids: dict[str, int] = {}
    with ctx.unit_of_work() as s:
        north, south = Site(name="North"), Site(name="South")
        former = Mentor(name="Dr Former")
        s.add_all([north, south, former])
        s.flush()
        for n, (name, spec) in enumerate(PAIRS.items()):
            mentee = Mentee(
                given_names="Pair", family_name=name.title(), start_date=START,
                status=spec.get("status", MenteeStatus.ACTIVE),
                site_id=(north if n % 2 else south).id,
            )  # fmt: skip
            mentor = Mentor(name=f"Dr {name.title()}")
            s.add_all([mentee, mentor])
            s.flush()
            ids[name] = mentee.id
            s.add(MentorAssignment(mentee_id=mentee.id, mentor_id=former.id,
                                   kind=AssignmentKind.PRIMARY, start_date=START,
                                   end_date=dt.date(2025, 8, 1)))  # fmt: skip
            if spec.get("mentor", True):
                s.add(MentorAssignment(mentee_id=mentee.id, mentor_id=mentor.id,
                                       kind=AssignmentKind.PRIMARY,
                                       start_date=dt.date(2025, 8, 1)))  # fmt: skip
            for day, mentee_pulse, mentor_pulse in spec.get("held", []):  # type: ignore[attr-defined]
                checkin = Checkin(mentee_id=mentee.id, mentor_id=mentor.id, planned_date=day,
                                  held_date=day, status=CheckinStatus.HELD)  # fmt: skip
                s.add(checkin)
                s.flush()
                if mentee_pulse != "-":
                    s.add(CheckinPulse(checkin_id=checkin.id, mentee_id=mentee.id,
                                       mentee_score=mentee_pulse, mentor_score=mentor_pulse))  # fmt: skip
            for day, status in spec.get("planned", []):  # type: ignore[attr-defined]
                s.add(Checkin(mentee_id=mentee.id, planned_date=day, status=status))
            if "fit" in spec:
                mentee_answer, mentor_answer, on = spec["fit"]  # type: ignore[misc]
                s.add(FitCheck(mentee_id=mentee.id, mentor_id=mentor.id,
                               answered_on=on or dt.date(2025, 9, 2),
                               mentee_answer=mentee_answer, mentor_answer=mentor_answer))  # fmt: skip
            if "former fit" in spec:
                mentee_answer, mentor_answer = spec["former fit"]  # type: ignore[misc]
                s.add(FitCheck(mentee_id=mentee.id, mentor_id=former.id,
                               answered_on=dt.date(2025, 7, 1),
                               mentee_answer=mentee_answer, mentor_answer=mentor_answer))  # fmt: skip
    return ids


def per_pair(ctx, ids: dict[str, int], today: dt.date) -> list[tuple[object, ...]]:
    """Each active mentee's flags from the full per-mentee read, in the program list's order."""
    rows = []
    for mid in ids.values():
        health = mentee_pair_health(ctx, mid, today)
        if not health.active:
            continue
        for flag in health.flags:
            rows.append((flag.day, mid, flag.kind.value, flag.message, flag.what_to_do,
                         flag.source, health.mentor_name))  # fmt: skip
    return sorted(rows)


def test_the_bulk_read_raises_the_same_flags_as_each_pairs_full_read(ctx):
    ids = build(ctx)
    seen_kinds = set()
    for today in DAYS:
        bulk = sorted(
            (r.day, r.mentee_id, r.kind.value, r.message, r.what_to_do, r.source, r.mentor_name)
            for r in pair_health_flags(ctx, today)
        )
        assert bulk == per_pair(ctx, ids, today), today
        seen_kinds |= {(row[2], row[5]) for row in bulk}
    # The history exercises every rule: both sides' drops, both disagreements, the silences.
    assert {("pulse_drop", "mentee"), ("pulse_drop", "mentor"), ("disagreement", "pulses"),
            ("disagreement", "fit"), ("no_held_checkin", "checkins")} <= seen_kinds  # fmt: skip


def test_the_bulk_read_narrows_to_a_site_and_to_mentees_and_leaves_out_who_left(ctx):
    ids = build(ctx)
    today = DAYS[1]
    with ctx.read() as s:
        every = {state.mentee_id: state for state in read_pair_states(s, today)}
        north = {state.mentee_id for state in read_pair_states(s, today, site="North")}
        two = {state.mentee_id for state in read_pair_states(s, today, mentee_ids=[
            ids["steady"], ids["left the program"]])}  # fmt: skip
    assert set(every) == set(ids.values()) - {ids["left the program"]}
    assert north and north < set(every) and all(every[m].site == "North" for m in north)
    assert two == {ids["steady"]}
    assert every[ids["no mentor"]].mentor_name == ""
    assert every[ids["steady"]].mentor_name == "Dr Steady"
    assert every[ids["steady"]].mentee_name == "Pair Steady"
