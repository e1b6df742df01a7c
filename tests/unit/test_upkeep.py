"""Keeping a real program up to date: mentors edited and retired, sites added, renamed and
merged, the exit reasons list, and the program's details on reports; every change audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bridgedesk.domain.enums import AssignmentKind, MenteeStatus
from bridgedesk.errors import UserError, ValidationError
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentees.roster_rows import roster_rows
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.program import details, exit_reasons, sites
from bridgedesk.services.program.details import ProgramSettings
from bridgedesk.storage.models import AuditEntry

TODAY = dt.date(2026, 3, 12)


def audited(ctx, entity: str) -> list[tuple[str, str]]:
    with ctx.read() as s:
        return list(
            s.execute(
                select(AuditEntry.action, AuditEntry.after)
                .where(AuditEntry.entity == entity)
                .order_by(AuditEntry.id)
            ).all()
        )


def a_mentee(ctx, given: str, site: str = "") -> int:
    return RosterService(ctx, clock=lambda: TODAY).create(
        MenteeFields(given_names=given, family_name="Test", start_date=TODAY, site=site)
    )


def test_a_mentor_is_edited_and_retired_with_their_assignments_ending_that_day(ctx):
    mentors = MentorService(ctx)
    mid = mentors.create(MentorFields(name="Dr Олег Петров", capacity=2))
    record = mentors.get(mid)
    fields = record.fields
    fields.specialty, fields.capacity, fields.former_img = "Internal medicine", 4, True
    fields.email, fields.phone = "oleg@example.org", "+1 406 555 0100"
    mentors.update(mid, fields, record.version)
    again = mentors.get(mid).fields
    assert (again.specialty, again.capacity, again.former_img, again.phone) == (
        "Internal medicine", 4, True, "+1 406 555 0100",
    )  # fmt: skip
    a, b = a_mentee(ctx, "Ana"), a_mentee(ctx, "Bo")
    mentors.assign(a, mid, AssignmentKind.PRIMARY, dt.date(2026, 1, 5))
    mentors.assign(b, mid, AssignmentKind.PEER, dt.date(2026, 2, 2))
    last_day = dt.date(2026, 3, 6)
    assert mentors.retire(mid, last_day, "Moved to Billings") == 2
    ends = {(r.end, r.end_reason) for r in mentors.assignments(a) + mentors.assignments(b)}
    assert ends == {(last_day, "Mentor retired: Moved to Billings")}
    assert mentors.list_mentors() == []
    (retired,) = mentors.load(include_retired=True)
    assert (retired.active, retired.retired_on) == (False, last_day)
    with pytest.raises(UserError):
        mentors.assign(a, mid, AssignmentKind.PRIMARY, TODAY)
    mentors.reinstate(mid)
    assert [n for _i, n in mentors.list_mentors()] == ["Dr Олег Петров"]
    actions = [action for action, _after in audited(ctx, "mentor_assignment")]
    assert actions.count("update") == 2  # both ends audited


def test_retiring_before_an_assignment_began_is_refused(ctx):
    mentors = MentorService(ctx)
    mid = mentors.create(MentorFields(name="Dr Adams"))
    mentors.assign(a_mentee(ctx, "Ana"), mid, AssignmentKind.PRIMARY, dt.date(2026, 3, 1))
    with pytest.raises(ValidationError) as refused:
        mentors.retire(mid, dt.date(2026, 2, 1))
    assert "starts on 2026-03-01" in refused.value.problems["on"]
    assert mentors.get(mid).active


def test_sites_are_added_renamed_and_merged_and_everyone_follows(ctx):
    ana = a_mentee(ctx, "Ana", "Hillside Hospital")
    bo = a_mentee(ctx, "Bo", "Hilside Hospital")  # the typo that became a site
    mentor = MentorService(ctx).create(MentorFields(name="Dr Adams", site="Hilside Hospital"))
    rows = {r.name: r for r in sites.sites(ctx)}
    assert (rows["Hilside Hospital"].mentees, rows["Hilside Hospital"].mentors) == (1, 1)
    assert sites.close_match("Hilside Hospital", ["Hillside Hospital"]) == "Hillside Hospital"
    with pytest.raises(ValidationError) as refused:
        sites.edit_site(ctx, rows["Hilside Hospital"].id, "hillside hospital")
    assert "merge the two instead" in refused.value.problems["name"]
    assert sites.merge_sites(ctx, rows["Hilside Hospital"].id, rows["Hillside Hospital"].id) == 2
    sites.edit_site(ctx, rows["Hillside Hospital"].id, "Hillside District Hospital", "Montana")
    new = sites.add_site(ctx, "ሆስፒታል Clinic")
    listed = {r.name: r for r in sites.sites(ctx)}
    assert set(listed) == {"Hillside District Hospital", "ሆስፒታል Clinic"}
    assert (listed["Hillside District Hospital"].mentees, listed["Hillside District Hospital"]
            .mentors, listed["Hillside District Hospital"].state) == (2, 1, "Montana")  # fmt: skip
    assert {r.site for r in roster_rows(ctx, TODAY) if r.id in (ana, bo)} == {
        "Hillside District Hospital"
    }
    assert MentorService(ctx).get(mentor).fields.site == "Hillside District Hospital"
    assert listed["ሆስፒታል Clinic"].id == new
    actions = [action for action, _after in audited(ctx, "site")]
    assert actions.count("delete") == 1 and actions.count("update") == 1


def test_the_exit_reasons_list_is_edited_and_a_used_reason_is_retired_not_deleted(ctx):
    roster = RosterService(ctx, clock=lambda: TODAY)
    listed = exit_reasons.exit_reasons(ctx)
    assert [r.label for r in listed][:2] == ["Completed the program", "Family or personal reasons"]
    new = exit_reasons.add_exit_reason(ctx, "Moved for a spouse's job")
    with pytest.raises(ValidationError):
        exit_reasons.add_exit_reason(ctx, "moved for a SPOUSE'S job")
    exit_reasons.rename_exit_reason(ctx, new, "Spouse's job elsewhere")
    exit_reasons.move_exit_reason(ctx, new, -1)
    order = [r.label for r in exit_reasons.exit_reasons(ctx)]
    assert order.index("Spouse's job elsewhere") == len(order) - 2
    mid = a_mentee(ctx, "Ana")
    roster.archive(mid, MenteeStatus.LEFT, TODAY, "", new)
    assert exit_reasons.remove_exit_reason(ctx, new) == "retired"
    assert "Spouse's job elsewhere" not in [r.label for r in exit_reasons.exit_reasons(ctx)]
    assert roster.get(mid).exit_reason_label == "Spouse's job elsewhere"  # the record keeps it
    unused = exit_reasons.add_exit_reason(ctx, "Never used")
    assert exit_reasons.remove_exit_reason(ctx, unused) == "deleted"
    exit_reasons.restore_exit_reason(ctx, new)
    counts = {r.label: r.mentees for r in exit_reasons.exit_reasons(ctx)}
    assert counts["Spouse's job elsewhere"] == 1
    assert [action for action, _after in audited(ctx, "exit_reason")].count("delete") == 1


def test_the_program_details_are_changed_and_audited(ctx):
    names = ProgramSettings("Hillside District Hospital", "IMG Bridge", "Dr Ruth Okafor")
    details.save(ctx, names)
    details.save(ctx, ProgramSettings("Hillside District Hospital", "IMG Bridge", "Dr Amara Obi"))
    assert details.load(ctx).director_name == "Dr Amara Obi"
    entries = audited(ctx, "program_details")
    assert len(entries) == 2 and '"director_name": "Dr Amara Obi"' in entries[-1][1]
    assert "hospital_name" not in entries[-1][1]  # only what changed
    with pytest.raises(ValidationError):
        details.save(ctx, ProgramSettings("x" * 201, "IMG Bridge", ""))
