"""The program report's "Retention over time" section: the Kaplan-Meier table and chart, early
exits by reason (names only when asked for), and waiver obligations ended early."""

from __future__ import annotations

from typing import Any

from bridgedesk.domain.kaplan_meier import SurvivalCurve, greenwood_interval
from bridgedesk.reports import script_runs
from bridgedesk.reports.figures import METHOD_NOTE
from bridgedesk.reports.page import format_date
from bridgedesk.reports.program_tables import body_width, measure_table, text_table
from bridgedesk.reports.step_curves import COMPARISON, CurveSeries, month_ticks, step_curves
from bridgedesk.reports.styles import ACCENT, report_styles
from bridgedesk.services.metrics import ProgramMetrics
from bridgedesk.services.metrics.figures import FOLLOWED_FOR_RETENTION, label

HEADING = "Retention over time"
DAYS_PER_MONTH = 365.25 / 12
PROGRAM_GROUP = label(FOLLOWED_FOR_RETENTION)  # all who started, not the period's roster
COMPARISON_GROUP = "Physicians hired outside the program"
NO_COMPARISON = (
    "No comparison physicians are recorded, so the chart shows the program alone. Record "
    "physicians hired outside the program to compare their retention with the mentees'."
)
KM_NOTE = (
    "Retention over time is a Kaplan-Meier estimate. Each physician is followed from the "
    "start date; leaving is an exit, while a physician still in post or who completed the "
    "program is censored (+) on the last day seen. The shaded band is the 95% confidence "
    "interval (Greenwood's variance, log(-log) scale); the table under the chart gives how "
    "many were still followed at each tick, and the curve is least certain where that number "
    "is small."
)
EXIT_NAMES_NOTE = (
    "Names are printed because the person making this report asked for them; share this "
    "report only with those entitled to see personnel matters."
)


def curve_series(
    name: str, short: str, curve: SurvivalCurve, colour: str, dashed: bool, ticks: list[float]
) -> CurveSeries:
    """A chart series from a survival curve: steps, 95% band, censor marks, number at risk."""
    points = [(0.0, 1.0)]
    band = [(0.0, 1.0, 1.0)]
    censored = []
    for step in curve.steps:
        months = step.time / DAYS_PER_MONTH
        if step.events:
            points.append((months, step.survival))
            low, high = greenwood_interval(curve, step.time)
            band.append((months, low, high))
        if step.censored:
            censored.append((months, step.survival))
    last = max([p[0] for p in points] + [c[0] for c in censored])
    at_risk = {t: curve.at_risk_at(round(t * DAYS_PER_MONTH)) for t in ticks if t <= last}
    points.append((last, points[-1][1]))
    return CurveSeries(name, curve.n, points, colour, dashed, band, censored, at_risk, short)


def retention_chart(metrics: ProgramMetrics) -> list[Any]:
    """Kaplan-Meier curves of the program and of the comparison group, each with its n.

    The comparison physicians are recorded for the whole hospital (they have no site), so a
    one-site report compares that site's mentees with all of them, and says so.
    """
    from reportlab.platypus import Spacer

    st = report_styles()
    rt = metrics.retention
    longest = max(
        [s.time for s in rt.program_curve.steps] + [s.time for s in rt.comparison_curve.steps],
        default=0,
    )
    ticks = month_ticks(longest / DAYS_PER_MONTH)
    program_name = PROGRAM_GROUP + (f" at {metrics.site}" if metrics.site else "")
    series = [
        curve_series(program_name, "Program", rt.program_curve, ACCENT, False, ticks),
        curve_series(
            COMPARISON_GROUP, "Comparison", rt.comparison_curve, COMPARISON, True, ticks
        ),  # fmt: skip
    ]
    story: list[Any] = [step_curves(series, body_width(), "Months since start")]
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
    story.append(script_runs.paragraph(KM_NOTE, st.muted))
    story.append(script_runs.paragraph(METHOD_NOTE, st.muted))
    return story


def retention_section(metrics: ProgramMetrics) -> list[Any]:
    from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

    st = report_styles()
    rt = metrics.retention
    as_of = format_date(rt.program[0].as_of)
    story: list[Any] = [script_runs.paragraph(HEADING, st.h1, bold=True)]
    story.append(
        script_runs.paragraph(
            f"Everyone who had started by {as_of}, followed from the start date to leaving, "
            "completing or that day.",
            st.muted,
        )
    )
    story.append(measure_table([*rt.program, *rt.comparison, rt.completed, rt.waivers_completed]))
    story.append(Spacer(1, 6))
    story += retention_chart(metrics)
    # Heading, table, chart and notes on one page when they fit (they do on Letter and A4).
    return [CondPageBreak(200), KeepTogether(story)]


def exits_section(metrics: ProgramMetrics, name_early_exits: bool = False) -> list[Any]:
    """Early exits counted by reason; names and details only when the user asked for them."""
    from reportlab.platypus import CondPageBreak, Spacer

    st = report_styles()
    rt = metrics.retention
    story: list[Any] = [CondPageBreak(100), script_runs.paragraph("Early exits", st.h1, bold=True)]
    story.append(measure_table([rt.early_exits]))
    if rt.exit_reasons:
        story.append(Spacer(1, 4))
        story.append(measure_table(rt.exit_reasons, "Reason for leaving"))
    if name_early_exits and rt.exits:
        story.append(Spacer(1, 4))
        story.append(script_runs.paragraph(EXIT_NAMES_NOTE, st.muted))
        rows = [(e.name, format_date(e.exit_date), e.reason) for e in rt.exits]
        story.append(text_table(["Mentee", "Left on", "Reason"], rows, (0.3, 0.15, 0.55)))
    elif rt.exits:
        story.append(
            script_runs.paragraph(
                "Counted by reason only: names and personal details of those who left are "
                "not printed in this report.",
                st.muted,
            )
        )
    story += _waivers_ended_early(metrics)
    return story


def _waivers_ended_early(metrics: ProgramMetrics) -> list[Any]:
    from reportlab.platypus import CondPageBreak

    st = report_styles()
    ended = metrics.waivers_ended_early
    story: list[Any] = [CondPageBreak(80)]
    story.append(script_runs.paragraph("Waiver obligations ended early", st.h2, bold=True))
    if not ended:
        story.append(
            script_runs.paragraph(
                "No waiver obligation was ended early by a departure (all recorded departures, "
                f"up to {format_date(metrics.today)}).",
                st.body,
            )
        )
        return story
    story.append(
        script_runs.paragraph(
            f"{len(ended)} waiver obligation{'s' if len(ended) != 1 else ''} ended early "
            "because the physician left (all recorded departures, up to "
            f"{format_date(metrics.today)}); leaving early can revive the J-1 two-year "
            "home-country requirement.",
            st.body,
        )
    )
    rows = [(w.kind_name, format_date(w.obligation_end), format_date(w.left_on),
             f"{w.days_short:,}") for w in ended]  # fmt: skip
    story.append(
        text_table(["Waiver", "Obligation ends", "Left on", "Days short"], rows,
                   (0.4, 0.2, 0.2, 0.2))
    )  # fmt: skip
    return story
