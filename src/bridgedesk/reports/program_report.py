"""The program report for a board or an accreditation reviewer, from compute_program_metrics.

Page 1 is what needs attention and the key findings in sentences; then one section per area,
the appendix with the long tables, the definitions of every figure with the method notes, and
the sign-off. Every figure is printed with its denominator and with its period (a flow) or the
day it was counted on (a point-in-time figure); nothing here computes a measure of its own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from bridgedesk.reports import script_runs
from bridgedesk.reports.mentee_layout import keep_headings
from bridgedesk.reports.page import (
    RunningHeader,
    build_pdf,
    format_date,
    format_period,
    section_marker,
)
from bridgedesk.reports.pair_health_sections import program_pair_health_section
from bridgedesk.reports.program_closing import (
    appendix,
    definitions_page,
    method_notes,
    sign_off,
)
from bridgedesk.reports.program_findings import findings_page
from bridgedesk.reports.program_retention import (
    COMPARISON_GROUP,
    NO_COMPARISON,
    PROGRAM_GROUP,
    exits_section,
    retention_chart,
    retention_section,
)
from bridgedesk.reports.program_retention import HEADING as RETENTION_HEADING
from bridgedesk.reports.program_sections import (
    checkin_section,
    deadline_section,
    fluency_section,
    learning_section,
    milestone_section,
    roster_section,
)
from bridgedesk.reports.program_tables import body_width
from bridgedesk.reports.sites import check_site, site_label
from bridgedesk.reports.styles import report_styles
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.metrics import ProgramMetrics, compute_program_metrics
from bridgedesk.services.pair_health.flags import ProgramPairHealth, program_pair_health
from bridgedesk.services.program import details as program_settings

TITLE = "Program report"
SECTIONS = ("Key findings", "Roster", "Check-in adherence", "Milestones",
            "Cultural-fluency progress", "Deadlines", RETENTION_HEADING, "Early exits",
            "Two-way learning", "Definitions and method", "Sign-off")  # fmt: skip

__all__ = [
    "COMPARISON_GROUP",
    "NO_COMPARISON",
    "PROGRAM_GROUP",
    "SECTIONS",
    "TITLE",
    "build_program_report",
    "program_story",
    "retention_chart",
]


def build_program_report(
    ctx: ServiceContext,
    out_path: Path | str,
    period_start: dt.date,
    period_end: dt.date,
    today: dt.date,
    paper: str = "letter",
    site: str | None = None,
    name_early_exits: bool = False,
) -> None:
    """Write the program report for the period (optionally one site) to ``out_path``.

    An unknown ``site`` is refused with one sentence naming the known sites. Early exits are
    counted by reason; ``name_early_exits`` adds who left, when and why.
    """
    check_site(ctx, site)
    settings = program_settings.load(ctx)
    header = RunningHeader(settings.hospital_name, settings.program_name, TITLE, "", today)
    metrics = compute_program_metrics(ctx, period_start, period_end, today, site)
    pairs = program_pair_health(ctx, period_start, period_end, today, site)
    story = program_story(
        metrics, header, director=settings.director_name, name_early_exits=name_early_exits,
        pair_health=pairs,
    )  # fmt: skip
    build_pdf(out_path, story, header, paper)


def program_story(
    metrics: ProgramMetrics,
    header: RunningHeader,
    bookmark: str | None = None,
    director: str = "",
    name_early_exits: bool = False,
    pair_health: ProgramPairHealth | None = None,
) -> list[Any]:
    """The flowables of the program report (the packet puts mentee reports after them)."""
    from reportlab.platypus import PageBreak

    st = report_styles()
    p = script_runs.paragraph
    period = format_period(metrics.period_start, metrics.period_end)
    scope = f" \u00b7 {site_label(metrics.site)}"
    story: list[Any] = [section_marker(header, TITLE, period + scope, bookmark, TITLE)]
    story.append(p(TITLE, st.title, bold=True))
    story.append(p(f"Period {period}{scope} \u00b7 printed {format_date(metrics.today)}", st.muted))
    story += findings_page(metrics)
    story.append(PageBreak())
    story += roster_section(metrics)
    story += checkin_section(metrics)
    story += milestone_section(metrics)
    story += fluency_section(metrics)
    story += deadline_section(metrics)
    story += retention_section(metrics)
    story += exits_section(metrics, name_early_exits)
    story += program_pair_health_section(pair_health)
    story += learning_section(metrics)
    story += appendix(metrics)
    story += definitions_page(metrics)
    story.append(sign_off(director, method_notes()))
    return keep_headings(story, body_width())  # no page ends on a heading
