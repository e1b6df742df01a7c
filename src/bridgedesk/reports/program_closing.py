"""The end of the program report: the appendix (long breakdowns, mentor load), the definitions
of every figure with the method notes, and the sign-off block kept on the page with them."""

from __future__ import annotations

from typing import Any

from bridgedesk.reports import script_runs
from bridgedesk.reports.figures import METHOD_NOTE
from bridgedesk.reports.program_retention import KM_NOTE
from bridgedesk.reports.program_sections import APPENDIX
from bridgedesk.reports.program_tables import body_width, measure_table
from bridgedesk.reports.styles import INK, MUTED, RULE, report_styles
from bridgedesk.services.metrics import Measure, ProgramMetrics
from bridgedesk.services.metrics.figures import (
    BREAKDOWNS,
    FLUENCY_PROFICIENT,
    NEEDS_ATTENTION,
    RETENTION_MONTHS,
    by_label,
    figure,
)

DEFINITIONS = "Definitions and method"
SIGN_OFF = "Sign-off"


def appendix(metrics: ProgramMetrics) -> list[Any]:
    """The long tables the body summarises: breakdowns of the roster and each mentor's load."""
    from reportlab.platypus import CondPageBreak, PageBreak

    st = report_styles()
    p = script_runs.paragraph
    r = metrics.roster
    story: list[Any] = [PageBreak(), p(APPENDIX, st.h1, bold=True)]
    for title, head, measures in (
        ("Mentor load", "Mentor: mentees of capacity", r.mentor_load),
        ("By specialty", "Specialty", r.by_specialty),
        ("By country of training", "Country of training", r.by_country),
        ("By visa or waiver", "Visa or waiver", r.by_visa),
    ):
        if measures:
            # A heading with a row or two at a page's foot reads badly: start it overleaf.
            story.append(CondPageBreak(40 + 16 * min(len(measures), 6)))
            story.append(p(title, st.h2, bold=True))
            story.append(measure_table(measures, head))
    if not r.mentor_load:
        story.append(p("No mentor had a mentee on the day counted.", st.body))
    return story


def _printed(metrics: ProgramMetrics) -> list[Measure]:
    """The measures whose definitions the page lists, in the order the report prints them."""
    r, ch, ms = metrics.roster, metrics.checkins, metrics.milestones
    dl, rt, lr = metrics.deadlines, metrics.retention, metrics.learning
    return [
        r.in_program, r.mentors_over_capacity, r.mean_load,
        ch.due, ch.held, ch.on_time, ch.missed, ch.overdue, ch.rescheduled,
        ch.median_days_between, ms.due, ms.on_time, ms.late, ms.overdue, ms.open_not_yet_late,
        dl.tracked, dl.within[0], dl.lapsed, rt.completed, rt.waivers_completed,
        rt.early_exits, lr.raised, lr.led_to_change,
    ]  # fmt: skip


def definition_rows(metrics: ProgramMetrics) -> list[tuple[str, str]]:
    """(term, definition) for every figure the report prints, each term once: every one read
    from the registry (``domain/figures.py``), the tooltips' words."""
    keys = [NEEDS_ATTENTION] if metrics.attention is not None else []
    keys.append(BREAKDOWNS)
    for m in _printed(metrics):
        registered = by_label(m.label)
        if registered is not None and registered.key not in keys:
            keys.append(registered.key)
    keys += [FLUENCY_PROFICIENT, RETENTION_MONTHS]
    return [(figure(k).label, figure(k).definition) for k in keys]


def definitions_page(metrics: ProgramMetrics) -> list[Any]:
    """A new page: each figure's definition (the method notes and sign-off follow it)."""
    from reportlab.platypus import PageBreak, Table

    st = report_styles()
    p = script_runs.paragraph
    width = body_width()
    story: list[Any] = [PageBreak(), p(DEFINITIONS, st.h1, bold=True)]
    rows = [
        [p(term, st.cell_head, bold=True), p(text, st.cell)]
        for term, text in definition_rows(metrics)
    ]
    table = Table(rows, colWidths=[width * 0.3, width * 0.7], hAlign="LEFT")
    table.setStyle(_definition_style())
    story.append(table)
    return story


def method_notes() -> list[Any]:
    st = report_styles()
    p = script_runs.paragraph
    return [p("Method", st.h2, bold=True), p(METHOD_NOTE, st.body), p(KM_NOTE, st.body)]


def _definition_style() -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    return TableStyle([
        ("FONT", (0, 0), (-1, -1), _font(), 8.5),  # a table without one sets Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(RULE)),
    ])  # fmt: skip


def sign_off(director: str, closing: list[Any]) -> Any:
    """The sign-off block kept together with ``closing`` (the flowables before it), so it
    never stands alone at the top of a page: name, role, signature line and date."""
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

    st = report_styles()
    p = script_runs.paragraph
    width = body_width()
    rows: list[list[script_runs.TableCell]] = [
        [p(director, st.body) if director else "", p("Program director", st.body)],
        ["Name", "Role"],
        ["", ""],
        ["Signature", "Date"],
    ]
    table = Table(rows, colWidths=[width * 0.62, width * 0.38], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), _font(), 8.5),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, 0), 14),
                ("TOPPADDING", (0, 2), (-1, 2), 26),
                ("LINEBELOW", (0, 0), (-1, 0), 0.7, colors.HexColor(INK)),
                ("LINEBELOW", (0, 2), (-1, 2), 0.7, colors.HexColor(INK)),
                ("FONT", (0, 1), (-1, 1), _font(), 7.5),
                ("FONT", (0, 3), (-1, 3), _font(), 7.5),
                ("TEXTCOLOR", (0, 1), (-1, 3), colors.HexColor(MUTED)),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 18),
            ]
        )  # fmt: skip
    )
    block = [
        Spacer(1, 10),
        p(SIGN_OFF, st.h2, bold=True),
        p("I have reviewed this report and the figures in it, as defined above.", st.body),
        table,
    ]
    return KeepTogether([*closing, *block])


def _font() -> str:
    from bridgedesk.reports import fonts

    return fonts.font_name(fonts.LATIN)
