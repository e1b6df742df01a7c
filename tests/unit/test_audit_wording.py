"""History in plain words: field names, codes, linked records and the person, as read."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select

from bridgedesk.bootstrap import open_program
from bridgedesk.services.context import current_os_user
from bridgedesk.services.history.acting_person import act_as_director
from bridgedesk.services.history.audit_rows import history_rows
from bridgedesk.services.history.audit_wording import (
    field_words,
    plain_history,
    read_plain_history,
    value_words,
    who_words,
)
from bridgedesk.services.mentees import leaving
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program import details
from bridgedesk.services.program.exit_reasons import exit_reasons
from bridgedesk.storage.models import Phase


def _mentee(ctx) -> int:
    roster = RosterService(ctx, clock=lambda: dt.date(2026, 3, 12))
    return roster.create(
        MenteeFields(
            given_names="Selam",
            family_name="Tesfaye",
            site="North Campus",
            start_date=dt.date(2026, 1, 5),
        )
    )


def _by_field(rows, field):
    return [r for r in rows if r.field == field]


def test_phase_set_by_hand_reads_as_the_phase_name(sqlite_ctx):
    ctx = sqlite_ctx
    mentee_id = _mentee(ctx)
    with ctx.read() as session:
        phase_id, phase_name = session.execute(
            select(Phase.id, Phase.name).order_by(Phase.position.desc()).limit(1)
        ).one()
    roster = RosterService(ctx, clock=lambda: dt.date(2026, 3, 12))
    record = roster.get(mentee_id)
    roster.update(
        mentee_id, dataclasses.replace(record.fields, phase_override_id=phase_id), record.version
    )
    raw = history_rows(ctx, "mentee", mentee_id)
    assert [r.after for r in raw if r.field == "phase_override_id"] == [str(phase_id)]
    plain = plain_history(ctx, "mentee", mentee_id)
    changed = _by_field(plain, "Phase (set by hand)")
    assert [(r.before, r.after) for r in changed if r.action == "update"] == [("", phase_name)]
    assert not any(r.field.endswith("_id") or "_" in r.field for r in plain)
    site = _by_field(plain, "Site")
    assert site and site[-1].after == "North Campus"


def test_leaving_reads_as_status_label_and_reason_name(sqlite_ctx):
    ctx = sqlite_ctx
    mentee_id = _mentee(ctx)
    reason = exit_reasons(ctx)[0]
    leaving.archive(ctx, mentee_id, "left", dt.date(2026, 6, 1), reason.id, "moved away")
    plain = plain_history(ctx, "mentee", mentee_id)
    update = [r for r in plain if r.action == "update"]
    words = {r.field: (r.before, r.after) for r in update}
    assert words["Status"] == ("Active", "Left")
    assert words["Reason for leaving"] == ("", reason.label)
    assert words["Details of leaving"] == ("", "moved away")
    assert words["Date left"] == ("", "2026-06-01")  # the screen formats dates


def test_field_names_and_a_removed_linked_record_in_words():
    assert value_words("mentor_id", "999", {}) == "a removed record (no. 999)"
    assert value_words("mentor_id", "7", {("mentors", "7"): "Dr Carol Jensen"}) == "Dr Carol Jensen"
    assert value_words("format", "in_person", {}) == "In person"
    assert field_words("mentor_id") == "Mentor"
    assert field_words("some_new_thing") == "Some new thing"
    assert field_words("") == ""


def test_new_changes_are_signed_by_the_director_not_the_login(data_paths):
    ctx = open_program(data_paths)  # no actor named: the start-up of the window and the CLI
    try:
        assert ctx.actor == current_os_user()
        details.save(ctx, details.ProgramSettings("St Mary's", "IMG Mentorship", "Dr Amara Okafor"))
        assert ctx.actor == "Dr Amara Okafor"
        mentee_id = _mentee(ctx)
        rows = plain_history(ctx, "mentee", mentee_id)
        assert rows and {r.who for r in rows} == {"Dr Amara Okafor"}
    finally:
        ctx.db.dispose()
    reopened = open_program(data_paths)
    try:
        assert reopened.actor == "Dr Amara Okafor"
    finally:
        reopened.db.dispose()


def test_a_named_actor_is_kept(sqlite_ctx):
    details.save(sqlite_ctx, details.ProgramSettings("H", "P", "Dr Okafor"))
    assert act_as_director(sqlite_ctx) == "tester"
    assert sqlite_ctx.actor == "tester"


def test_old_entries_show_the_director_beside_this_computers_account():
    assert who_words("root", "Dr Okafor", "root") == "Dr Okafor (login root)"
    assert who_words("coordinator", "Dr Okafor", "root") == "coordinator"
    assert who_words("root", "", "root") == "root"
    assert who_words("Dr Okafor", "Dr Okafor", "Dr Okafor") == "Dr Okafor"


def test_a_report_reads_the_plain_history_oldest_first_in_its_own_read(sqlite_ctx):
    mentee_id = _mentee(sqlite_ctx)
    leaving.archive(sqlite_ctx, mentee_id, "completed", dt.date(2026, 6, 1), None)
    with sqlite_ctx.read() as session:
        rows = read_plain_history(session, "mentee", mentee_id, oldest_first=True)
    assert rows[0].action == "create" and rows[-1].action == "update"
    assert ("Active", "Completed") in [(r.before, r.after) for r in rows if r.field == "Status"]
