"""The demo's pair health: pulses at held check-ins, fit answers, survey answers, one pair flagged.

Added to the demo rows before they are written, from their own random stream, so the rest of
the demo is the same as without them.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

from bridgedesk.domain.pair_health import SURVEY_MONTHS, survey_due
from bridgedesk.services.demo.history import DAY, Rows

FIT_CHOICES = ("yes", "yes", "yes", "yes", "not_sure")
FIT_COMMENTS = (
    "",
    "",
    "We share an interest in rural practice.",
    "Good to have someone who also trained abroad.",
    "Hard to find times that suit both of us.",
)
SURVEY_COMMENTS = (
    "",
    "",
    "Finding a school for the children took a while.",
    "Night shifts are hard.",
)


def add_pair_health(rows: Rows, today: dt.date, template_id: int, item_keys: list[str]) -> None:
    """Pulses, fit answers and survey answers for the demo's mentees (the first active one
    with enough history gets a drop and a "no": the demo shows a flagged pair)."""
    rng = random.Random(len(rows.tables.get("checkins", [])))
    held: dict[int, list[dict[str, Any]]] = {}
    for row in rows.tables.get("checkins", []):
        if row["status"] == "held":
            held.setdefault(row["mentee_id"], []).append(row)
    primary = {
        a["mentee_id"]: a
        for a in rows.tables.get("mentor_assignments", [])
        if a["kind"] == "primary" and a["end_date"] is None
    }
    flagged: int | None = None
    for mentee in rows.tables.get("mentees", []):
        mid = mentee["id"]
        own = sorted(held.get(mid, []), key=lambda r: (r["held_date"], r["id"]))
        worried = (
            flagged is None and mentee["status"] == "active" and len(own) >= 3 and mid in primary
        )
        if worried:
            flagged = mid
        _pulses(rows, rng, mid, own, worried)
        assignment = primary.get(mid)
        if assignment is not None:
            _fit(rows, rng, mid, assignment, own, worried)
        end = mentee["exit_date"] or today
        _surveys(rows, rng, mid, mentee["start_date"], end, template_id, item_keys)


def _pulses(
    rows: Rows, rng: random.Random, mid: int, own: list[dict[str, Any]], worried: bool
) -> None:
    level = rng.randint(6, 9)
    for n, checkin in enumerate(own):
        if rng.random() < 0.15 and not (worried and n >= len(own) - 2):
            continue  # not every check-in asked
        mentee = max(1, min(10, level + rng.randint(-1, 1)))
        mentor = max(1, min(10, mentee + rng.choice((-1, 0, 0, 1))))
        if worried and n == len(own) - 2:
            mentee, mentor = 8, 8
        if worried and n == len(own) - 1:
            mentee, mentor = 4, 8  # a sudden drop, and the two sides apart
        mentor_given = mentor if rng.random() < 0.9 or worried else None
        rows.add(
            "checkin_pulses",
            {
                "checkin_id": checkin["id"], "mentee_id": mid,
                "mentee_score": mentee, "mentor_score": mentor_given,
            },
            stamped=False,
            versioned=True,
        )  # fmt: skip


def _fit(
    rows: Rows,
    rng: random.Random,
    mid: int,
    assignment: dict[str, Any],
    own: list[dict[str, Any]],
    worried: bool,
) -> None:
    first = next((c for c in own if c["held_date"] >= assignment["start_date"]), None)
    if first is None or (rng.random() < 0.2 and not worried):
        return  # the pair has not met, or the answers were never entered
    mentee, mentor = rng.choice(FIT_CHOICES), rng.choice(FIT_CHOICES)
    comment = rng.choice(FIT_COMMENTS)
    if worried:
        mentee, mentor = "no", "yes"
        comment = "I would like a mentor in my own specialty."
    rows.add(
        "fit_checks",
        {
            "mentee_id": mid, "mentor_id": assignment["mentor_id"], "checkin_id": first["id"],
            "answered_on": first["held_date"] + DAY, "mentee_answer": mentee,
            "mentee_comment": comment, "mentor_answer": mentor, "mentor_comment": "",
        },
        stamped=False,
        versioned=True,
    )  # fmt: skip


def _surveys(
    rows: Rows,
    rng: random.Random,
    mid: int,
    start: dt.date,
    end: dt.date,
    template_id: int,
    item_keys: list[str],
) -> None:
    for month in SURVEY_MONTHS:
        due = survey_due(start, month)
        answered = due + rng.randint(0, 20) * DAY
        if answered > end or rng.random() < 0.25:
            continue
        base = 3 if month == 0 else 4
        answers = {key: max(1, min(5, base + rng.randint(-1, 1))) for key in item_keys}
        rows.add(
            "survey_responses",
            {
                "mentee_id": mid, "month": month, "template_id": template_id,
                "answered_on": answered, "answers": json.dumps(answers, sort_keys=True),
                "comment": rng.choice(SURVEY_COMMENTS),
            },
            stamped=False,
            versioned=True,
        )  # fmt: skip
