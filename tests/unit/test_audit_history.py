"""A record's history, flattened to one row per changed field, newest first."""

from __future__ import annotations

import dataclasses
import datetime as dt

from bridgedesk.services.history.audit_rows import history_rows
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.timeline.service import TimelineService

HOSTILE = "<b>&amp;</para>"


def _mentee(ctx) -> tuple[RosterService, int]:
    roster = RosterService(ctx, clock=lambda: dt.date(2026, 3, 12))
    fields = MenteeFields(
        given_names="Olga",
        family_name="Ivanova",
        native_name="Ольга Иванова",
        start_date=dt.date(2026, 1, 5),
    )
    return roster, roster.create(fields)


def test_two_edits_show_before_after_and_actor_newest_first(ctx):
    roster, mentee_id = _mentee(ctx)
    record = roster.get(mentee_id)
    ctx.actor = "dr.okafor"
    roster.update(
        mentee_id, dataclasses.replace(record.fields, native_name="王小明"), record.version
    )
    record = roster.get(mentee_id)
    ctx.actor = "coordinator"
    roster.update(
        mentee_id, dataclasses.replace(record.fields, notes=HOSTILE * 600), record.version
    )
    rows = history_rows(ctx, "mentee", mentee_id)
    updates = [r for r in rows if r.action == "update"]
    assert [(r.who, r.field) for r in updates] == [
        ("coordinator", "notes"),
        ("dr.okafor", "native_name"),
    ]
    assert (updates[0].before, updates[0].after) == ("", HOSTILE * 600)
    assert (updates[1].before, updates[1].after) == ("Ольга Иванова", "王小明")
    created = [r for r in rows if r.action == "create"]
    assert {r.field for r in created} >= {"given_names", "family_name", "native_name"}
    assert "id" not in {r.field for r in created}
    assert all(r.before == "" for r in created)
    assert rows[0].who == "coordinator"  # newest first


def test_related_records_only_when_asked(ctx):
    roster, mentee_id = _mentee(ctx)
    _other, other_id = _mentee(ctx)
    TimelineService(ctx).plan_checkin(mentee_id, dt.date(2026, 4, 1), title="First week")
    TimelineService(ctx).plan_checkin(other_id, dt.date(2026, 4, 1), title="Not theirs")
    assert {r.entity for r in history_rows(ctx, "mentee", mentee_id)} == {"mentee"}
    related = history_rows(ctx, "mentee", mentee_id, include_related=True)
    checkin_titles = [r.after for r in related if r.entity == "checkin" and r.field == "title"]
    assert checkin_titles == ["First week"]
    assert {r.entity_id for r in related if r.entity == "mentee"} == {mentee_id}


def test_unknown_record_has_no_history(ctx):
    assert history_rows(ctx, "mentee", 999_999, include_related=True) == []
