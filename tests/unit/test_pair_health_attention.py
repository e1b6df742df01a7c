"""Pair-health flags as rows of the "Needs attention" list: ranked after the overdue items,
with what to do, narrowed by site, and dismissed until the pair's state changes."""

from __future__ import annotations

import datetime as dt

from bridgedesk.domain.enums import AssignmentKind, CheckinFormat
from bridgedesk.services.attention import decisions
from bridgedesk.services.attention.needs_attention import attention_list
from bridgedesk.services.attention.rows import PAIR_HEALTH, Target
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.timeline.service import CheckinLog, TimelineService
from tests.unit.plans import without_schedule

TODAY = dt.date(2026, 3, 12)


def pair_with_pulses(ctx, pulses: list[tuple[dt.date, int, int]], site: str = "North") -> int:
    created = RosterService(ctx, clock=lambda: TODAY).create(
        MenteeFields(given_names="Olga", family_name="Ivanova", native_name="Ольга Иванова",
                     start_date=dt.date(2025, 9, 1),
                     site=site)
    )  # fmt: skip
    mentee_id = without_schedule(ctx, created)
    mentors = MentorService(ctx)
    mentor_id = mentors.create(MentorFields(name="Dr Ruth Okafor"))
    mentors.assign(mentee_id, mentor_id, AssignmentKind.PRIMARY, dt.date(2025, 9, 1))
    timeline = TimelineService(ctx)
    for day, mentee, mentor in pulses:
        log = CheckinLog(day, CheckinFormat.VIDEO, "", [], "", mentee_pulse=mentee,
                         mentor_pulse=mentor)  # fmt: skip
        timeline.log_unplanned_checkin(mentee_id, log, today=TODAY)
    return mentee_id


def pair_rows(ctx, site=None):
    return [r for r in attention_list(ctx, TODAY, site=site).rows if r.kind == PAIR_HEALTH]


def test_a_sudden_drop_is_on_the_attention_list_with_what_to_do(ctx):
    mid = pair_with_pulses(ctx, [(dt.date(2026, 2, 2), 9, 8), (dt.date(2026, 3, 2), 5, 7)])
    [row] = pair_rows(ctx)
    assert row.mentee_id == mid and row.mentee_name == "Olga Ivanova"
    assert row.what.startswith("Sudden drop in the pulse: The mentee's pulse fell from 9 to 5")
    assert row.todo.startswith("Talk to the mentee privately")
    assert row.target == Target("mentees", mid, "pair_health")
    assert row.when == dt.date(2026, 3, 2)
    assert [r.key for r in pair_rows(ctx, site="North")] == [row.key]
    assert pair_rows(ctx, site="South") == []


def test_a_healthy_pair_has_no_row_and_a_dismissed_flag_stays_hidden(ctx):
    pair_with_pulses(ctx, [(dt.date(2026, 2, 2), 8, 8), (dt.date(2026, 3, 2), 8, 9)])
    assert pair_rows(ctx) == []
    worried = pair_with_pulses(ctx, [(dt.date(2026, 2, 2), 8, 8), (dt.date(2026, 3, 2), 3, 8)])
    rows = pair_rows(ctx)
    assert {r.mentee_id for r in rows} == {worried} and len(rows) == 2  # drop + disagreement
    decisions.dismiss(ctx, rows[0], "Talked to her; a family matter, resolved.")
    left = pair_rows(ctx)
    assert [r.key for r in left] == [rows[1].key]
