"""Leaving the program: assignments end on the exit date, later plans are cancelled (history, not
overdue), a reason from the list is counted, and immigration status is warned about."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bridgedesk.domain.enums import AssignmentKind, CredentialStatus, MenteeStatus
from bridgedesk.errors import ValidationError
from bridgedesk.services.mentees.exit_warnings import confirmation_text, exit_warnings
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentees.roster_rows import roster_rows
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.metrics import compute_program_metrics
from bridgedesk.services.program.exit_reasons import exit_reasons
from bridgedesk.services.timeline.schedule import PlanFrom
from bridgedesk.services.timeline.service import TimelineService
from bridgedesk.storage.models import AuditEntry, Credential, CredentialKind

TODAY = dt.date(2026, 3, 12)
START = dt.date(2025, 9, 1)
EXIT = dt.date(2026, 2, 27)


def reason_id(ctx, words: str) -> int:
    return next(r.id for r in exit_reasons(ctx) if r.label.startswith(words))


@pytest.fixture
def roster(ctx) -> RosterService:
    return RosterService(ctx, clock=lambda: TODAY)


@pytest.fixture
def mentee(ctx, roster) -> int:
    mid = roster.create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", native_name="ሰላም ተስፋዬ",
                     start_date=START), PlanFrom.START,
    )  # fmt: skip
    mentors = MentorService(ctx)
    adams = mentors.create(MentorFields(name="Dr Adams"))
    mentors.assign(mid, adams, AssignmentKind.PRIMARY, START)
    mentors.assign(mid, mentors.create(MentorFields(name="Dr Ruth")), AssignmentKind.PEER, START)
    return mid


def test_archiving_closes_assignments_and_cancels_what_was_planned_after_the_exit(
    ctx, roster, mentee
):
    timeline = TimelineService(ctx)
    before = timeline.events(mentee, TODAY)
    after_exit = [e for e in before if e.planned > EXIT and e.state != "held"]
    assert after_exit and any(e.state == "overdue" for e in after_exit)  # 2 weeks unlogged
    roster.archive(mentee, MenteeStatus.LEFT, EXIT, "Spouse's job in Denver",
                   reason_id(ctx, "Family"))  # fmt: skip
    events = {(e.kind, e.id): e for e in timeline.events(mentee, TODAY)}
    assert len(events) == len(before)  # kept in the history
    for old in after_exit:
        assert events[(old.kind, old.id)].state == "cancelled"
    overdue_before_exit = [e for e in before if e.state == "overdue" and e.planned <= EXIT]
    for old in overdue_before_exit:  # what was already due stays as it was
        assert events[(old.kind, old.id)].state == "overdue"
    assignments = MentorService(ctx).assignments(mentee)
    assert {(a.end, a.end_reason) for a in assignments} == {(EXIT, "The mentee left the program")}
    (row,) = roster_rows(ctx, TODAY)
    assert row.next_checkin is None and row.status == "left"
    assert row.overdue_count == len(overdue_before_exit)
    assert timeline.agenda(TODAY, 400) == []  # an archived mentee's plan is nobody's to-do
    with ctx.read() as s:
        cancelled = s.scalars(
            select(AuditEntry.after).where(
                AuditEntry.mentee_id == mentee, AuditEntry.after.contains("cancelled_on")
            )
        ).all()
    assert len(cancelled) == len(after_exit)  # every cancellation audited


def test_cancelled_items_are_not_counted_as_due_or_overdue_on_reports(ctx, roster, mentee):
    period = (dt.date(2025, 9, 1), dt.date(2026, 12, 31), TODAY)
    due_before = compute_program_metrics(ctx, *period).checkins.due.value
    roster.archive(mentee, MenteeStatus.LEFT, EXIT, "", reason_id(ctx, "Visa"))
    figures = compute_program_metrics(ctx, *period)
    after_exit_due = sum(
        1 for e in TimelineService(ctx).events(mentee, TODAY)
        if e.kind == "checkin" and e.state == "cancelled" and e.planned <= TODAY
    )  # fmt: skip
    assert after_exit_due == 1  # the day-180 check-in fell between the exit and today
    assert figures.checkins.due.value == due_before - after_exit_due
    assert [(m.label, m.value) for m in figures.retention.exit_reasons] == [
        ("Visa or waiver problem", 1)
    ]


def test_the_reason_comes_from_the_list_and_completed_is_never_assumed(ctx, roster, mentee):
    with pytest.raises(ValidationError) as refused:
        roster.archive(mentee, None, EXIT, "")  # type: ignore[arg-type]
    assert "completed the program or left it early" in refused.value.problems["status"]
    with pytest.raises(ValidationError) as refused:
        roster.archive(mentee, MenteeStatus.LEFT, EXIT, "Family moved")
    assert set(refused.value.problems) == {"exit_reason_id"}
    with pytest.raises(ValidationError) as refused:
        roster.archive(mentee, MenteeStatus.LEFT, START - dt.timedelta(days=1), "", 999)
    assert set(refused.value.problems) == {"exit_date", "exit_reason_id"}
    with pytest.raises(ValidationError) as refused:
        roster.archive(mentee, MenteeStatus.LEFT, EXIT, " ", reason_id(ctx, "Other"))
    assert "what the other reason was" in refused.value.problems["exit_reason"]
    assert roster.get(mentee).status == MenteeStatus.ACTIVE  # nothing was saved
    roster.archive(mentee, MenteeStatus.COMPLETED, EXIT, "")  # a completion needs no reason
    assert roster.get(mentee).status == MenteeStatus.COMPLETED


def test_making_active_again_plans_what_was_cancelled_and_reopens_the_assignments(
    ctx, roster, mentee
):
    timeline = TimelineService(ctx)
    before = [(e.id, e.state) for e in timeline.events(mentee, TODAY)]
    roster.archive(mentee, MenteeStatus.LEFT, EXIT, "", reason_id(ctx, "Burnout"))
    roster.reactivate(mentee)
    assert [(e.id, e.state) for e in timeline.events(mentee, TODAY)] == before
    assert {a.end for a in MentorService(ctx).assignments(mentee)} == {None}
    record = roster.get(mentee)
    assert (record.status, record.exit_reason_id, record.exit_reason_label) == (
        MenteeStatus.ACTIVE, None, ""
    )  # fmt: skip


def add_credential(ctx, mentee_id: int, code: str, expires: dt.date | None, status=None) -> None:
    with ctx.unit_of_work() as s:
        kind = s.scalar(select(CredentialKind.id).where(CredentialKind.code == code))
        s.add(
            Credential(
                mentee_id=mentee_id, kind_id=kind, expires_on=expires,
                status=status or CredentialStatus.ACTIVE,
            )
        )  # fmt: skip


def test_a_waiver_an_h1b_and_a_j1_are_named_with_their_consequence(ctx, mentee):
    add_credential(ctx, mentee, "conrad30", dt.date(2028, 9, 1))
    add_credential(ctx, mentee, "h1b", dt.date(2027, 6, 30))
    add_credential(ctx, mentee, "j1_visa", None)
    add_credential(ctx, mentee, "dea", dt.date(2027, 1, 1))  # nothing to warn about
    warnings = exit_warnings(ctx, mentee, EXIT)
    assert [w.kind for w in warnings] == ["h1b", "waiver", "j1"]
    text = confirmation_text("Selam Tesfaye", warnings)
    assert "revive the J-1 two-year home-country residence requirement" in text
    assert "must notify USCIS" in text
    assert "J-1 exchange program ends" in text and "allows no work" in text
    assert "(until 1 Sep 2028)" in text


def test_no_warning_for_status_already_ended_served_or_another_mentee(ctx, roster, mentee):
    add_credential(ctx, mentee, "conrad30", EXIT)  # the obligation ends on the exit day
    add_credential(ctx, mentee, "h1b", dt.date(2027, 1, 1), CredentialStatus.COMPLETED)
    add_credential(ctx, mentee, "hhs_waiver", dt.date(2026, 1, 1))  # served before leaving
    other = roster.create(MenteeFields(given_names="Bo", family_name="Lee", start_date=START))
    add_credential(ctx, other, "j1_visa", dt.date(2027, 1, 1))
    assert exit_warnings(ctx, mentee, EXIT) == []
    assert [w.kind for w in exit_warnings(ctx, other, EXIT)] == ["j1"]
    add_credential(ctx, mentee, "dra_waiver", dt.date(2027, 1, 1))  # another agency's waiver
    assert [w.kind for w in exit_warnings(ctx, mentee, EXIT)] == ["waiver"]
