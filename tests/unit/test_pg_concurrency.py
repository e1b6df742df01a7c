"""Two desks on one program: each with its own engine, editing the same mentee.

Runs on SQLite (two engines on one file) and on PostgreSQL (two engines on one database),
through the ``ctx`` fixture. The second save of a stale record is refused with a sentence
naming the field the first desk changed, and the first desk's save is kept intact.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bridgedesk.errors import ConflictError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.storage.database import Database
from bridgedesk.storage.engine import make_engine

TODAY = dt.date(2026, 3, 12)


def other_desk(ctx: ServiceContext, actor: str) -> ServiceContext:
    url = ctx.db.engine.url.render_as_string(hide_password=False)
    return ServiceContext(Database(engine=make_engine(url)), actor=actor)


@pytest.fixture
def desks(ctx):
    nurse = other_desk(ctx, "nurse.amara")
    director = other_desk(ctx, "dr.okafor")
    yield RosterService(nurse, clock=lambda: TODAY), RosterService(director, clock=lambda: TODAY)
    nurse.db.dispose()
    director.db.dispose()


def test_second_stale_save_names_the_changed_field_and_first_save_stays(ctx, desks):
    nurse, director = desks
    assert nurse.ctx.db.engine is not director.ctx.db.engine
    mentee_id = RosterService(ctx, clock=lambda: TODAY).create(
        MenteeFields(
            given_names="Priya",
            family_name="Sharma",
            native_name="प्रिया शर्मा",
            start_date=dt.date(2026, 1, 5),
            phone="555-0100",
        )
    )
    seen_by_nurse = nurse.get(mentee_id)
    seen_by_director = director.get(mentee_id)
    assert seen_by_nurse.version == seen_by_director.version == 1

    first = dataclasses.replace(seen_by_nurse.fields, phone="555-0199")
    assert nurse.update(mentee_id, first, expected_version=seen_by_nurse.version) == 2

    second = dataclasses.replace(seen_by_director.fields, notes="<b>&amp;</para> " + "x" * 10_000)
    with pytest.raises(ConflictError) as caught:
        director.update(mentee_id, second, expected_version=seen_by_director.version)
    message = str(caught.value)
    assert "nurse.amara" in message
    assert "phone" in message.lower()
    assert set(caught.value.changed_fields) == {"phone"}
    assert caught.value.changed_fields["phone"] == ("555-0100", "555-0199")

    kept = director.get(mentee_id)  # the director reloads: the nurse's save is intact
    assert kept.version == 2
    assert kept.fields.phone == "555-0199"
    assert kept.fields.notes == ""
    assert kept.fields.native_name == "प्रिया शर्मा"

    redo = dataclasses.replace(kept.fields, notes=second.notes)
    assert director.update(mentee_id, redo, expected_version=kept.version) == 3
    final = nurse.get(mentee_id)
    assert (final.fields.phone, final.fields.notes) == ("555-0199", second.notes)
