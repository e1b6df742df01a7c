"""Checklist service: ratings, grid and gap, progress first vs latest, template versions."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from bridgedesk.domain.enums import AssessmentMethod, ObserverRole
from bridgedesk.errors import ValidationError
from bridgedesk.services.checklists.ratings import ChecklistService, Rating
from bridgedesk.services.checklists.templates import save_new_version, template_versions
from bridgedesk.storage.models import Assessment, AuditEntry, Mentee

TODAY = dt.date(2025, 6, 15)
HOSTILE = "<b>&amp;</para>"


def make_mentee(ctx, given="محمد", family="عبد الله") -> int:
    with ctx.unit_of_work() as s:
        mentee = Mentee(given_names=given, family_name=family, start_date=dt.date(2025, 1, 6))
        s.add(mentee)
        s.flush()
        return mentee.id


def rating(item_id, level, on, role=ObserverRole.MENTOR, **extra) -> Rating:
    return Rating(
        item_id=item_id,
        level=level,
        assessed_on=on,
        observer=extra.pop("observer", "Dr 王小明"),
        observer_role=role,
        method=extra.pop("method", AssessmentMethod.DIRECT_OBSERVATION),
        **extra,
    )


def items_of(svc, domain_index=0):
    return svc.current_template().domains[domain_index][1]


def test_current_template_is_the_default(ctx):
    view = ChecklistService(ctx).current_template()
    assert (view.name, view.version) == ("Cultural fluency", 1)
    assert [lv[0] for lv in view.levels] == [0, 1, 2, 3, 4]
    assert [lv[2] for lv in view.levels] == [False, False, False, True, True]
    assert len(view.domains) == 14
    assert view.domains[0][1][0][1] == "1.1"


def test_rate_and_grid_gap(ctx):
    mid = make_mentee(ctx)
    svc = ChecklistService(ctx)
    item = items_of(svc)[0][0]
    svc.rate(mid, rating(item, 1, dt.date(2025, 2, 1), ObserverRole.SELF), today=TODAY)
    svc.rate(
        mid, rating(item, 3, dt.date(2025, 2, 2), evidence=HOSTILE + "x" * 10_000), today=TODAY
    )
    row = next(r for r in svc.grid(mid) if r.item_id == item)
    assert (row.latest_self, row.latest_mentor, row.latest_any, row.gap) == (1, 3, 3, 2)
    assert row.latest_on == dt.date(2025, 2, 2)
    svc.rate(mid, rating(item, 2, dt.date(2025, 5, 1), ObserverRole.SELF), today=TODAY)
    row = next(r for r in svc.grid(mid) if r.item_id == item)
    assert (row.latest_self, row.latest_mentor, row.latest_any, row.gap) == (2, 3, 2, 1)
    # a late-entered older rating does not become the latest
    svc.rate(mid, rating(item, 0, dt.date(2025, 1, 1), ObserverRole.SELF), today=TODAY)
    row = next(r for r in svc.grid(mid) if r.item_id == item)
    assert row.latest_self == 2
    untouched = [r for r in svc.grid(mid) if r.item_id != item]
    assert all(r.latest_any is None and r.gap is None for r in untouched)
    history = svc.history(mid, "1.1")
    assert [h.level for h in history] == [2, 3, 1, 0]
    assert history[1].evidence == HOSTILE + "x" * 10_000
    assert history[1].level_label == "Proficient" and history[1].proficient


def test_rating_is_audited(ctx):
    mid = make_mentee(ctx)
    svc = ChecklistService(ctx)
    aid = svc.rate(mid, rating(items_of(svc)[0][0], 2, TODAY), today=TODAY)
    with ctx.read() as s:
        entry = s.execute(
            select(AuditEntry.action, AuditEntry.actor, AuditEntry.mentee_id).where(
                AuditEntry.entity == "assessment", AuditEntry.entity_id == aid
            )
        ).one()
    assert tuple(entry) == ("create", "tester", mid)


def test_invalid_level_and_future_date_are_refused(ctx):
    mid = make_mentee(ctx)
    svc = ChecklistService(ctx)
    item = items_of(svc)[0][0]
    with pytest.raises(ValidationError) as err:
        svc.rate(mid, rating(item, 7, TODAY), today=TODAY)
    assert "level" in err.value.problems
    with pytest.raises(ValidationError) as err:
        svc.rate(mid, rating(item, 2, TODAY + dt.timedelta(days=1)), today=TODAY)
    assert "assessed_on" in err.value.problems
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Assessment)) == 0


def test_progress_first_versus_latest(ctx):
    mid = make_mentee(ctx)
    svc = ChecklistService(ctx)
    (a, _, _), (b, _, _), (c, _, _) = items_of(svc)
    jan, may = dt.date(2025, 1, 10), dt.date(2025, 5, 10)
    svc.rate(mid, rating(a, 1, jan), today=TODAY)
    svc.rate(mid, rating(a, 3, may), today=TODAY)  # grew to proficient
    svc.rate(mid, rating(b, 4, jan), today=TODAY)  # proficient from the start
    svc.rate(mid, rating(c, 2, jan, ObserverRole.SELF), today=TODAY)
    progress = svc.progress(mid)
    first = progress[0]
    assert first.domain == "Patient-centred communication"
    assert (first.items, first.proficient_items) == (3, 2)
    assert first.share == pytest.approx(2 / 3)
    assert first.first_share == pytest.approx(1 / 3)
    # latest any: a=3, b=4, c=2
    assert first.latest_mean == pytest.approx(3.0)
    assert first.mentor_mean == pytest.approx(3.5)
    assert first.self_mean == pytest.approx(2.0)
    rest = progress[1]
    assert (rest.proficient_items, rest.share, rest.first_share, rest.latest_mean) == (
        0,
        0.0,
        None,
        None,
    )


def test_stale_items(ctx):
    mid = make_mentee(ctx)
    svc = ChecklistService(ctx)
    total = sum(len(items) for _d, items in svc.current_template().domains)
    (a, _, _), (b, _, _), _ = items_of(svc)
    svc.rate(mid, rating(a, 2, dt.date(2024, 12, 15)), today=TODAY)  # exactly 6 months: fresh
    svc.rate(mid, rating(b, 2, dt.date(2024, 12, 14)), today=TODAY)  # one day older: stale
    assert svc.stale_items(mid, TODAY, months=6) == total - 1


def test_new_version_leaves_old_assessments_and_history_follows_key(ctx):
    mid = make_mentee(ctx)
    svc = ChecklistService(ctx)
    old = svc.current_template()
    old_item = old.domains[0][1][0][0]
    old_aid = svc.rate(mid, rating(old_item, 3, dt.date(2025, 2, 1)), today=TODAY)
    domains = [(name, list(items)) for name, items in old.domains]
    domains[0] = (
        "Patient-centred communication (revised)",
        [(old_item, "1.1", "Elicits the patient's own explanatory model"), "A brand new item"],
    )
    levels = [(0, "Not yet", False), (1, "Emerging", False), (2, "Competent", True)]
    new_id = save_new_version(ctx, "Cultural fluency", levels, domains)
    new = svc.current_template()
    assert (new.id, new.version) == (new_id, 2)
    new_items = new.domains[0][1]
    assert new_items[0][1] == "1.1" and new_items[0][0] != old_item
    assert new_items[1][1] not in {"1.1", "1.2", "1.3"}  # no borrowed history
    with ctx.read() as s:
        kept = s.get(Assessment, old_aid)
        assert (kept.item_id, kept.level) == (old_item, 3)
    # the old scale's level 3 does not exist on the new scale
    with pytest.raises(ValidationError):
        svc.rate(mid, rating(new_items[0][0], 3, TODAY), today=TODAY)
    svc.rate(mid, rating(new_items[0][0], 2, TODAY), today=TODAY)
    history = svc.history(mid, "1.1")
    assert [(h.template_version, h.level) for h in history] == [(2, 2), (1, 3)]
    assert history[1].item_text == "Elicits the patient's own view of the illness"
    row = svc.grid(mid)[0]
    assert (row.item_text, row.latest_any) == ("Elicits the patient's own explanatory model", 2)
    versions = {v.version: v for v in template_versions(ctx)}
    assert (versions[1].is_current, versions[1].n_assessments) == (False, 1)
    assert (versions[2].is_current, versions[2].n_assessments) == (True, 1)


def test_new_version_is_validated(ctx):
    with pytest.raises(ValidationError) as err:
        save_new_version(
            ctx, " ", [(0, "A", False), (0, "B", True)], [("D", [("1.1", "x"), ("1.1", "y")])]
        )
    assert {"name", "levels", "domains[1]"} <= set(err.value.problems)
    assert [v.version for v in template_versions(ctx)] == [1]
