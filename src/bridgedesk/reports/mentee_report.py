"""One mentee's progress report: identity, mentors, timeline, milestones, check-ins, checklist
progress, goals and actions, deadlines, and a signature block for the program director.

Private mentor notes are printed only when asked for (``include_private_notes``): the report is
often handed to the mentee or filed in a personnel record.

This module checks the names, loads the data and puts the sections in order; the sections
themselves are in ``mentee_record_sections`` (identity, mentors, timeline, check-ins),
``mentee_milestones``, ``mentee_progress_sections`` (checklist, goals and actions, deadlines)
and ``mentee_closing_sections`` (sign-off, audit appendix); ``mentee_layout`` holds the rules
that keep headings, rows and the sign-off from being orphaned.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from bridgedesk.errors import UserError
from bridgedesk.reports import fonts, script_runs
from bridgedesk.reports.mentee_closing_sections import (
    AUDIT_VALUE_LIMIT,
    audit_appendix,
    signoff_section,
)
from bridgedesk.reports.mentee_data import MenteeReportData, load_reports
from bridgedesk.reports.mentee_milestones import milestones_section
from bridgedesk.reports.mentee_progress_sections import (
    checklist_section,
    deadlines_section,
    goals_section,
)
from bridgedesk.reports.mentee_record_sections import (
    checkins_section,
    identity_section,
    mentors_section,
    timeline_section,
)
from bridgedesk.reports.page import RunningHeader, build_pdf, format_date, section_marker
from bridgedesk.reports.pair_health_sections import pair_health_section
from bridgedesk.reports.styles import report_styles
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentees.roster import MenteeRecord
from bridgedesk.services.program import details as program_settings

__all__ = [
    "AUDIT_VALUE_LIMIT",
    "SECTIONS",
    "TITLE",
    "audit_appendix",
    "build_mentee_report",
    "check_drawable",
    "mentee_story",
]

TITLE = "Mentee progress report"
SECTIONS = ("Mentors", "Timeline", "Milestones", "Check-ins", "Checklist progress",
            "Goals and open actions", "Deadlines", "Sign-off")  # fmt: skip


def check_drawable(record: MenteeRecord) -> None:
    """Refuse to print a name the bundled fonts cannot draw, rather than print boxes."""
    for label, text in (
        ("legal name", record.legal_name),
        ("native-script name", record.fields.native_name),
        ("preferred name", record.fields.preferred_name),
    ):
        missing = fonts.missing_glyphs(text)
        if missing:
            chars = ", ".join(f"{c} (U+{ord(c):04X})" for c in missing)
            raise UserError(
                f"The {label} of mentee {record.id} has characters no bundled font can print: {chars}."
            )


def build_mentee_report(
    ctx: ServiceContext,
    mentee_id: int,
    out_path: Path | str,
    today: dt.date,
    paper: str = "letter",
    include_private_notes: bool = False,
    include_audit: bool = False,
) -> None:
    """Write one mentee's progress report to ``out_path`` (UserError if a name cannot print)."""
    settings = program_settings.load(ctx)
    header = RunningHeader(settings.hospital_name, settings.program_name, TITLE, "", today)
    data = load_reports(ctx, [mentee_id], today, include_audit=include_audit)[mentee_id]
    story = mentee_story(
        data, today, include_private_notes, header, settings.director_name, bookmark="mentee"
    )
    name = data.record.legal_name
    subject = f"Progress of {name} in {settings.program_name or 'the mentorship program'}"
    build_pdf(out_path, story, header, paper, title=f"{TITLE} \u2014 {name}", subject=subject)


def mentee_story(
    data: MenteeReportData,
    today: dt.date,
    include_private_notes: bool,
    header: RunningHeader,
    director_name: str = "",
    bookmark: str | None = None,
    checkins_period: tuple[dt.date, dt.date] | None = None,
    scope: str = "",
) -> list[Any]:
    """The flowables of one mentee's report (also used, one after another, by the packet).

    ``data`` comes from ``mentee_data.load_reports``. ``checkins_period`` limits the
    check-ins table to that period (the packet's): a board packet reviews the period, and a
    three-year history per mentee would triple its length. The audit appendix is printed
    when ``data.audit`` was loaded.
    """
    record = data.record
    check_drawable(record)
    st = report_styles()
    period = f"As of {format_date(today)}" + (f" \u00b7 {scope}" if scope else "")
    story: list[Any] = [
        section_marker(
            header, f"{TITLE} \u2014 {record.legal_name}", period, bookmark, record.legal_name
        ),
        script_runs.paragraph(TITLE, st.muted),
    ]
    width = _frame_width(header)
    story += identity_section(data, width)
    story += mentors_section(data, width)
    story += timeline_section(data, today, width)
    story += milestones_section(data, today, width)
    story += checkins_section(data, include_private_notes, checkins_period, width)
    story += checklist_section(data, width)
    story += pair_health_section(data, today, width)
    story += goals_section(data, today, width)
    # The sign-off is kept on one page with the last deadline rows: it never stands alone.
    story += deadlines_section(data, width, closing=signoff_section(director_name, width))
    if data.audit is not None:
        story += audit_appendix(data.audit, width)
    return story


def _frame_width(header: RunningHeader) -> float:
    """Usable width: the narrower of Letter and A4, so one layout fits both papers."""
    from reportlab.lib.pagesizes import A4

    from bridgedesk.reports.page import MARGIN

    return A4[0] - 2 * MARGIN
