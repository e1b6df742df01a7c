"""The pair-health sections of the program report and of the mentee report.

Program: the flags on the day printed, by kind, and the median pulses of the period. Mentee:
the fit answers, the pulses given, the adjustment surveys due and answered, and the flags with
what to do. Every user string (names, comments) goes through ``script_runs``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bridgedesk.domain.pair_health import fit_words, survey_title
from bridgedesk.domain.pair_health_flags import FLAG_TITLES, FlagKind
from bridgedesk.reports import script_runs
from bridgedesk.reports.mentee_data import MenteeReportData
from bridgedesk.reports.mentee_layout import heading_with, section_heading
from bridgedesk.reports.page import MARGIN, format_date
from bridgedesk.reports.styles import report_styles, table_style
from bridgedesk.services.pair_health.flags import ProgramPairHealth
from bridgedesk.services.pair_health.reads import MenteePairHealth

SECTION = "Pair health"
PULSES_SHOWN = 12
"""The latest pulses a mentee report lists (a three-year history would fill a page)."""


def _pulse(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}"


def _frame_width() -> float:
    """The frame's width on the narrower paper (A4), so a table fits Letter and A4 alike."""
    from reportlab.lib.pagesizes import A4

    return float(A4[0] - 2 * MARGIN)


def program_pair_health_section(
    figures: ProgramPairHealth | None, width: float | None = None
) -> list[Any]:
    """Counts of mentees flagged by kind, and the median pulses of the period."""
    from reportlab.platypus import CondPageBreak, Spacer, Table

    if figures is None:
        return []
    width = width or _frame_width()
    st = report_styles()
    p = script_runs.paragraph
    n = figures.mentees
    story: list[Any] = [CondPageBreak(160), p(SECTION, st.h1, bold=True)]
    if not n:
        return story + [p("No mentees are active, so no pair is assessed.", st.body)]
    rows: list[list[Any]] = [["Flag", "Mentees flagged", "Of active mentees"]]
    for kind in FlagKind:
        rows.append([FLAG_TITLES[kind], f"{figures.flags_by_kind[kind]:,}", f"{n:,}"])
    rows.append(["Any flag", f"{figures.mentees_flagged:,}", f"{n:,}"])
    table = Table(rows, colWidths=[width * 0.5, width * 0.25, width * 0.25], repeatRows=1)
    table.setStyle(table_style())
    story += [table, Spacer(1, 8)]
    rows = [
        ["Measure", "Figure", "Counted"],
        ["Median mentee pulse (1–10)", _pulse(figures.median_mentee_pulse),
         f"{figures.pulses_counted:,} check-ins with a pulse in the period"],
        ["Median mentor pulse (1–10)", _pulse(figures.median_mentor_pulse),
         "the same check-ins"],
        ["Fit question answered", f"{figures.fit_answered:,}", f"{figures.fit_no:,} with a “no”"],
        ["Adjustment surveys answered", f"{figures.surveys_answered:,}",
         f"{figures.surveys_overdue:,} past due, not answered"],
    ]  # fmt: skip
    table = Table(rows, colWidths=[width * 0.4, width * 0.15, width * 0.45], repeatRows=1)
    table.setStyle(table_style())
    story += [table, Spacer(1, 4), p(
        "Flags are counted on the day printed, one per mentee and kind; pulses are those "
        "given at check-ins held in the period.", st.muted,
    )]  # fmt: skip
    return story


def pair_health_section(data: MenteeReportData, today: dt.date, width: float) -> list[Any]:
    """The mentee report's section, from the data ``mentee_data.load_reports`` read."""
    return mentee_pair_health_section(data.pair_health, today, width)


def mentee_pair_health_section(
    health: MenteePairHealth | None, today: dt.date, width: float
) -> list[Any]:
    """One mentee's fit answers, pulses, surveys and flags.

    The section's heading is the mentee report's (a bookmark under the mentee); each heading
    stays on the page with the start of what follows it (``mentee_layout.heading_with``).
    """
    from reportlab.platypus import Table

    if health is None:
        return []
    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    first: Any
    if health.flags:
        rows: list[list[Any]] = [["Flag", "What happened", "What to do"]]
        for flag in health.flags:
            rows.append([flag.title, c(flag.message, st.cell), c(flag.what_to_do, st.cell)])
        first = Table(rows, colWidths=[width * x for x in (0.22, 0.39, 0.39)], repeatRows=1)
        first.setStyle(table_style())
    else:
        first = p("No pair-health flag on the day printed.", st.body)
    story = heading_with(section_heading(SECTION), first, width)
    fit_parts: list[Any] = []
    if health.fit is not None:
        fit = health.fit
        rows = [["Side", "Answer", "Comment"]]
        rows += [
            ["Mentee", fit_words(fit.mentee_answer), c(fit.mentee_comment, st.cell)],
            [c(f"Mentor: {fit.mentor_name}", st.cell), fit_words(fit.mentor_answer),
             c(fit.mentor_comment, st.cell)],
        ]  # fmt: skip
        table = Table(rows, colWidths=[width * x for x in (0.3, 0.15, 0.55)], repeatRows=1)
        table.setStyle(table_style())
        fit_parts += [p(f"Answered on {format_date(fit.answered_on)}.", st.muted), table]
    elif health.fit_due:
        fit_parts.append(p(
            f"Not answered yet: the first check-in with {health.mentor_name} was held on "
            f"{format_date(health.first_held_with_mentor)}.", st.body,
        ))  # fmt: skip
    else:
        fit_parts.append(p("Asked after the first check-in held with the mentor.", st.body))
    story += heading_with([p("Is this a good fit?", st.h2, bold=True)], fit_parts[0], width)
    story += fit_parts[1:]
    pulses: list[Any] = []
    if health.pulses:
        shown = health.pulses[-PULSES_SHOWN:]
        rows = [["Held on", "Check-in", "Mentee", "Mentor"]]
        rows += [
            [format_date(r.day), c(r.title, st.cell), _pulse(r.mentee), _pulse(r.mentor)]
            for r in shown
        ]
        table = Table(rows, colWidths=[width * x for x in (0.2, 0.5, 0.15, 0.15)], repeatRows=1)
        table.setStyle(table_style())
        pulses.append(table)
        if len(health.pulses) > len(shown):
            pulses.append(p(f"The latest {len(shown)} of {len(health.pulses)} shown.", st.muted))
    else:
        pulses.append(p("No pulse recorded yet.", st.body))
    story += heading_with([p("Pulses (1–10)", st.h2, bold=True)], pulses[0], width)
    story += pulses[1:]
    rows = [["Survey", "Due", "Answered", "Mean (1–5)"]]
    for due in health.surveys:
        answers = due.answers
        state = due.state(today)
        rows.append([
            survey_title(due.month), format_date(due.due),
            format_date(answers.answered_on) if answers else
            ("Past due" if state == "overdue" else "Not yet"),
            f"{answers.mean:.1f}" if answers and answers.mean is not None else "—",
        ])  # fmt: skip
    table = Table(rows, colWidths=[width * x for x in (0.4, 0.2, 0.2, 0.2)], repeatRows=1)
    table.setStyle(table_style())
    story += heading_with([p("Adjustment surveys", st.h2, bold=True)], table, width)
    return story
