"""The program report's body sections: roster, check-ins, milestones, cultural fluency,
deadlines and two-way learning. Long breakdowns go to the appendix (``program_closing``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bridgedesk.reports import script_runs
from bridgedesk.reports.figures import format_figure
from bridgedesk.reports.page import format_date
from bridgedesk.reports.program_tables import body_width, measure_table, text_table
from bridgedesk.reports.styles import report_styles, table_style
from bridgedesk.services.metrics import DomainProgress, Measure, ProgramMetrics

APPENDIX = "Appendix: roster and mentor detail"
TOP_SHOWN = 3


def _heading(title: str, space: float = 120) -> list[Any]:
    from reportlab.platypus import CondPageBreak

    return [CondPageBreak(space), script_runs.paragraph(title, report_styles().h1, bold=True)]


def _top(measures: Sequence[Measure]) -> str:
    """ "Family Medicine (6), General Surgery (4) and 2 more": the largest few, by name."""
    shown = [f"{m.label} ({int(m.value or 0)})" for m in measures[:TOP_SHOWN]]
    more = len(measures) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def roster_section(metrics: ProgramMetrics) -> list[Any]:
    st = report_styles()
    p = script_runs.paragraph
    r = metrics.roster
    story = _heading("Roster")
    active = [r.active] if r.active is not None else []
    story.append(measure_table([r.in_program, *active, r.mentors_over_capacity, r.mean_load]))
    if r.by_phase:
        story.append(p("By phase (program order)", st.h2, bold=True))
        story.append(measure_table(r.by_phase, "Phase at the period's close or on leaving"))
    if r.by_site and metrics.site is None:
        story.append(p("By site", st.h2, bold=True))
        story.append(measure_table(r.by_site, "Site"))
    summary = []
    for what, measures in (
        ("specialties", r.by_specialty),
        ("countries of training", r.by_country),
        ("visa or waiver kinds", r.by_visa),
    ):
        if measures:
            summary.append(f"{len(measures)} {what}, most often {_top(measures)}")
    if summary:
        story.append(
            p(
                f"Across the mentees in the program: {'; '.join(summary)}. "
                f"The full breakdowns and each mentor's load are in the {APPENDIX.lower()}.",
                st.body,
            )
        )
    return story


def checkin_section(metrics: ProgramMetrics) -> list[Any]:
    ch = metrics.checkins
    story = _heading("Check-in adherence")
    story.append(measure_table([ch.due, ch.held, ch.on_time, ch.missed, ch.overdue,
                                ch.rescheduled, ch.median_days_between]))  # fmt: skip
    return story


def milestone_section(metrics: ProgramMetrics) -> list[Any]:
    ms = metrics.milestones
    story = _heading("Milestones", 100)
    story.append(measure_table([ms.due, ms.on_time, ms.late, ms.overdue, ms.open_not_yet_late]))
    return story


def _roles(progress: Sequence[DomainProgress]) -> list[str]:
    """Observer roles in the order a reader compares them: mentor, self, then the rest."""
    found = {d.observer_role for d in progress}
    first = [r for r in ("mentor", "self") if r in found]
    return first + sorted(found - set(first))


def fluency_section(metrics: ProgramMetrics) -> list[Any]:
    """Per domain and observer: the share proficient at the first and the latest assessment.

    One row per domain with a first/latest pair of columns per observer when there are two
    observers (mentor and self, the usual case), else one row per domain and observer.
    """
    from reportlab.platypus import Table

    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    story = _heading("Cultural-fluency progress")
    progress = metrics.cultural_fluency
    if not progress:
        story.append(p("No checklist assessments up to the period's end.", st.body))
        return story
    width = body_width()
    roles = _roles(progress)
    head = st.cell_head
    rows: list[list[script_runs.TableCell]]
    if len(roles) <= 2:
        by_domain: dict[str, dict[str, DomainProgress]] = {}
        for d in progress:
            by_domain.setdefault(d.domain, {})[d.observer_role] = d
        header: list[script_runs.TableCell] = [c("Domain", head)]
        header += [c(f"{r.replace('_', ' ').capitalize()}: {w}", head)
                   for r in roles for w in ("first", "latest")]  # fmt: skip
        rows = [header]
        for domain, of_role in by_domain.items():
            cells: list[script_runs.TableCell] = [c(domain, st.cell)]
            for role in roles:
                got = of_role.get(role)
                cells += [c(format_figure(got.first) if got else "\u2014", st.cell),
                          c(format_figure(got.latest) if got else "\u2014", st.cell)]  # fmt: skip
            rows.append(cells)
        share = 0.64 / (2 * len(roles))
        widths = [0.36] + [share] * (2 * len(roles))
    else:
        rows = [[c(h, head) for h in ("Domain", "Rated by", "First", "Latest")]]
        for d in progress:
            rows.append([c(d.domain, st.cell), d.observer_role.replace("_", " "),
                         c(format_figure(d.first), st.cell),
                         c(format_figure(d.latest), st.cell)])  # fmt: skip
        widths = [0.4, 0.14, 0.23, 0.23]
    table = Table(rows, colWidths=[width * x for x in widths], repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style())
    story.append(table)
    story.append(
        p(
            "Items rated Proficient or above, over items rated, at each mentee's first "
            "assessment ever and at the latest one, counted as of "
            f"{format_date(progress[0].latest.as_of)}. Mentor and self ratings are counted "
            "apart: a self-rating never counts toward the mentor's figure. The first and "
            "the latest assessment may cover different items; each share has its own count.",
            st.muted,
        )
    )
    return story


def deadline_section(metrics: ProgramMetrics) -> list[Any]:
    dl = metrics.deadlines
    story = _heading("Deadlines", 100)
    story.append(measure_table([dl.tracked, *dl.within, dl.lapsed]))
    story.append(
        script_runs.paragraph(
            "Deadlines are counted today, whatever the period: the state of a credential on a "
            "past day is not kept.",
            report_styles().muted,
        )
    )
    return story


def learning_section(metrics: ProgramMetrics) -> list[Any]:
    from reportlab.platypus import Spacer

    lr = metrics.learning
    story = _heading("Two-way learning", 100)
    story.append(measure_table([lr.raised, lr.led_to_change]))
    if lr.changes:
        story.append(Spacer(1, 4))
        story.append(text_table(["Area", "What the hospital changed"], lr.changes, (0.25, 0.75)))
    return story
