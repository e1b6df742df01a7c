"""Program metrics on a small hand-built program where every figure can be counted by hand."""

import datetime as dt

import pytest
from sqlalchemy import select

from bridgedesk.errors import NotFoundError
from bridgedesk.services.metrics import compute_program_metrics
from bridgedesk.storage.models import (
    Checkin,
    ComparisonPhysician,
    Credential,
    CredentialKind,
    Insight,
    Mentee,
    Milestone,
    Site,
)  # fmt: skip

D = dt.date
TODAY = D(2025, 6, 30)


@pytest.fixture
def program(ctx):
    with ctx.unit_of_work() as s:
        north, south = Site(name="North"), Site(name="South")
        s.add_all([north, south])
        s.flush()
        a = Mentee(
            given_names="ሰላም",
            family_name="ተስፋዬ",
            start_date=D(2024, 1, 1),
            site_id=north.id,
            country_of_training="Ethiopia",
            specialty="Family Medicine",
            visa_kind="H-1B",
        )
        b = Mentee(
            given_names="Ольга",
            family_name="Иванова",
            start_date=D(2024, 7, 1),
            site_id=south.id,
            country_of_training="Russia",
            specialty="Pediatrics",
            visa_kind="H-1B",
            status="left",
            exit_date=D(2025, 3, 1),
            exit_reason="<b>&amp;</para> family",
        )
        s.add_all([a, b])
        s.flush()
        held = [
            (D(2025, 1, 10), D(2025, 1, 12)),
            (D(2025, 2, 10), D(2025, 3, 1)),
            (D(2025, 3, 10), D(2025, 3, 11)),
        ]
        for planned, on in held:
            s.add(Checkin(mentee_id=a.id, planned_date=planned, held_date=on, status="held"))
        s.add(Checkin(mentee_id=a.id, planned_date=D(2025, 4, 10), status="missed"))
        s.add(Checkin(mentee_id=a.id, planned_date=D(2025, 5, 10), status="rescheduled"))
        s.add(Checkin(mentee_id=a.id, planned_date=D(2025, 6, 1), status="planned"))  # overdue
        s.add(Checkin(mentee_id=a.id, planned_date=D(2025, 8, 1), status="planned"))  # future
        s.add(
            Checkin(
                mentee_id=b.id, planned_date=D(2025, 1, 20), held_date=D(2025, 1, 20), status="held"
            )
        )
        s.add(
            Milestone(
                mentee_id=a.id, name="m1", due_date=D(2025, 2, 1), completed_date=D(2025, 1, 30)
            )
        )
        s.add(
            Milestone(
                mentee_id=a.id, name="m2", due_date=D(2025, 3, 1), completed_date=D(2025, 3, 20)
            )
        )
        s.add(Milestone(mentee_id=a.id, name="m3", due_date=D(2025, 4, 1)))
        kind = s.scalar(select(CredentialKind).where(CredentialKind.code == "dea"))
        for expires in (
            D(2025, 7, 10),
            D(2025, 9, 1),
            D(2025, 12, 1),
            D(2025, 6, 1),
            D(2027, 1, 1),
        ):
            s.add(Credential(mentee_id=a.id, kind_id=kind.id, expires_on=expires))
        s.add(
            Insight(
                mentee_id=a.id,
                raised_on=D(2025, 2, 1),
                description="x",
                status="acted_on",
                category="Language",
                changed_practice="Weekend interpreter line",
            )
        )
        s.add(Insight(mentee_id=b.id, raised_on=D(2025, 2, 2), description="y", status="raised"))
        s.add(
            Insight(
                mentee_id=a.id,
                raised_on=D(2024, 2, 2),
                description="old",
                status="closed",
                changed_practice="Outside the period",
            )
        )
        s.add(ComparisonPhysician(label="c1", start_date=D(2024, 1, 1), exit_date=D(2024, 7, 1)))
        s.add(ComparisonPhysician(label="c2", start_date=D(2024, 1, 1)))
    return ctx


def metrics(ctx, site=None):
    return compute_program_metrics(ctx, D(2025, 1, 1), D(2025, 6, 30), TODAY, site=site)


def test_checkins_by_hand(program):
    c = metrics(program).checkins
    # due: a's 3 held + missed + overdue + b's held = 6 (rescheduled and future excluded)
    assert (c.due.value, c.held.value, c.held.denominator) == (6, 4, 6)
    assert (c.on_time.value, c.on_time.denominator) == (3, 4)  # Feb one held 19 days late
    assert (c.missed.value, c.overdue.value) == (1, 1)
    assert (c.rescheduled.value, c.rescheduled.denominator) == (1, 7)
    assert (c.median_days_between.value, c.median_days_between.denominator) == (
        29,
        2,
    )  # 48 and 10 days
    assert c.held.period_start == D(2025, 1, 1) and c.held.period_end == D(2025, 6, 30)


def test_milestones_deadlines_learning_retention(program):
    m = metrics(program)
    ms = m.milestones
    assert (ms.due.value, ms.on_time.value, ms.late.value, ms.overdue.value) == (3, 1, 1, 1)
    dl = m.deadlines
    assert [w.value for w in dl.within] == [1, 2, 3]
    assert (dl.lapsed.value, dl.lapsed.denominator) == (1, 5)
    assert (m.learning.raised.value, m.learning.led_to_change.value) == (2, 1)
    assert m.learning.changes == (("Language", "Weekend interpreter line"),)
    r = m.retention
    assert [e.reason for e in r.exits] == ["<b>&amp;</para> family"]
    assert (r.early_exits.value, r.early_exits.denominator) == (1, 2)
    # b left after 243 days of 2 at risk -> S(12 months) = 0.5; comparison c1 left at 182 days
    assert r.program[0].value == pytest.approx(0.5)
    assert r.comparison[0].value == pytest.approx(0.5)
    # nobody was followed for 36 months: no estimate rather than the last one carried on
    assert (r.program[2].denominator, r.program[2].value) == (0, None)
    assert m.roster.in_program.value == 2
    assert {x.label: x.value for x in m.roster.by_country} == {"Ethiopia": 1, "Russia": 1}


def test_site_and_period_filtering(program):
    north = metrics(program, site="North")
    assert north.roster.in_program.value == 1
    assert north.checkins.due.value == 5
    assert north.learning.raised.value == 1
    later = compute_program_metrics(program, D(2025, 4, 1), D(2025, 6, 30), TODAY)
    assert later.roster.in_program.value == 1  # b left in March
    assert later.checkins.due.value == 2 and later.milestones.due.value == 1
    with pytest.raises(NotFoundError):
        metrics(program, site="Nowhere")
