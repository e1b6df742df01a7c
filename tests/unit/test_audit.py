"""The audit trail: creating, changing and deleting a mentee each leave an entry."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.storage.models import AuditEntry


def entries(ctx, mentee_id: int) -> list[AuditEntry]:
    with ctx.read() as s:
        return list(
            s.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == "mentee", AuditEntry.entity_id == mentee_id)
                .order_by(AuditEntry.id)
            )
        )


def test_create_update_delete_are_audited_with_actor_and_changed_fields(ctx):
    roster = RosterService(ctx, clock=lambda: dt.date(2025, 6, 1))
    mid = roster.create(
        MenteeFields(
            given_names="Thi Anh",
            family_name="Nguyễn",
            native_name="王小明",
            start_date=dt.date(2025, 1, 1),
        )
    )
    rec = roster.get(mid)
    rec.fields.specialty = "Pediatrics"
    roster.update(mid, rec.fields, rec.version)
    roster.delete(mid)

    log = entries(ctx, mid)
    assert [e.action for e in log] == ["create", "update", "delete"]
    assert {e.actor for e in log} == {"tester"}
    assert all(e.mentee_id == mid for e in log)
    created = json.loads(log[0].after)
    assert created["family_name"] == "Nguyễn" and created["native_name"] == "王小明"
    assert log[0].before == ""
    assert json.loads(log[1].before) == {"specialty": ""}
    assert json.loads(log[1].after) == {"specialty": "Pediatrics"}
    deleted = json.loads(log[2].before)
    assert deleted["specialty"] == "Pediatrics" and deleted["id"] == mid
    assert log[2].after == ""


def test_saving_unchanged_fields_adds_no_update_entry(ctx):
    roster = RosterService(ctx, clock=lambda: dt.date(2025, 6, 1))
    mid = roster.create(
        MenteeFields(given_names="Olga", family_name="Ivanova", start_date=dt.date(2025, 1, 1))
    )
    rec = roster.get(mid)
    assert roster.update(mid, rec.fields, rec.version) == 1
    assert [e.action for e in entries(ctx, mid)] == ["create"]
