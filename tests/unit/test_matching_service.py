"""Matching on the program's database: weights kept and audited, suggestions, cohort applied."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from bridgedesk.domain.enums import AssignmentKind
from bridgedesk.domain.matching_weights import MatchWeights
from bridgedesk.errors import ConflictError, UserError, ValidationError
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.matching import assign_suggested, suggest_mentors
from bridgedesk.services.mentors.matching_cohort import apply_proposals, propose_cohort
from bridgedesk.services.mentors.matching_weights import load_weights, save_weights
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.storage.models import AuditEntry

TODAY = dt.date(2026, 3, 12)


@pytest.fixture
def roster(ctx) -> RosterService:
    return RosterService(ctx, clock=lambda: TODAY)


def new_mentee(roster: RosterService, given: str, **kw) -> int:
    kw.setdefault("start_date", dt.date(2026, 3, 1))
    return roster.create(MenteeFields(given_names=given, family_name="Test", **kw))


def audit(ctx, entity: str) -> list[AuditEntry]:
    with ctx.read() as s:
        stmt = select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id)
        return list(s.scalars(stmt))


def test_weights_default_then_saved_audited_and_conflicts_refused(ctx):
    stored = load_weights(ctx)
    assert stored.weights == MatchWeights() and stored.version == 0
    changed = MatchWeights(specialty=9, site=0, must_same_site=True)
    version = save_weights(ctx, changed, 0)
    assert load_weights(ctx) == type(stored)(changed, version)
    with pytest.raises(ConflictError):
        save_weights(ctx, MatchWeights(), 0)
    with pytest.raises(ValidationError) as err:
        save_weights(ctx, MatchWeights(site=11), version)
    assert set(err.value.problems) == {"site"}
    assert save_weights(ctx, MatchWeights(specialty=9, site=0, must_same_site=True), version) == (
        version
    )  # nothing changed: no new version, no audit row
    log = audit(ctx, "matching_weights")
    assert [e.action for e in log] == ["create"]
    assert json.loads(log[0].after)["must_same_site"] is True
    save_weights(ctx, MatchWeights(), version)
    log = audit(ctx, "matching_weights")
    assert [e.action for e in log] == ["create", "update"]
    assert json.loads(log[1].after) == {
        "points_specialty": MatchWeights().specialty, "points_site": MatchWeights().site,
        "must_same_site": False,
    }  # fmt: skip


def test_mentor_languages_and_training_country_are_kept(ctx):
    service = MentorService(ctx)
    mid = service.create(
        MentorFields(name="Dr ሐና", languages=" Amharic, English ", country_of_training="Ethiopia")
    )
    fields = service.get(mid).fields
    assert (fields.languages, fields.country_of_training) == ("Amharic, English", "Ethiopia")
    with pytest.raises(ValidationError) as err:
        service.create(MentorFields(name="Dr X", languages="x" * 10_000))
    assert err.value.problems == {
        "languages": "This is too long: at most 300 characters are allowed."
    }


def test_suggestions_rank_explain_and_leave_out_full_and_current_mentors(ctx, roster):
    service = MentorService(ctx)
    hana = service.create(
        MentorFields(name="Dr Hana", specialty="Family medicine", languages="Amharic, English",
                     country_of_training="Ethiopia", former_img=True, capacity=2, site="North")
    )  # fmt: skip
    carol = service.create(MentorFields(name="Dr Carol", languages="English", capacity=3))
    full = service.create(MentorFields(name="Dr Full", specialty="Family medicine", capacity=1))
    current = service.create(MentorFields(name="Dr Current", capacity=5))
    selam = new_mentee(
        roster, "Selam", specialty="Family medicine", languages="Amharic, English",
        country_of_training="Ethiopia", site="North",
    )  # fmt: skip
    other = new_mentee(roster, "Other")
    service.assign(other, full, AssignmentKind.PRIMARY, TODAY)
    service.assign(selam, current, AssignmentKind.PEER, TODAY)

    result = suggest_mentors(ctx, selam, TODAY)
    assert [s.mentor.id for s in result.ranking.suggestions] == [hana, carol]
    assert result.ranking.suggestions[0].why == (
        "same specialty, speaks Amharic, also trained in Ethiopia, former IMG, same site, "
        "2 places left"
    )
    assert [(e.mentor.id, e.reason) for e in result.ranking.excluded] == [(full, "no place left")]
    assert result.already == 1

    assign_suggested(ctx, selam, hana, AssignmentKind.PRIMARY, TODAY)
    open_now = {(r.mentor_id, r.kind) for r in service.assignments(selam) if r.end is None}
    assert open_now == {(current, AssignmentKind.PEER), (hana, AssignmentKind.PRIMARY)}
    assert hana not in [s.mentor.id for s in suggest_mentors(ctx, selam, TODAY).ranking.suggestions]
    with pytest.raises(UserError, match="Dr Full has no free place any more"):
        assign_suggested(ctx, selam, full, AssignmentKind.PEER, TODAY)


def test_cohort_proposal_applied_in_one_go_within_capacity(ctx, roster):
    service = MentorService(ctx)
    a = service.create(MentorFields(name="Dr A", specialty="Surgery", capacity=2))
    b = service.create(MentorFields(name="Dr B", capacity=1))
    settled = new_mentee(roster, "Settled")
    service.assign(settled, a, AssignmentKind.PRIMARY, TODAY)  # a has one place left
    waiting = [new_mentee(roster, f"New {c}", specialty="Surgery") for c in "ABCD"]

    plan = propose_cohort(ctx, TODAY)
    assert {p.mentee.id for p in plan.proposals} | {u.mentee.id for u in plan.unmatched} == set(
        waiting
    )
    assert sorted(p.score.mentor.id for p in plan.proposals) == sorted([a, b])
    pairs = [(p.mentee.id, p.score.mentor.id) for p in plan.proposals]

    assert apply_proposals(ctx, pairs, TODAY) == 2
    loads = {row.id: row for row in service.load(today=TODAY)}
    assert (loads[a].active_mentees, loads[b].active_mentees) == (2, 1)
    assert not any(row.over_capacity for row in loads.values())
    created = [e for e in audit(ctx, "mentor_assignment") if e.action == "create"]
    assert len(created) == 3 and {e.mentee_id for e in created[1:]} == {m for m, _ in pairs}

    # The same proposal again: the mentees have a primary now and the places are taken.
    with pytest.raises(UserError, match="would overload Dr A, Dr B. Nothing was assigned"):
        apply_proposals(ctx, pairs, TODAY)
    service.update(b, MentorFields(name="Dr B", capacity=5), 1)
    with pytest.raises(UserError, match="got a primary mentor"):
        apply_proposals(ctx, [(pairs[0][0], b)], TODAY)
    assert len([e for e in audit(ctx, "mentor_assignment") if e.action == "create"]) == 3
    assert propose_cohort(ctx, TODAY).proposals[0].score.mentor.id == b
