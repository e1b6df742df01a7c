"""The mentee report's milestone table: each milestone with its due date, when it was
completed and who signed it off (overdue and cancelled ones say so)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bridgedesk.reports import script_runs
from bridgedesk.reports.mentee_data import MenteeReportData
from bridgedesk.reports.mentee_layout import heading_with, section_heading
from bridgedesk.reports.page import format_date
from bridgedesk.reports.styles import report_styles, table_style
from bridgedesk.services.timeline.milestone_rows import MilestoneRow

COLUMNS = ("Milestone", "Due", "Completed", "Signed off by")


def completed_text(m: MilestoneRow, today: dt.date) -> str:
    """The completion date, or why there is none: overdue, not yet due, or cancelled."""
    if m.completed_date is not None:
        return format_date(m.completed_date)
    if m.state == "cancelled":
        return f"Cancelled (left {format_date(m.cancelled_on)})"
    if m.state == "overdue":
        return f"Overdue by {(today - m.due_date).days} days"
    return "Not yet due"


def milestones_section(data: MenteeReportData, today: dt.date, width: float) -> list[Any]:
    """Every milestone by due date; the heading kept with the table's first rows."""
    from reportlab.platypus import Table

    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    heading = section_heading("Milestones")
    if not data.milestones:
        return heading_with(heading, p("No milestones recorded.", st.body), width)
    rows: list[list[script_runs.TableCell]] = [list(COLUMNS)]
    for m in data.milestones:
        rows.append([
            c(m.name, st.cell), format_date(m.due_date),
            c(completed_text(m, today), st.cell, bold=m.state == "overdue"),
            c(m.signed_off_by, st.cell) if m.signed_off_by else "\u2014",
        ])  # fmt: skip
    t = Table(rows, colWidths=[width * x for x in (0.4, 0.14, 0.2, 0.26)], repeatRows=1)
    t.setStyle(table_style())
    return heading_with(heading, t, width)
