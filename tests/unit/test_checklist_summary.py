"""The checklist summary stays exact: after ratings, a new template version and demo data,
it equals a from-scratch recomputation, and metrics / roster progress read from it agree
with the exact computations over the ratings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select

from bridgedesk.domain.enums import AssessmentMethod, ObserverRole
from bridgedesk.services.checklists.ratings import ChecklistService, Rating
from bridgedesk.services.checklists.summary import ANY_ROLE, refresh
from bridgedesk.services.checklists.templates import save_new_version
from bridgedesk.services.demo import generate_demo
from bridgedesk.services.mentees.roster_rows import roster_rows
from bridgedesk.services.metrics.checklists import (
    checklist_metrics,
    checklist_metrics_exact,
    checklist_metrics_from_summary,
)
from bridgedesk.services.metrics.measure import Period
from bridgedesk.storage.models import ChecklistSummary, Mentee

TODAY = dt.date(2025, 6, 15)
NAMES = [("ሰላም", "ተስፋዬ"), ("प्रिया", "शर्मा"), ("Ольга", "Иванова"), ("Thị Ánh", "Nguyễn")]


def make_mentee(ctx, given: str, family: str) -> int:
    with ctx.unit_of_work() as s:
        mentee = Mentee(given_names=given, family_name=family, start_date=dt.date(2025, 1, 6))
        s.add(mentee)
        s.flush()
        return mentee.id


def rate(svc, mid, item, level, on, role=ObserverRole.MENTOR) -> None:
    svc.rate(
        mid,
        Rating(
            item, level, on, "Dr 王小明 <b>&amp;</para>", role, AssessmentMethod.CASE_DISCUSSION
        ),
        today=TODAY,
    )


def snapshot(ctx) -> list[tuple]:
    cols = [c for c in ChecklistSummary.__table__.c if c.name != "id"]
    with ctx.read() as s:
        return sorted(tuple(row) for row in s.execute(select(*cols)))


def recomputed(ctx) -> list[tuple]:
    """Throw the summary away and rebuild it from the ratings (rolled back afterwards)."""
    cols = [c for c in ChecklistSummary.__table__.c if c.name != "id"]
    with ctx.db.sessions() as s:
        s.execute(delete(ChecklistSummary))
        refresh(s)
        rows = sorted(tuple(row) for row in s.execute(select(*cols)))
        s.rollback()
    return rows


def progress_from_grid(ctx, mid) -> float | None:
    """The roster's progress recomputed from the checklist grid and the current scale."""
    svc = ChecklistService(ctx)
    proficient = {value for value, _label, prof in svc.current_template().levels if prof}
    grid = svc.grid(mid)
    if all(row.latest_any is None for row in grid):
        return None
    return sum(row.latest_any in proficient for row in grid) / len(grid)


def assert_consistent(ctx, mentee_ids, one_template_version: bool = True) -> None:
    rows = snapshot(ctx)
    assert rows and rows == recomputed(ctx)
    period = Period(dt.date(2024, 6, 15), TODAY, TODAY)
    # The exact query groups ratings by the domain of the version they were made on; the
    # summary maps them onto the current template by key. Same answer while one version exists.
    with ctx.read() as s:
        if not one_template_version:
            return _assert_progress(ctx, mentee_ids)
        exact = checklist_metrics_exact(s, period)
        assert exact  # the comparison below could fail
        assert checklist_metrics_from_summary(s, period) == exact
        assert checklist_metrics(s, period) == exact
    _assert_progress(ctx, mentee_ids)


def _assert_progress(ctx, mentee_ids) -> None:
    progress = {row.id: row.checklist_progress for row in roster_rows(ctx, TODAY)}
    for mid in mentee_ids:
        assert progress[mid] == progress_from_grid(ctx, mid)


def seed_ratings(ctx) -> tuple[ChecklistService, list[int]]:
    svc = ChecklistService(ctx)
    mids = [make_mentee(ctx, g, f) for g, f in NAMES]
    view = svc.current_template()
    first, second = view.domains[0][1], view.domains[1][1]
    # out of date order on purpose; same day twice; several roles
    rate(svc, mids[0], first[0][0], 3, dt.date(2025, 3, 1))
    rate(svc, mids[0], first[0][0], 1, dt.date(2025, 2, 1))
    rate(svc, mids[0], first[1][0], 4, dt.date(2025, 3, 1))
    rate(svc, mids[0], first[1][0], 2, dt.date(2025, 3, 1), ObserverRole.SELF)
    rate(svc, mids[0], second[0][0], 3, dt.date(2025, 1, 20), ObserverRole.NURSE)
    rate(svc, mids[1], second[1][0], 4, dt.date(2025, 5, 5), ObserverRole.SELF)
    rate(svc, mids[1], second[1][0], 0, dt.date(2025, 5, 5), ObserverRole.MENTOR)
    rate(svc, mids[2], first[2][0], 2, dt.date(2025, 4, 4), ObserverRole.PEER)
    return svc, mids


