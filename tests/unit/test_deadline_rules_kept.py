"""Kind fields, edited rules and acknowledged reminders, through the services a screen calls."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from bridgedesk.errors import ValidationError
from bridgedesk.services.credentials import reminders, rule_versions
from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.storage.models import AuditEntry

TODAY = dt.date(2026, 4, 1)


def _physician(ctx, given="Selam", family="Tesfaye") -> int:
    return RosterService(ctx, clock=lambda: TODAY).create(
        MenteeFields(given, family, start_date=dt.date(2026, 1, 5))
    )


def test_a_waiver_with_its_work_start_shows_the_obligation_end(ctx):
    mentee = _physician(ctx)
    svc = CredentialService(ctx)
    values = {"work_start": "2026-05-18", "obligation_years": "4", "state": "TX",
              "site": "Hillside <Clinic> & Co"}  # fmt: skip
    cid = svc.add(mentee, CredentialFields("conrad30", issued_on=dt.date(2026, 3, 2),
                                           values=values))  # fmt: skip
    assert svc.get(cid).fields.values == values
    (row,) = svc.deadlines(TODAY)
    assert (row.what, row.expires_on) == ("Service obligation ends", dt.date(2030, 5, 18))


@pytest.mark.parametrize(
    ("values", "key", "sentence"),
    [
        (
            {"work_start": "18/05/2026"},
            "work_start",
            "Work started on: write the date as YYYY-MM-DD.",
        ),
        ({"obligation_years": "5"}, "obligation_years", "Obligation (years): one of 3, 4."),
        ({"state": "Texas"}, "state", "State: one of AL,"),
        ({"colour": "red"}, "colour", "This kind has no field 'colour'."),
    ],
)
def test_kind_fields_are_checked(ctx, values, key, sentence):
    mentee = _physician(ctx)
    with pytest.raises(ValidationError) as caught:
        CredentialService(ctx).add(mentee, CredentialFields("conrad30", values=values))
    assert caught.value.problems[key].startswith(sentence)


def test_an_edited_rule_is_a_new_audited_version_and_takes_effect(ctx):
    mentee = _physician(ctx)
    svc = CredentialService(ctx)
    cid = svc.add(mentee, CredentialFields("conrad30", issued_on=dt.date(2026, 3, 2)))
    version, text = rule_versions.rules_text(ctx)
    assert version == 0
    data = json.loads(text)
    conrad = next(k for k in data["kinds"] if k["code"] == "conrad30")
    conrad["derived"][0]["days"] = 120  # a program's own (stricter or looser) reading
    conrad["reminder_offsets"] = [45, 10]
    assert rule_versions.save_rules(ctx, json.dumps(data)) == 1
    (row,) = svc.deadlines(TODAY)
    assert (row.credential_id, row.expires_on, row.band) == (cid, dt.date(2026, 6, 30), "later")
    assert {k.code: k.offsets for k in svc.kinds()}["conrad30"] == [45, 10]
    with ctx.read() as s:
        audited = s.scalars(
            select(AuditEntry.actor).where(AuditEntry.entity == "credential_rules")
        ).all()
    assert audited == ["tester"]
    del conrad["derived"][0]["source"]
    with pytest.raises(ValidationError) as caught:
        rule_versions.save_rules(ctx, json.dumps(data))
    assert caught.value.problems["rules"] == (
        "The rules were not saved: kind conrad30 date start_by: 'source' must be a non-empty text."
    )
    assert rule_versions.rules_text(ctx)[0] == 1


def test_reminders_wait_until_acknowledged_and_the_next_one_comes_back(ctx):
    mentee = _physician(ctx)
    CredentialService(ctx).add(mentee, CredentialFields("dea", expires_on=dt.date(2026, 9, 1)))
    (due,) = reminders.reminders_due(ctx, TODAY)  # 180 days before 2026-09-01 has come
    assert (due.days_before, due.event_on, due.reminded_on) == (
        180,
        dt.date(2026, 9, 1),
        dt.date(2026, 3, 5),
    )
    assert due.sentence() == (
        "DEA registration of Selam Tesfaye: expires 2026-09-01 (180-day reminder)"
    )
    reminders.acknowledge(ctx, due)
    reminders.acknowledge(ctx, due)  # twice is once
    assert reminders.reminders_due(ctx, TODAY) == []
    later = reminders.reminders_due(ctx, dt.date(2026, 6, 10))  # the 90-day one has come
    assert [r.days_before for r in later] == [90]
    with ctx.read() as s:
        who = s.scalars(
            select(AuditEntry.actor).where(AuditEntry.entity == "reminder_acknowledgement")
        ).all()
    assert who == ["tester"]


def test_the_status_bar_sentence_counts_reminders_to_acknowledge(ctx):
    from bridgedesk.services.timeline.week_ahead import week_ahead

    mentee = _physician(ctx)
    CredentialService(ctx).add(mentee, CredentialFields("dea", expires_on=dt.date(2026, 9, 1)))
    sentence = week_ahead(ctx, TODAY).sentence()
    assert sentence.endswith("; 1 reminder to acknowledge (Deadlines).")
    (due,) = reminders.reminders_due(ctx, TODAY)
    reminders.acknowledge(ctx, due)
    assert "reminder" not in week_ahead(ctx, TODAY).sentence()
