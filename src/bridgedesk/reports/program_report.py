"""The program report for a board or an accreditation reviewer, from compute_program_metrics.

Every figure is printed with its denominator and period (``figures.format_figure``), so a
reader can check it; nothing here computes a measure of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bridgedesk.reports import script_runs
from bridgedesk.reports.figures import format_figure, measure_period
from bridgedesk.reports.page import (
    MARGIN,
    RunningHeader,
    build_pdf,
    format_date,
    format_period,
    section_marker,
)
from bridgedesk.reports.sites import check_site, site_label
from bridgedesk.reports.styles import report_styles, table_style
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.metrics import ProgramMetrics, compute_program_metrics
from bridgedesk.services.program import details as program_settings

TITLE = "Program report"
SECTIONS = ("Roster", "Check-in adherence", "Milestones", "Cultural-fluency progress", "Deadlines",
            "Retention", "Early exits", "Two-way learning")  # fmt: skip
DAYS_PER_MONTH = 365.25 / 12


def build_program_report(
    ctx: ServiceContext,
    out_path: Path | str,
    period_start: dt.date,
    period_end: dt.date,
    today: dt.date,
    paper: str = "letter",
    site: str | None = None,
) -> None:
    """Write the program report for the period (optionally one site) to ``out_path``.

    An unknown ``site`` is refused with one sentence naming the known sites.
    """
    check_site(ctx, site)
    settings = program_settings.load(ctx)
    header = RunningHeader(settings.hospital_name, settings.program_name, TITLE, "", today)
    metrics = compute_program_metrics(ctx, period_start, period_end, today, site)
    build_pdf(out_path, program_story(metrics, header), header, paper)


def _width() -> float:
    from reportlab.lib.pagesizes import A4

    return A4[0] - 2 * MARGIN


def _measure_table(measures: Sequence[Any], label_head: str = "Measure") -> Any:
    from reportlab.platypus import Table

    st = report_styles()
    c = script_runs.cell
    width = _width()
    rows: list[list[script_runs.TableCell]] = [[label_head, "Figure", "Period"]]
    for m in measures:
        rows.append([c(m.label, st.cell), format_figure(m), measure_period(m)])
    table = Table(rows, colWidths=[width * 0.5, width * 0.25, width * 0.25], repeatRows=1)
    table.setStyle(table_style())
    return table


def program_story(
    metrics: ProgramMetrics, header: RunningHeader, bookmark: str | None = None
) -> list[Any]:
    """The flowables of the program report (the packet puts mentee reports after them)."""
    from reportlab.platypus import CondPageBreak, Spacer, Table

    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    period = format_period(metrics.period_start, metrics.period_end)
    scope = f" \u00b7 {site_label(metrics.site)}"
    story: list[Any] = [section_marker(header, TITLE, period + scope, bookmark, TITLE)]
    story.append(p(TITLE, st.title, bold=True))
    story.append(
        p(
            f"Period {period}{scope} \u00b7 figures as of {format_date(metrics.today)}. "
            "Each figure shows its denominator; shares are of that denominator.",
            st.muted,
        )
    )

    r = metrics.roster
    story.append(p("Roster", st.h1, bold=True))
    story.append(_measure_table([r.in_program, r.mentors_over_capacity, r.mean_load]))
    for title, measures in (
        ("By phase", r.by_phase),
        ("By specialty", r.by_specialty),
        ("By country of training", r.by_country),
        ("By site", r.by_site if metrics.site is None else ()),
        ("By visa or waiver", r.by_visa),
        ("Mentor load", r.mentor_load),
    ):
        if measures:
            story.append(CondPageBreak(60))
            story.append(p(title, st.h2, bold=True))
            head = (
                "Mentor: mentees of capacity"
                if measures is r.mentor_load
                else title.removeprefix("By ").capitalize()
            )
            story.append(_measure_table(measures, head))

    ch = metrics.checkins
    story.append(CondPageBreak(120))
    story.append(p("Check-in adherence", st.h1, bold=True))
    story.append(
        _measure_table(
            [
                ch.due,
                ch.held,
                ch.on_time,
                ch.missed,
                ch.overdue,
                ch.rescheduled,
                ch.median_days_between,
            ]
        )
    )

    ms = metrics.milestones
    story.append(CondPageBreak(100))
    story.append(p("Milestones", st.h1, bold=True))
    story.append(_measure_table([ms.due, ms.on_time, ms.late, ms.overdue, ms.open_not_yet_late]))

    story.append(CondPageBreak(120))
    story.append(p("Cultural-fluency progress", st.h1, bold=True))
    if metrics.cultural_fluency:
        width = _width()
        rows: list[list[script_runs.TableCell]] = [
            ["Domain", "Observer", "First: proficient", "Latest: proficient", "Period"]
        ]
        for d in metrics.cultural_fluency:
            rows.append(
                [
                    c(d.domain, st.cell),
                    d.observer_role.replace("_", " "),
                    format_figure(d.first),
                    format_figure(d.latest),
                    measure_period(d.latest),
                ]
            )
        table = Table(
            rows, colWidths=[width * x for x in (0.3, 0.1, 0.18, 0.18, 0.24)], repeatRows=1
        )
        table.setStyle(table_style())
        story.append(table)
        story.append(
            p(
                "Items rated Proficient or above, over items rated, at each mentee's first "
                "and latest assessment.",
                st.muted,
            )
        )
    else:
        story.append(p("No checklist assessments in the period.", st.body))

    dl = metrics.deadlines
    story.append(CondPageBreak(100))
    story.append(p("Deadlines", st.h1, bold=True))
    story.append(_measure_table([dl.tracked, *dl.within, dl.lapsed]))

    rt = metrics.retention
    story.append(CondPageBreak(260))
    story.append(p("Retention", st.h1, bold=True))
    story.append(_measure_table([*rt.program, *rt.comparison, rt.completed, rt.waivers_completed]))
    story.append(Spacer(1, 6))
    story += retention_chart(metrics)

    story.append(CondPageBreak(80))
    story.append(p("Early exits", st.h1, bold=True))
    story.append(_measure_table([rt.early_exits]))
    if rt.exit_reasons:
        story.append(Spacer(1, 4))
        story.append(_measure_table(rt.exit_reasons, "Reason for leaving"))
    if rt.exits:
        width = _width()
        rows = [["Mentee", "Left on", "Reason"]]
        for e in rt.exits:
            rows.append([c(e.name, st.cell), format_date(e.exit_date), c(e.reason, st.cell)])
        table = Table(rows, colWidths=[width * 0.3, width * 0.15, width * 0.55], repeatRows=1)
        table.setStyle(table_style())
        story.append(Spacer(1, 4))
        story.append(table)

    ended = metrics.waivers_ended_early
    story.append(CondPageBreak(80))
    story.append(p("Waiver obligations ended early", st.h2, bold=True))
    if ended:
        story.append(
            p(f"{len(ended)} waiver obligation{'s' if len(ended) != 1 else ''} ended early "
              "because the physician left; leaving early can revive the J-1 two-year "
              "home-country requirement.", st.body)
        )  # fmt: skip
        width = _width()
        rows = [["Waiver", "Obligation ends", "Left on", "Days short"]]
        for waiver in ended:
            rows.append([c(waiver.kind_name, st.cell), format_date(waiver.obligation_end),
                         format_date(waiver.left_on), f"{waiver.days_short:,}"])  # fmt: skip
        table = Table(rows, colWidths=[width * x for x in (0.4, 0.2, 0.2, 0.2)], repeatRows=1)
        table.setStyle(table_style())
        story.append(table)
    else:
        story.append(p("No waiver obligation was ended early by a departure.", st.body))

    lr = metrics.learning
    story.append(CondPageBreak(100))
    story.append(p("Two-way learning", st.h1, bold=True))
    story.append(_measure_table([lr.raised, lr.led_to_change]))
    if lr.changes:
        width = _width()
        rows = [["Area", "What the hospital changed"]]
        rows += [[c(category, st.cell), c(change, st.cell)] for category, change in lr.changes]
        table = Table(rows, colWidths=[width * 0.25, width * 0.75], repeatRows=1)
        table.setStyle(table_style())
        story.append(Spacer(1, 4))
        story.append(table)
    return story


PROGRAM_GROUP = "Mentees in the program"
COMPARISON_GROUP = "Physicians hired outside the program"
NO_COMPARISON = (
    "No comparison physicians are recorded, so the chart shows the program alone. Record "
    "physicians hired outside the program to compare their retention with the mentees'."
)


def retention_chart(metrics: ProgramMetrics) -> list[Any]:
    """Kaplan-Meier curves of the program and of the comparison group, each with its n.

    The comparison physicians are recorded for the whole hospital (they have no site), so a
    one-site report compares that site's mentees with all of them, and says so.
    """
    from bridgedesk.reports.step_curves import COMPARISON, CurveSeries, step_curves

    st = report_styles()
    rt = metrics.retention
    program_name = PROGRAM_GROUP + (f" at {metrics.site}" if metrics.site else "")
    series = [
        CurveSeries(program_name, rt.program_curve.n, _months(rt.program_curve)),
        CurveSeries(
            COMPARISON_GROUP, rt.comparison_curve.n, _months(rt.comparison_curve),
            colour=COMPARISON, dashed=True,
        ),
    ]  # fmt: skip
    story: list[Any] = [step_curves(series, _width(), "Months since start (Kaplan-Meier estimate)")]
    from reportlab.platypus import Spacer

    story.append(Spacer(1, 4))
    if not rt.comparison_curve.n:
        story.append(script_runs.paragraph(NO_COMPARISON, st.muted))
    elif metrics.site:
        story.append(
            script_runs.paragraph(
                "Comparison physicians are recorded for the whole hospital, not by site.",
                st.muted,
            )
        )
    return story


def _months(curve: Any) -> list[tuple[float, float]]:
    """(months since start, share still in post) from a survival curve's steps."""
    return [(0.0, 1.0)] + [(s.time / DAYS_PER_MONTH, s.survival) for s in curve.steps]
