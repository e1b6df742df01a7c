"""The end of a mentee report: the program director's sign-off block and, when asked for, the
audit trail of the mentee's record as an appendix."""

from __future__ import annotations

from typing import Any

from bridgedesk.reports import fonts, script_runs
from bridgedesk.reports.mentee_layout import heading_with, section_heading
from bridgedesk.reports.page import format_date
from bridgedesk.reports.styles import report_styles, table_style
from bridgedesk.reports.value_text import enum_words
from bridgedesk.services.history.audit_rows import AuditRow

AUDIT_VALUE_LIMIT = 600
"""Characters of a before/after value printed: a 10,000-character note would fill pages."""


def signoff_section(director_name: str, width: float) -> list[Any]:
    """Signature and date lines for the program director, as one block: the caller keeps it
    together with what comes before it (``deadlines_section``), so it never stands alone."""
    from reportlab.platypus import Spacer, Table

    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    director = director_name or "Program director"
    line = "_" * 42
    block = [
        *section_heading("Sign-off"),
        p("Reviewed with the mentee and approved by the program director.", st.body),
        Spacer(1, 26),
        Table(
            [
                [c(line, st.cell), "_" * 20],
                [c(director, st.cell, bold=True), "Date"],
                ["Program director", ""],
            ],
            colWidths=[width * 0.6, width * 0.4],
            style=_signature_style(),
        ),
    ]
    return block


def audit_appendix(lines: list[AuditRow], width: float) -> list[Any]:
    """The audit trail of the mentee's record: when, who, which field, before and after, in
    the History dialog's plain words (``mentee_data`` reads them worded).

    Every value is a user string (names, notes), so each goes through ``script_runs.cell``.
    """
    from reportlab.platypus import Table

    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    story: list[Any] = section_heading("Appendix: audit trail of the record")
    if not lines:
        return heading_with(story, p("No changes to this record were audited.", st.body), width)
    story.append(p("Every recorded change to the mentee's record, oldest first.", st.muted))
    rows: list[list[Any]] = [["When (UTC)", "Who", "Change", "Field", "Before", "After"]]
    for line in lines:
        rows.append([
            f"{format_date(line.when.date())} {line.when:%H:%M}", c(line.who, st.cell),
            enum_words(line.action), c(line.field, st.cell),
            c(_clip(line.before), st.cell), c(_clip(line.after), st.cell),
        ])  # fmt: skip
    cols = (0.16, 0.13, 0.09, 0.16, 0.23, 0.23)
    t = Table(rows, colWidths=[width * x for x in cols], repeatRows=1)  # rows never split
    t.setStyle(table_style())
    return heading_with(story, t, width)


def _clip(text: str) -> str:
    return text if len(text) <= AUDIT_VALUE_LIMIT else text[:AUDIT_VALUE_LIMIT] + "…"


def _signature_style() -> Any:
    from reportlab.platypus import TableStyle

    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), fonts.font_name(fonts.LATIN), 9),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
