"""Credentials entered as a director enters them get their computed deadlines everywhere.

Through the credential service (what the credential dialog calls): a Conrad waiver with only
its approval date, a J-1 marked expired, a DEA registration and an H-1B; then the Deadlines
rows, the week ahead, the program report's figures and the calendar export all read the
same next event.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from bridgedesk.domain.enums import CredentialStatus
from bridgedesk.domain.reminders import LATER, NONE
from bridgedesk.services.calendar.ics_export import export_calendar
from bridgedesk.services.credentials.deadline_rows import deadline_rows
from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.services.mentees.roster import MenteeFields, RosterService

TODAY = dt.date(2026, 4, 1)


def _physician(ctx) -> int:
    roster = RosterService(ctx, clock=lambda: TODAY)
    return roster.create(
        MenteeFields("Selam", "Tesfaye", native_name="ሰላም ተስፋዬ", start_date=dt.date(2026, 1, 5))
    )


def test_computed_deadlines_reach_the_deadlines_list(ctx):
    mentee = _physician(ctx)
    svc = CredentialService(ctx)
    conrad = svc.add(mentee, CredentialFields("conrad30", issued_on=dt.date(2026, 3, 2)))
    j1 = svc.add(mentee, CredentialFields("j1_visa", expires_on=dt.date(2026, 3, 20),
                                          status=CredentialStatus.EXPIRED))  # fmt: skip
    dea = svc.add(mentee, CredentialFields("dea", expires_on=dt.date(2027, 1, 15)))
    h1b = svc.add(mentee, CredentialFields("h1b", expires_on=dt.date(2027, 6, 30)))
    rows = {r.credential_id: r for r in svc.deadlines(TODAY)}
    assert (rows[conrad].what, rows[conrad].expires_on, rows[conrad].band) == (
        "Work must start by",
        dt.date(2026, 5, 31),
        "60",
    )
    assert "1184(l)" in rows[conrad].source
    assert rows[j1].band == "lapsed"  # marked expired, still shown: the physician works on
    assert (rows[j1].what, rows[j1].no_work) == ("DS-2019 program ends", False)
    assert (rows[dea].expires_on, rows[dea].band) == (dt.date(2027, 1, 15), "later")
    assert rows[h1b].expires_on == dt.date(2027, 6, 30)
    assert list(rows)[0] == j1  # lapsed first
    late = {r.credential_id: r for r in svc.deadlines(dt.date(2026, 4, 20))}
    assert late[j1].no_work  # 30 days after the program's end: the grace period is over


def test_calendar_parses_cleanly_keeps_uids_and_alarms(ctx, tmp_path):
    mentee = _physician(ctx)
    svc = CredentialService(ctx)
    svc.add(mentee, CredentialFields("dea", expires_on=dt.date(2027, 1, 15)))
    svc.add(mentee, CredentialFields("conrad30", issued_on=dt.date(2026, 3, 2)))
    first = tmp_path / "program.ics"
    count = export_calendar(ctx, first, TODAY)
    cal = Calendar.from_ical(first.read_bytes())
    events = cal.walk("VEVENT")
    assert count == len(events) > 2
    for component in cal.walk():
        assert component.errors == []
    by_summary = {str(e["summary"]): e for e in events}
    dea = by_summary["DEA registration, Expires: Selam Tesfaye"]
    assert dea["dtstart"].dt == dt.date(2027, 1, 15)
    triggers = sorted(a["trigger"].dt for a in dea.walk("VALARM"))
    assert [-t.days for t in triggers] == [180, 90, 60, 30, 7]
    assert by_summary["DEA registration, Renewal may be filed from: Selam Tesfaye"][
        "dtstart"
    ].dt == (dt.date(2026, 11, 16))
    assert "Conrad 30 / J-1 waiver, Work must start by: Selam Tesfaye" in by_summary
    second = tmp_path / "again.ics"
    export_calendar(ctx, second, TODAY)
    again = Calendar.from_ical(second.read_bytes())
    assert {str(e["uid"]) for e in again.walk("VEVENT")} == {str(e["uid"]) for e in events}
    assert first.stat().st_mode & 0o077 == 0


def test_a_waiver_obligation_ended_early_is_counted_without_a_name(ctx, tmp_path):
    from pypdf import PdfReader

    from bridgedesk.domain.enums import MenteeStatus
    from bridgedesk.reports.program_report import build_program_report
    from bridgedesk.services.metrics import compute_program_metrics
    from bridgedesk.storage.models import Mentee

    mentee = _physician(ctx)
    CredentialService(ctx).add(
        mentee,
        CredentialFields("conrad30", issued_on=dt.date(2026, 3, 2),
                         values={"work_start": "2026-05-18", "obligation_years": "3"}),
    )  # fmt: skip
    with ctx.unit_of_work() as s:
        left = s.get(Mentee, mentee)
        left.status, left.exit_date = MenteeStatus.LEFT, dt.date(2027, 5, 18)
    today = dt.date(2027, 6, 1)
    (ended,) = compute_program_metrics(ctx, dt.date(2027, 1, 1), today, today).waivers_ended_early
    assert (ended.obligation_end, ended.left_on, ended.days_short) == (
        dt.date(2029, 5, 18),
        dt.date(2027, 5, 18),
        731,
    )
    out = tmp_path / "program.pdf"
    build_program_report(ctx, out, dt.date(2027, 1, 1), today, today)
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "1 waiver obligation ended early because the physician left" in text
    assert "Tesfaye" not in text.split("Waiver obligations ended early")[1].split("Two-way")[0]


def test_a_national_interest_waiver_is_not_a_waiver_left_early(ctx):
    from bridgedesk.domain.enums import MenteeStatus
    from bridgedesk.services.metrics import compute_program_metrics
    from bridgedesk.storage.models import Mentee

    mentee = _physician(ctx)
    CredentialService(ctx).add(
        mentee, CredentialFields("niw", values={"service_start": "2026-01-05"})
    )
    with ctx.unit_of_work() as s:
        left = s.get(Mentee, mentee)
        left.status, left.exit_date = MenteeStatus.LEFT, dt.date(2027, 5, 18)
    today = dt.date(2027, 6, 1)
    assert compute_program_metrics(ctx, dt.date(2027, 1, 1), today, today).waivers_ended_early == ()


def test_the_read_of_banded_rows_only_keeps_exactly_the_banded_rows(ctx):
    """``in_bands_only`` (the attention list's read) leaves far expiries out in SQL: the rows
    left are exactly the lapsed and banded rows of the full read, on every day and horizon."""
    mentee = _physician(ctx)
    svc = CredentialService(ctx)
    for kind, expires in (("passport", dt.date(2026, 9, 1)), ("passport", dt.date(2027, 9, 1)),
                          ("board_cert", dt.date(2026, 12, 1)), ("npi", dt.date(2026, 3, 1)),
                          ("dea", dt.date(2026, 8, 1)), ("j1_visa", dt.date(2026, 4, 20)),
                          ("i9", None)):  # fmt: skip
        svc.add(mentee, CredentialFields(kind, expires_on=expires))
    svc.add(
        mentee,
        CredentialFields("privileges", expires_on=dt.date(2027, 10, 1), reminder_offsets=[700, 30]),
    )  # its own, farther offsets
    svc.add(mentee, CredentialFields("conrad30", issued_on=dt.date(2026, 3, 2)))
    svc.add(mentee, CredentialFields("h1b", expires_on=dt.date(2027, 6, 30),
                                     values={"first_start": "2021-01-04"}))  # fmt: skip
    for today in (TODAY, dt.date(2026, 8, 15), dt.date(2027, 1, 1), dt.date(2027, 11, 1)):
        for within in (None, 30, 400):
            with ctx.read() as s:
                full = deadline_rows(s, today, within_days=within)
                banded = deadline_rows(s, today, within_days=within, in_bands_only=True)
            expected = [r for r in full if r.band not in (LATER, NONE)]
            assert banded == expected, (today, within)
    with ctx.read() as s:
        kinds = {r.kind_code for r in deadline_rows(s, TODAY, in_bands_only=True)}
    assert {"privileges", "board_cert", "j1_visa", "conrad30"} <= kinds  # npi: no reminders
