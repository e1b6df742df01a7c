"""The "Needs attention" list on a hand-built program: ranking, grouping, summaries, decisions."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from bridgedesk.errors import ValidationError
from bridgedesk.services.attention import decisions
from bridgedesk.services.attention.needs_attention import attention_list, urgent_mentees
from bridgedesk.services.attention.rows import (
    CREDENTIAL_DUE,
    CREDENTIAL_LAPSED,
    LONG_OVERDUE,
    NEVER_ASSESSED,
    NO_PRIMARY_MENTOR,
    OVERDUE,
    SURVEY_DUE,
    Severity,
    Target,
)
from bridgedesk.services.attention.summary import attention_summary
from bridgedesk.services.credentials.reminders import acknowledge, reminders_due
from bridgedesk.services.mentees.roster_rows import roster_rows
from bridgedesk.services.timeline.service import TimelineService
from bridgedesk.storage.models import AuditEntry
from tests.unit.attention_program import TODAY, add_mentee, build_program, days


@pytest.fixture
def program(ctx):
    return build_program(ctx)


def test_one_item_of_each_kind_in_rank_order(ctx, program):
    rows = attention_list(ctx, TODAY).rows
    assert [(r.rank, r.kind, r.mentee_id) for r in rows] == [
        (1, CREDENTIAL_LAPSED, program.lapsed),
        (2, CREDENTIAL_DUE, program.soon),  # the licence, in 20 days
        (3, OVERDUE, program.overdue),
        (4, SURVEY_DUE, program.overdue),  # the 6-month survey, due 11 days ago
        (5, NO_PRIMARY_MENTOR, program.no_mentor),
        (6, NEVER_ASSESSED, program.unassessed),
        (7, CREDENTIAL_DUE, program.soon),  # the passport's 180-day reminder: plan ahead
        (8, LONG_OVERDUE, None),
    ]
    assert [r.severity for r in rows] == [Severity.LAPSED, Severity.SOON] + [Severity.ROUTINE] * 6
    lapsed, soon, overdue, survey, no_mentor, unassessed, later, old = rows
    assert lapsed.what == "H-1B validity ends — 12 days ago"
    assert lapsed.target == Target("deadlines", program.lapsed, "credential",
                                   program.credential_ids["h1b"])  # fmt: skip
    assert soon.what == "State medical licence expires in 20 days"
    assert soon.mentee_name == "Muhammad Abdullah"
    assert overdue.what == "1 check-in overdue, oldest 12 days"
    assert overdue.target == Target("timeline", program.overdue, "checkin",
                                    program.checkin_ids["overdue"])  # fmt: skip
    assert survey.what == "Adjustment survey at 6 months not answered (due 11 days ago)"
    assert survey.target == Target("mentees", program.overdue, "pair_health")
    assert no_mentor.target == Target("mentees", program.no_mentor, "mentors")
    assert unassessed.target == Target("checklists", program.unassessed)
    assert "180-day reminder" in later.todo and "100 days" in later.what
    assert old.what == "1 check-in overdue more than six months across 1 mentee"
    assert old.target == Target("timeline")
    for row in rows:  # every row says what to do, as a sentence
        assert row.todo[:1].isupper() and row.todo.endswith(".")


def test_overdue_items_are_grouped_per_mentee(ctx, program):
    timeline = TimelineService(ctx)
    timeline.plan_checkin(program.overdue, days(-3), "Month 7 check-in")
    timeline.plan_checkin(program.overdue, days(-30), "Month 5 check-in")
    timeline.add_milestone(program.overdue, "90-day review", days(-5))
    rows = [r for r in attention_list(ctx, TODAY).rows if r.kind == OVERDUE]
    assert len(rows) == 1
    assert rows[0].what == "3 check-ins and 1 milestone overdue, oldest 30 days"
    assert rows[0].items == 4 and rows[0].when == days(-30)
    assert rows[0].todo == (
        "Log the check-ins held; reschedule or cancel the rest; "
        "sign off the milestone or move its date."
    )


def test_long_overdue_items_are_one_summary_row_per_kind_at_the_end(ctx, program):
    timeline = TimelineService(ctx)
    others = [add_mentee(ctx, given, "Eltayeb") for given in ("Amal", "Hiba", "Sara")]
    for n, mid in enumerate(others):
        for k in range(n + 1):
            timeline.plan_checkin(mid, days(-181 - 30 * k), f"Old check-in {k}")
    timeline.add_milestone(others[0], "Orientation complete", days(-400))
    timeline.plan_checkin(others[0], days(-180), "Six months to the day")  # not yet "long"
    rows = attention_list(ctx, TODAY).rows
    summaries = [r for r in rows if r.kind == LONG_OVERDUE]
    assert [r.what for r in summaries] == [
        "7 check-ins overdue more than six months across 4 mentees",  # 1+2+3 and Selam's
        "1 milestone overdue more than six months across 1 mentee",
    ]
    assert list(rows[-2:]) == summaries
    per_mentee = {r.mentee_id: r for r in rows if r.kind == OVERDUE}
    assert per_mentee[others[0]].what == "1 check-in overdue, oldest 180 days"
    assert others[1] not in per_mentee and program.lapsed not in per_mentee


def audit_rows(ctx, entity="attention_decision"):
    with ctx.read() as s:
        return s.scalars(select(AuditEntry).where(AuditEntry.entity == entity)
                         .order_by(AuditEntry.id)).all()  # fmt: skip


def test_a_snoozed_row_comes_back_on_its_date_and_is_audited(ctx, program):
    row = attention_list(ctx, TODAY).rows[0]
    with pytest.raises(ValidationError, match="after today"):
        decisions.snooze(ctx, row, TODAY, TODAY)
    decisions.snooze(ctx, row, days(7), TODAY)
    hidden = attention_list(ctx, TODAY)
    assert row.key not in {r.key for r in hidden.rows}
    assert hidden.rows[0].rank == 1 and hidden.rows[0].kind == CREDENTIAL_DUE
    assert (hidden.snoozed, hidden.dismissed) == (1, 0)
    assert row.key not in {r.key for r in attention_list(ctx, days(6)).rows}
    assert attention_list(ctx, days(7)).rows[0].key == row.key  # back on its date
    (entry,) = audit_rows(ctx)
    assert (entry.action, entry.actor, entry.mentee_id) == ("create", "tester", program.lapsed)
    after = json.loads(entry.after)
    assert after["decision"] == "snooze" and after["snoozed_until"] == days(7).isoformat()


def test_a_dismissed_row_stays_away_until_its_item_changes(ctx, program):
    row = next(r for r in attention_list(ctx, TODAY).rows if r.kind == OVERDUE)
    with pytest.raises(ValidationError, match="Say why"):
        decisions.dismiss(ctx, row, "   ")
    with pytest.raises(ValidationError, match="under 500 characters"):
        decisions.dismiss(ctx, row, "x" * 10_000)
    decisions.dismiss(ctx, row, "Held by phone; Dr Lee logs it — ሰላም <b>")
    listed = attention_list(ctx, TODAY)
    assert all(r.mentee_id != program.overdue for r in listed.rows if r.kind == OVERDUE)
    assert listed.dismissed == 1 and listed.hidden[0].decision.reason.startswith("Held")
    # Another check-in falls overdue: the mentee's row is a new item and comes back.
    TimelineService(ctx).plan_checkin(program.overdue, days(-2), "Month 7 check-in")
    back = [r for r in attention_list(ctx, TODAY).rows if r.kind == OVERDUE]
    assert [(r.mentee_id, r.items) for r in back] == [(program.overdue, 2)]
    assert back[0].key != row.key
    (entry,) = audit_rows(ctx)
    assert json.loads(entry.after)["reason"] == "Held by phone; Dr Lee logs it — ሰላም <b>"
    decisions.restore(ctx, row.key)
    assert [e.action for e in audit_rows(ctx)] == ["create", "delete"]


def test_an_acknowledged_reminder_leaves_the_list(ctx, program):
    (reminder,) = [r for r in reminders_due(ctx, TODAY) if r.mentee_id == program.soon
                   and r.days_before == 30]  # fmt: skip
    acknowledge(ctx, reminder)
    kinds = [(r.kind, r.severity) for r in attention_list(ctx, TODAY).rows
             if r.mentee_id == program.soon]  # fmt: skip
    assert kinds == [(CREDENTIAL_DUE, Severity.ROUTINE)]  # only the passport's reminder is left


def test_summary_counts_each_kind(ctx, program):
    TimelineService(ctx).plan_checkin(program.overdue, days(-3), "Month 7 check-in")
    summary = {k.kind: k for k in attention_summary(ctx, TODAY)}
    assert list(summary) == [CREDENTIAL_LAPSED, CREDENTIAL_DUE, OVERDUE, SURVEY_DUE,
                             NO_PRIMARY_MENTOR, NEVER_ASSESSED, LONG_OVERDUE]  # fmt: skip
    assert (summary[CREDENTIAL_DUE].rows, summary[CREDENTIAL_DUE].urgent) == (2, 1)
    assert (summary[OVERDUE].rows, summary[OVERDUE].items, summary[OVERDUE].mentees) == (1, 2, 1)
    assert (summary[LONG_OVERDUE].items, summary[LONG_OVERDUE].mentees) == (1, 0)
    assert summary[CREDENTIAL_LAPSED].label == "Lapsed credentials"


def test_the_roster_marks_only_what_the_list_ranks_urgent(ctx, program):
    urgent = urgent_mentees(ctx, TODAY)
    assert set(urgent) == {program.lapsed, program.soon}
    rows = {r.id: r for r in roster_rows(ctx, TODAY)}
    assert (rows[program.lapsed].urgent, rows[program.soon].urgent) == ("lapsed", "soon")
    assert "12 days ago" in rows[program.lapsed].urgent_what
    assert rows[program.overdue].overdue_count == 1 and rows[program.overdue].urgent == ""
    marked = [mid for mid, r in rows.items() if r.urgent]
    assert sorted(marked) == sorted([program.lapsed, program.soon])
    # Dismissed on the list, the roster follows: one definition.
    decisions.dismiss(ctx, urgent[program.soon], "Renewal filed; receipt on file")
    assert set(urgent_mentees(ctx, TODAY)) == {program.lapsed}


def test_an_empty_program_has_an_empty_list(ctx):
    listed = attention_list(ctx, TODAY)
    assert listed.rows == () and listed.hidden == ()
    assert attention_summary(ctx, TODAY) == ()


def test_a_site_narrows_the_list(ctx, program):
    assert attention_list(ctx, TODAY, site="Nowhere").rows == ()
    assert len(attention_list(ctx, TODAY, site=None).rows) == 8  # one of each kind, two due


def test_the_roster_quick_read_agrees_with_the_full_list_on_the_demo(sqlite_ctx):
    from bridgedesk.services.demo import generate_demo

    generate_demo(sqlite_ctx, TODAY, mentees=40, seed=11)
    full: dict[int, str] = {}
    for row in attention_list(sqlite_ctx, TODAY).rows:
        if row.severity in (Severity.LAPSED, Severity.SOON) and row.mentee_id is not None:
            full.setdefault(row.mentee_id, row.key)
    quick = {mid: row.key for mid, row in urgent_mentees(sqlite_ctx, TODAY).items()}
    assert quick == full and len(full) > 3
