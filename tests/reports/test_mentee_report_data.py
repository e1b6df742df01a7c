"""What the mentee report reads besides the timeline: milestones with who signed them off,
the visas, waivers and ECFMG certificate on record, and checklist progress as the mentor
judged it, each read from a real program file and printed in the report."""

from __future__ import annotations

import datetime as dt

import pytest

from bridgedesk.domain.enums import AssessmentMethod, CredentialStatus, ObserverRole
from bridgedesk.reports.mentee_report import build_mentee_report
from bridgedesk.services.checklists.ratings import ChecklistService, Rating
from bridgedesk.services.credentials.identity_facts import identity_credentials
from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.services.timeline.milestone_rows import milestones_by_mentee
from bridgedesk.services.timeline.service import TimelineService
from tests.reports.report_data import TODAY, add_mentee, make_program, pdf_text


@pytest.fixture
def program(sqlite_ctx):
    make_program(sqlite_ctx, mentees=2)
    return sqlite_ctx


def flat(text: str) -> str:
    return " ".join(text.split())


def test_milestone_rows_agree_with_the_timeline_and_carry_the_sign_off(program):
    mid = add_mentee(program, "Olga", "Petrova")
    timeline = TimelineService(program)
    events = [e for e in timeline.events(mid, TODAY) if e.kind == "milestone"]
    assert events
    timeline.complete_milestone(events[0].id, TODAY, "Dr. \u738b & Co", today=TODAY)
    rows = milestones_by_mentee(program, [mid, 999_999], TODAY)
    assert rows[999_999] == []
    after = {e.id: e for e in timeline.events(mid, TODAY) if e.kind == "milestone"}
    assert {r.id for r in rows[mid]} == set(after)
    for row in rows[mid]:
        assert row.state == after[row.id].state and row.due_date == after[row.id].planned
    signed = next(r for r in rows[mid] if r.id == events[0].id)
    assert (signed.completed_date, signed.signed_off_by) == (TODAY, "Dr. \u738b & Co")


def test_identity_credentials_name_live_visas_and_the_ecfmg_check(program):
    mid = add_mentee(program, "Olga", "Petrova")
    other = add_mentee(program, "Ana", "Silva")
    service = CredentialService(program)
    service.add(mid, CredentialFields("j1_visa", number="N1"))
    service.add(mid, CredentialFields("h1b", status=CredentialStatus.COMPLETED))  # over: not shown
    service.add(mid, CredentialFields("ecfmg", number="0-1"))
    facts = identity_credentials(program, [mid, other])
    kinds = {k.code: k.name for k in service.kinds()}
    assert facts[mid].immigration == [kinds["j1_visa"]]
    assert facts[mid].ecfmg is not None and facts[mid].ecfmg.number == "0-1"
    assert facts[mid].ecfmg.verified_on is None
    assert facts[other].immigration == [] and facts[other].ecfmg is None
    out = program.db.path.parent / "m.pdf"
    build_mentee_report(program, mid, out, TODAY)
    text = flat(pdf_text(out))
    assert f"On file: {kinds['j1_visa']}" in text
    assert "On record, not verified at the source (no. 0-1)" in text


def test_report_counts_proficiency_by_mentor_and_gap_over_items_both_rated(program, tmp_path):
    mid = add_mentee(program, "Olga", "Petrova")
    checklist = ChecklistService(program)
    domain, items = checklist.current_template().domains[0]
    (a, _ka, _ta), (b, _kb, _tb) = items[:2]
    proficient = min(v for v, _label, prof in checklist.current_template().levels if prof)
    low = min(v for v, _label, _prof in checklist.current_template().levels)
    day = dt.date(2026, 3, 1)

    def rate(item, level, role):
        method = AssessmentMethod.DIRECT_OBSERVATION
        checklist.rate(mid, Rating(item, level, day, "Dr. M", role, method), today=TODAY)

    rate(a, proficient, ObserverRole.SELF)  # a self-rating alone makes nothing proficient
    rate(b, proficient, ObserverRole.MENTOR)
    rate(b, low, ObserverRole.SELF)
    out = tmp_path / "m.pdf"
    build_mentee_report(program, mid, out, TODAY)
    n = len(items)
    # Items, rated by mentor, proficient first, proficient latest, rated by both, self, mentor, gap
    expected = " ".join([str(n), "1", f"{1 / n:.0%}", f"1 ({1 / n:.0%})", "1", f"{low:.1f}",
                         f"{proficient:.1f}", f"{proficient - low:+.1f}"])  # fmt: skip
    first_word = domain.split()[0]
    rows = [flat(line) for line in pdf_text(out).splitlines() if first_word in line]
    assert any(r.startswith(first_word) and r.endswith(expected) for r in rows), (expected, rows)
