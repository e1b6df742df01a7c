"""Adjustment surveys due and not answered reach the attention list, from their due day for six
months; answering one takes it off; a mentee added by the form gets the start survey at once."""

from __future__ import annotations

import datetime as dt

from bridgedesk.services.attention.needs_attention import attention_list
from bridgedesk.services.attention.rows import SURVEY_DUE, Target
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.pair_health import surveys

TODAY = dt.date(2026, 3, 12)


def survey_rows(ctx, today: dt.date = TODAY, site: str | None = None) -> list[tuple[int, str]]:
    return [
        (r.mentee_id, r.what) for r in attention_list(ctx, today, site).rows if r.kind == SURVEY_DUE
    ]


def add(ctx, given: str, start: dt.date, site: str = "", native: str = "") -> int:
    fields = MenteeFields(given_names=given, family_name="Tesfaye", native_name=native,
                          start_date=start, site=site)  # fmt: skip
    return RosterService(ctx, clock=lambda: TODAY).create(fields)


def test_surveys_are_listed_from_their_due_day_for_six_months(ctx):
    new = add(
        ctx, "Selam", TODAY, native="ሰላም <&>"
    )  # added by the form today: the start survey is due
    half = add(ctx, "Amal", dt.date(2025, 9, 10), site="مستشفى النور")  # 6 months on 10 Mar
    old = add(ctx, "Olga", dt.date(2024, 1, 8))  # every survey more than six months ago
    add(ctx, "Wang", dt.date(2026, 4, 1))  # starts next month: nothing due yet
    assert survey_rows(ctx) == [
        (half, "Adjustment survey at 6 months not answered (due 2 days ago)"),
        (new, "Adjustment survey at the start not answered (due today)"),
    ]
    (row,) = [
        r for r in attention_list(ctx, TODAY).rows if (r.mentee_id, r.kind) == (new, SURVEY_DUE)
    ]
    assert row.target == Target("mentees", new, "pair_health")
    assert "Pair health" in row.todo and row.todo.endswith(".")
    assert survey_rows(ctx, site="مستشفى النور") == [
        (half, "Adjustment survey at 6 months not answered (due 2 days ago)")
    ]
    assert old not in {mid for mid, _ in survey_rows(ctx)}
    # 181 days after its due day, the 6-month survey leaves the list (the record keeps it).
    assert half not in {mid for mid, _ in survey_rows(ctx, dt.date(2026, 9, 7))}
    assert half in {mid for mid, _ in survey_rows(ctx, dt.date(2026, 9, 6))}


def test_answering_a_survey_takes_it_off_the_list(ctx):
    mentee = add(ctx, "Amal", dt.date(2025, 9, 10))
    assert [mid for mid, _ in survey_rows(ctx)] == [mentee]
    first = surveys.current_form(ctx).items[0].key
    surveys.record_answers(ctx, mentee, 6, TODAY, TODAY, {first: 3})
    assert survey_rows(ctx) == []