def test_summary_follows_each_rating(ctx):
    svc, mids = seed_ratings(ctx)
    assert_consistent(ctx, mids)
    with ctx.read() as s:
        roles = set(
            s.scalars(
                select(ChecklistSummary.observer_role).where(ChecklistSummary.mentee_id == mids[0])
            )
        )
        unrated = s.scalars(
            select(ChecklistSummary.id).where(ChecklistSummary.mentee_id == mids[3])
        )
        assert unrated.first() is None
    assert roles == {"mentor", "self", "nurse", ANY_ROLE}
    progress = {row.id: row.checklist_progress for row in roster_rows(ctx, TODAY)}
    assert progress[mids[3]] is None
    # latest by any observer: 1.1 at 3 (mentor), 1.2 at 2 (self, same day, later id), 2.1 at 3
    assert progress[mids[0]] == 2 / len(svc.grid(mids[0]))


def test_summary_after_new_template_version(ctx):
    svc, mids = seed_ratings(ctx)
    old = svc.current_template()
    domains = [(name, list(items)) for name, items in old.domains]
    domains[0] = ("Patient-centred communication (revised) प्रिया", [domains[0][1][1], "New item"])
    levels = [(0, "Not yet", False), (1, "Emerging", False), (2, "Competent", True)]
    save_new_version(ctx, "Cultural fluency", levels, domains)
    new_items = svc.current_template().domains[0][1]
    rate(svc, mids[3], new_items[1][0], 2, TODAY)
    assert_consistent(ctx, mids, one_template_version=False)
    with ctx.read() as s:
        names = set(s.scalars(select(ChecklistSummary.domain_name)))
    assert "Patient-centred communication (revised) प्रिया" in names


def test_summary_after_demo_and_mentee_delete(ctx):
    generate_demo(ctx, TODAY, mentees=8, seed=3)
    with ctx.read() as s:
        mids = list(s.scalars(select(Mentee.id)))
    assert_consistent(ctx, mids)
    with ctx.unit_of_work() as s:
        s.delete(s.get(Mentee, mids[0]))
    with ctx.read() as s:
        left = s.scalars(select(ChecklistSummary.id).where(ChecklistSummary.mentee_id == mids[0]))
        assert left.first() is None
    assert snapshot(ctx) == recomputed(ctx)


def test_past_period_uses_the_exact_query(ctx):
    svc, mids = seed_ratings(ctx)
    period = Period(dt.date(2024, 6, 1), dt.date(2025, 2, 15), TODAY)
    with ctx.read() as s:
        exact = checklist_metrics_exact(s, period)
        assert checklist_metrics(s, period) == exact
        assert checklist_metrics_from_summary(s, period) != exact  # it would see March


def test_upgrade_from_0001_fills_the_summary_without_the_migration_running_service_code(
    sqlite_ctx, data_paths
):
    """Migration 0002 only marks the summary stale; opening the upgraded file rebuilds it."""
    from bridgedesk.bootstrap import open_program
    from bridgedesk.services.checklists.summary import STALE_KEY
    from bridgedesk.storage import migrate
    from bridgedesk.storage.models import Setting

    seed_ratings(sqlite_ctx)
    expected = snapshot(sqlite_ctx)
    assert expected  # the seed rated something
    migrate.downgrade(sqlite_ctx.db.engine, "0001")  # foreign keys off, as an upgrade runs
    assert migrate.current_revision(sqlite_ctx.db.engine) == "0001"
    sqlite_ctx.db.dispose()

    reopened = open_program(data_paths, actor="tester")  # backs up, upgrades, rebuilds
    try:
        assert snapshot(reopened) == expected == recomputed(reopened)
        with reopened.read() as s:
            assert s.get(Setting, STALE_KEY) is None  # the mark went with the rebuild
    finally:
        reopened.db.dispose()
