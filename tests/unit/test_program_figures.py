"""Today's figures and their one definition each: mentee counts, mentor load, the registry."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bridgedesk.domain import figures as f
from bridgedesk.domain.enums import AssignmentKind, MenteeStatus
from bridgedesk.errors import NotFoundError
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentees.status_counts import mentee_counts
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.metrics import compute_program_metrics
from bridgedesk.services.metrics.dashboard_lists import without_primary_mentor
from bridgedesk.services.metrics.headline import headline_measures
from bridgedesk.services.metrics.program_figures import mentor_counts, today_figures
from bridgedesk.storage.models import ExitReason

D = dt.date
TODAY = D(2025, 6, 1)


@pytest.fixture
def roster(ctx) -> RosterService:
    return RosterService(ctx, clock=lambda: TODAY)


def left(ctx, roster: RosterService, mentee_id: int, on: dt.date) -> None:
    """Archive as left, with a reason from the program's list (leaving early needs one)."""
    with ctx.read() as s:
        reason = s.scalar(
            select(ExitReason.id).where(ExitReason.label == "Family or personal reasons")
        )
    roster.archive(mentee_id, MenteeStatus.LEFT, on, "Returned home", reason)


def add(roster: RosterService, given: str, site: str = "Main", native: str = "") -> int:
    return roster.create(
        MenteeFields(
            given_names=given, family_name="Test", native_name=native, start_date=D(2025, 1, 1),
            site=site,
        )
    )  # fmt: skip


def test_mentee_counts_by_status_and_site(ctx, roster):
    ids = [add(roster, n) for n in ("Abebe", "Bilal", "Chen")]
    add(roster, "Dana", site="North", native="ዳና")
    left(ctx, roster, ids[0], D(2025, 3, 1))
    roster.archive(ids[1], MenteeStatus.COMPLETED, D(2025, 5, 1), "Finished")
    counts = mentee_counts(ctx)
    assert (counts.on_roster, counts.active, counts.completed, counts.left) == (4, 2, 1, 1)
    north = mentee_counts(ctx, "North")
    assert (north.on_roster, north.active) == (1, 1)
    with pytest.raises(NotFoundError, match="no site called “No such <site> & co”"):
        mentee_counts(ctx, "No such <site> & co")
    with pytest.raises(NotFoundError) as long_name:
        mentee_counts(ctx, "ሀ" * 10_000)
    assert len(str(long_name.value)) < 100  # one readable sentence, not the whole text


def test_figures_of_a_site_named_in_any_script(ctx, roster):
    site = "ሆስፒታል <North> & مستشفى"
    add(roster, "Selam", site=site, native="ሰላም")
    add(roster, "Omar", site="Main")
    assert mentee_counts(ctx, site).active == 1
    headline = headline_measures(ctx, D(2024, 6, 2), TODAY, TODAY, site)
    assert headline.mentees.active == 1 and headline.roster.in_program.value == 1
    assert today_figures(ctx, TODAY, site).value(f.WITHOUT_PRIMARY_MENTOR) == 1


