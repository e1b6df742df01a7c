"""Mentors: records, assignment history when the primary changes, load against capacity."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bridgedesk.domain.enums import AssignmentKind, MenteeStatus
from bridgedesk.errors import ConflictError, UserError, ValidationError
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.storage.models import ExitReason

D = dt.date


@pytest.fixture
def svc(ctx) -> MentorService:
    return MentorService(ctx)


@pytest.fixture
def roster(ctx) -> RosterService:
    return RosterService(ctx, clock=lambda: D(2025, 6, 1))


def mentee(roster: RosterService, given: str, native: str = "") -> int:
    return roster.create(
        MenteeFields(
            given_names=given, family_name="Test", native_name=native, start_date=D(2025, 1, 1)
        )
    )


def test_mentor_create_get_update_and_conflict(svc):
    mid = svc.create(
        MentorFields(
            name="Dr Hana Tesfaye",
            native_name="ሐና ተስፋዬ",
            former_img=True,
            capacity=2,
            site="North clinic",
            notes="<b>&amp;</para>",
        )
    )
    rec = svc.get(mid)
    assert rec.fields.native_name == "ሐና ተስፋዬ" and rec.fields.site == "North clinic"
    assert rec.fields.notes == "<b>&amp;</para>" and rec.active and rec.version == 1
    rec.fields.capacity = 4
    assert svc.update(mid, rec.fields, 1) == 2
    with pytest.raises(ConflictError):
        svc.update(mid, rec.fields, 1)
    assert svc.get(mid).fields.capacity == 4
    with pytest.raises(ValidationError) as err:
        svc.create(MentorFields(name=" ", capacity=-1))
    assert set(err.value.problems) == {"name", "capacity"}


def test_new_primary_ends_the_current_one_and_keeps_history(svc, roster):
    m = mentee(roster, "Selam", "ሰላም ተስፋዬ")
    first = svc.create(MentorFields(name="Dr Adams"))
    second = svc.create(MentorFields(name="Dr Baker"))
    peer = svc.create(MentorFields(name="Dr Chen", former_img=True))
    svc.assign(m, first, AssignmentKind.PRIMARY, D(2025, 1, 1))
    svc.assign(m, peer, AssignmentKind.PEER, D(2025, 1, 15))
    svc.assign(m, second, AssignmentKind.PRIMARY, D(2025, 3, 1))
    history = svc.assignments(m)
    assert [(h.mentor_name, h.kind, h.start, h.end) for h in history] == [
        ("Dr Baker", AssignmentKind.PRIMARY, D(2025, 3, 1), None),
        ("Dr Chen", AssignmentKind.PEER, D(2025, 1, 15), None),
        ("Dr Adams", AssignmentKind.PRIMARY, D(2025, 1, 1), D(2025, 3, 1)),
    ]
    open_primaries = [h for h in history if h.kind == AssignmentKind.PRIMARY and h.end is None]
    assert len(open_primaries) == 1
    assert "Dr Baker" in history[2].end_reason
    with pytest.raises(UserError):
        svc.assign(m, second, AssignmentKind.PRIMARY, D(2025, 4, 1))
    with pytest.raises(ValidationError):
        svc.assign(m, first, AssignmentKind.PRIMARY, D(2025, 2, 1))  # before current start
    assert svc.mentees_of(peer) == [(m, "Selam Test", "peer")]
    assert svc.mentees_of(first) == []


def test_end_assignment_rules(svc, roster):
    m = mentee(roster, "Priya", "प्रिया शर्मा")
    mentor = svc.create(MentorFields(name="Dr Adams"))
    aid = svc.assign(m, mentor, AssignmentKind.CULTURAL, D(2025, 2, 1))
    with pytest.raises(ValidationError):
        svc.end_assignment(aid, D(2025, 1, 1), "too early")
    svc.end_assignment(aid, D(2025, 5, 1), "Moved away")
    assert svc.assignments(m)[0].end == D(2025, 5, 1)
    with pytest.raises(UserError):
        svc.end_assignment(aid, D(2025, 5, 2), "again")


def test_load_counts_active_mentees_against_capacity(svc, roster):
    busy = svc.create(MentorFields(name="Dr Busy", capacity=2, specialty="Family medicine"))
    idle = svc.create(MentorFields(name="Dr Idle", capacity=2))
    ids = [mentee(roster, n) for n in ("Anna", "Boris", "Chen")]
    left = mentee(roster, "Dmitri")
    for m in ids:
        svc.assign(m, busy, AssignmentKind.PRIMARY, D(2025, 1, 1))
    svc.assign(ids[0], busy, AssignmentKind.SPECIALTY, D(2025, 1, 1))  # same mentee counted once
    svc.assign(left, busy, AssignmentKind.PRIMARY, D(2025, 1, 1))
    with roster.ctx.read() as s:
        home = s.scalar(
            select(ExitReason.id).where(ExitReason.label == "Family or personal reasons")
        )
    roster.archive(left, MenteeStatus.LEFT, D(2025, 3, 1), "Returned home", home)
    ended = svc.assign(ids[1], idle, AssignmentKind.PEER, D(2025, 1, 1))
    svc.end_assignment(ended, D(2025, 2, 1), "done")
    load = {row.name: row for row in svc.load()}
    assert (load["Dr Busy"].active_mentees, load["Dr Busy"].over_capacity) == (3, True)
    assert (load["Dr Idle"].active_mentees, load["Dr Idle"].over_capacity) == (0, False)
    assert load["Dr Busy"].specialty == "Family medicine"
    svc.deactivate(idle)
    assert [n for _, n in svc.list_mentors()] == ["Dr Busy"]
    with pytest.raises(UserError):
        svc.assign(ids[2], idle, AssignmentKind.PEER, D(2025, 4, 1))
