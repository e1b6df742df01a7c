"""The board packet: the program report, then every active mentee's report, in one PDF with a
table of contents, PDF bookmarks and page numbers running across the whole packet.

One layout pass: the contents' page numbers are PDF forms filled in when the file is saved
(``page.page_ref``), so a 100-mentee packet is laid out once, not twice as multiBuild would.
All mentees' data is read up front in a few bulk queries (``mentee_data.load_reports``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.reports import script_runs
from bridgedesk.reports.mentee_data import load_reports
from bridgedesk.reports.mentee_report import mentee_story
from bridgedesk.reports.page import (
    MARGIN,
    RunningHeader,
    build_pdf,
    format_date,
    format_period,
    page_ref,
    section_marker,
)
from bridgedesk.reports.program_report import program_story
from bridgedesk.reports.sites import check_site, site_label
from bridgedesk.reports.styles import report_styles, table_style
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentees.roster_rows import roster_rows
from bridgedesk.services.metrics import compute_program_metrics
from bridgedesk.services.pair_health.flags import program_pair_health
from bridgedesk.services.program import details as program_settings

TITLE = "Program packet"


def build_packet(
    ctx: ServiceContext,
    out_path: Path | str,
    period_start: dt.date,
    period_end: dt.date,
    today: dt.date,
    paper: str = "letter",
    include_private_notes: bool = False,
    site: str | None = None,
    include_audit: bool = False,
) -> None:
    """Write the packet; the contents page lists each section with its first page.

    ``site`` limits the program figures and the mentee reports to that site (None: all
    sites). ``include_audit`` adds each mentee record's audit trail after its report.
    """
    from reportlab.platypus import PageBreak

    check_site(ctx, site)
    settings = program_settings.load(ctx)
    scope = site_label(site)
    period = f"{format_period(period_start, period_end)} \u00b7 {scope}"
    header = RunningHeader(settings.hospital_name, settings.program_name, TITLE, period, today)
    metrics = compute_program_metrics(ctx, period_start, period_end, today, site)
    mentees = [
        r
        for r in roster_rows(ctx, today)
        if r.status == MenteeStatus.ACTIVE.value and (site is None or r.site == site)
    ]
    mentees.sort(key=lambda r: r.legal_name.casefold())
    data = load_reports(
        ctx, [r.id for r in mentees], today, (period_start, period_end), include_audit
    )
    st = report_styles()
    story: list[Any] = [
        section_marker(header, TITLE, period),
        script_runs.paragraph(TITLE, st.title, bold=True),
        script_runs.paragraph(
            f"Period {format_period(period_start, period_end)} \u00b7 {scope} \u00b7 "
            f"printed {format_date(today)}",
            st.muted,
        ),
    ]
    story += [
        _contents([("program", "Program report")] + [(f"m{r.id}", r.legal_name) for r in mentees]),
        PageBreak(),
    ]
    pairs = program_pair_health(ctx, period_start, period_end, today, site)
    story += program_story(
        metrics, header, bookmark="program", director=settings.director_name, pair_health=pairs
    )
    for row in mentees:
        story.append(PageBreak())
        story += mentee_story(
            data[row.id], today, include_private_notes, header, settings.director_name,
            bookmark=f"m{row.id}", checkins_period=(period_start, period_end), scope=scope,
        )  # fmt: skip
    subject = (
        f"{settings.program_name or 'Mentorship program'}: program report and "
        f"{len(mentees)} mentee reports, {format_period(period_start, period_end)} ({scope})"
    )
    build_pdf(out_path, story, header, paper, title=TITLE, subject=subject)


def _contents(entries: list[tuple[str, str]]) -> Any:
    """Contents: one row per section, its first page filled in when the PDF is saved."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Table

    st = report_styles()
    width = A4[0] - 2 * MARGIN
    rows = [[script_runs.cell("Contents", st.h2, bold=True), ""]]
    rows += [[script_runs.cell(title, st.toc), page_ref(key)] for key, title in entries]
    table = Table(rows, colWidths=[width - 60, 60], repeatRows=1)
    table.setStyle(table_style(header_rows=0))
    return table