def test_load_counts_open_primary_assignments_of_active_mentees(ctx, roster):
    svc = MentorService(ctx)
    busy = svc.create(MentorFields(name="Dr Busy", capacity=2))
    light = svc.create(MentorFields(name="Dr محمد", capacity=3))
    gone = svc.create(MentorFields(name="Dr Retired", capacity=1))
    a, b, c, d, e = (add(roster, n) for n in ("Ana", "Ben", "Cai", "Dev", "Eli"))
    svc.assign(a, busy, AssignmentKind.PRIMARY, D(2025, 1, 1))
    svc.assign(b, busy, AssignmentKind.PRIMARY, D(2025, 1, 1))
    svc.assign(c, busy, AssignmentKind.PRIMARY, D(2025, 1, 1))  # third primary: over capacity
    svc.assign(d, busy, AssignmentKind.PEER, D(2025, 1, 1))  # peer: not load
    svc.assign(e, busy, AssignmentKind.PRIMARY, D(2025, 1, 1))
    left(ctx, roster, e, D(2025, 4, 1))  # left: not load
    ended = svc.assign(d, light, AssignmentKind.PRIMARY, D(2025, 1, 1))
    svc.end_assignment(ended, D(2025, 5, 1), "Changed mentor")  # ended before today
    later = svc.assign(a, light, AssignmentKind.SPECIALTY, D(2025, 1, 1))
    assert later
    svc.retire(gone, D(2025, 2, 1))

    figures = mentor_counts(ctx, TODAY)
    loads = {m.name: m.load for m in figures.loads}
    assert loads == {"Dr Busy": 3, "Dr محمد": 0}  # retired mentors are not counted
    assert figures.active_mentors == 2
    assert figures.over_capacity == 1
    assert figures.mentees_per_mentor == pytest.approx(1.5)
    view_rows = {r.name: (r.active_mentees, r.over_capacity) for r in svc.load(today=TODAY)}
    assert view_rows == {"Dr Busy": (3, True), "Dr محمد": (0, False)}

    # The report's roster reads the same numbers, an average printed as one number.
    metrics = compute_program_metrics(ctx, D(2024, 6, 2), TODAY, TODAY)
    assert metrics.roster.mentors_over_capacity.value == 1
    assert metrics.roster.mentors_over_capacity.denominator == 2
    assert metrics.roster.mean_load.value == pytest.approx(1.5)
    assert metrics.roster.mean_load.unit == "mean"
    assert metrics.roster.active is not None and metrics.roster.active.value == 4
    # Dev's primary ended: he is the one active mentee without a primary mentor.
    assert [i.mentee_id for i in without_primary_mentor(ctx, TODAY)] == [d]


def test_today_figures_read_each_registered_figure(ctx, roster):
    add(roster, "Fatima", native="فاطمة")
    now = today_figures(ctx, TODAY)
    keys = (
        f.MENTEES_ON_ROSTER, f.ACTIVE_MENTEES, f.ACTIVE_MENTORS, f.MENTORS_OVER_CAPACITY,
        f.MENTEES_PER_MENTOR, f.WITHOUT_PRIMARY_MENTOR, f.CHECKINS_OVERDUE,
        f.MILESTONES_OVERDUE_NOW, f.CREDENTIALS_LAPSED, f.CREDENTIALS_DUE_30,
        f.CREDENTIAL_DEADLINES_30, f.CHECKLISTS_UNASSESSED,
    )  # fmt: skip
    assert all(key in f.FIGURES for key in keys)
    assert now.value(f.ACTIVE_MENTEES) == 1 and now.value(f.WITHOUT_PRIMARY_MENTOR) == 1
    assert now.value(f.MENTEES_PER_MENTOR) is None  # no mentor: no average, not zero
    assert now.value(f.CREDENTIAL_DEADLINES_30) == (
        now.value(f.CREDENTIALS_LAPSED) + now.value(f.CREDENTIALS_DUE_30)  # type: ignore[operator]
    )


def test_registry_labels_are_unique_and_every_figure_is_defined():
    figures = f.all_figures()
    assert len({x.label for x in figures}) == len(figures) == len(f.FIGURES)
    for x in figures:
        assert x.definition.endswith(".") and len(x.definition) > 30, x.key
        assert f.by_label(x.label) is x
    assert f.by_label("Not a figure") is None
    assert "primary" in f.definition(f.MENTORS_OVER_CAPACITY)
    assert "active mentees" in f.definition(f.MENTORS_OVER_CAPACITY)


@pytest.mark.parametrize(
    ("today", "first"),
    [
        (D(2026, 3, 12), D(2025, 3, 13)),
        (D(2024, 2, 29), D(2023, 3, 1)),
        (D(2025, 1, 1), D(2024, 1, 2)),
    ],
)
def test_last_twelve_months(today, first):
    assert f.last_twelve_months(today) == (first, today)
