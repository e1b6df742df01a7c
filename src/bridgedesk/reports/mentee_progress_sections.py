"""The mentee report's progress and what is still ahead: checklist progress, goals and open
actions, and credential deadlines.

Each function returns the flowables of one section; ``mentee_report.mentee_story`` puts them
in order. Every user string goes through ``script_runs`` so it prints in any script.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bridgedesk.reports import script_runs
from bridgedesk.reports.bar_charts import domain_bars
from bridgedesk.reports.mentee_data import MenteeReportData
from bridgedesk.reports.mentee_layout import heading_with, section_heading, split_tail
from bridgedesk.reports.page import format_date
from bridgedesk.reports.styles import report_styles, table_style
from bridgedesk.reports.value_text import enum_words, mean_text, share_text

CHECKLIST_NOTE = (
    "Proficient: the mentor's latest rating of the item is at a proficient level (First: the "
    "mentor's first rating). Self, Mentor and Gap compare the latest self-rating and the "
    "latest mentor rating of the items both have rated; Gap is mentor minus self."
)


def checklist_section(data: MenteeReportData, width: float) -> list[Any]:
    """Per domain: items the mentor rated proficient at the first and the latest rating, and
    self against mentor over the items both rated; then the same shares as bars."""
    from reportlab.platypus import KeepTogether, Spacer, Table

    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    heading = section_heading("Checklist progress")
    progress = data.checklist
    if not any(d.mentor_rated or d.self_rated for d in progress):
        return heading_with(heading, p("No checklist assessments recorded.", st.body), width)
    head = ("Domain", "Items", "Rated by mentor", "Proficient first", "Proficient latest",
            "Rated by both", "Self", "Mentor", "Gap")  # fmt: skip
    rows: list[list[script_runs.TableCell]] = [[c(h, st.cell_head) for h in head]]
    for d in progress:
        rows.append([
            c(d.domain, st.cell), str(d.items), str(d.mentor_rated),
            share_text(d.first_share), f"{d.latest_proficient} ({d.latest_share:.0%})",
            str(d.both_rated), mean_text(d.self_mean), mean_text(d.mentor_mean),
            f"{d.gap:+.1f}" if d.gap is not None else "\u2014",
        ])  # fmt: skip
    cols = (0.27, 0.07, 0.09, 0.1, 0.12, 0.09, 0.08, 0.09, 0.09)
    t = Table(rows, colWidths=[width * x for x in cols], repeatRows=1)
    t.setStyle(table_style())
    story = heading_with(heading, t, width)
    story += [Spacer(1, 3), p(CHECKLIST_NOTE, st.muted)]
    bars = domain_bars([(d.domain, d.first_share, d.latest_share) for d in progress], width)
    caption = p("Share of items proficient by domain, as the mentor rated them", st.h2, bold=True)
    story.append(KeepTogether([caption, bars]))
    return story


def goals_section(data: MenteeReportData, today: dt.date, width: float) -> list[Any]:
    """Goals with their progress, then the open actions (overdue ones marked as of ``today``)."""
    from reportlab.platypus import Table

    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    heading = section_heading("Goals and open actions")
    goals = data.goals
    if goals:
        rows: list[list[script_runs.TableCell]] = [list(("Goal", "Status", "Progress", "Target"))]
        for g in goals:
            rows.append(
                [
                    c(g.title, st.cell),
                    enum_words(g.status),
                    f"{g.progress_percent}%",
                    format_date(g.target_date),
                ]
            )
        t = Table(rows, colWidths=[width * x for x in (0.55, 0.15, 0.13, 0.17)], repeatRows=1)
        t.setStyle(table_style())
        story = heading_with(heading, t, width)
    else:
        story = heading_with(heading, p("No goals recorded.", st.body), width)
    actions = data.open_actions
    sub = [p("Open actions", st.h2, bold=True)]
    if actions:
        rows = [list(("Action", "Owner", "Due"))]
        for a in actions:
            due = format_date(a.due_date)
            if a.due_date and a.due_date < today:
                due += " (overdue)"
            rows.append([c(a.description, st.cell), c(a.owner, st.cell), due])
        t = Table(rows, colWidths=[width * x for x in (0.6, 0.18, 0.22)], repeatRows=1)
        t.setStyle(table_style())
        return story + heading_with(sub, t, width)
    return story + heading_with(sub, p("No open actions.", st.body), width)


def deadlines_section(data: MenteeReportData, width: float, closing: list[Any]) -> list[Any]:
    """Dated credentials with the days left (lapsed ones in bold), then ``closing`` (the
    sign-off) kept on one page with the last rows of the table, so it never stands alone."""
    from reportlab.platypus import KeepTogether

    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    heading = section_heading("Deadlines")
    deadlines = data.deadlines
    if not deadlines:
        return [KeepTogether([*heading, p("No dated credentials recorded.", st.body), *closing])]
    rows: list[list[script_runs.TableCell]] = [
        list(("Credential", "Tier", "Number", "Next date", "Date", "When"))
    ]
    for d in deadlines:
        days = d.days_left or 0
        when = f"Lapsed {-days} days ago" if days < 0 else f"In {days} days"
        what = d.what + (" (no work allowed)" if d.no_work else "")
        rows.append([
            c(d.kind_name, st.cell), enum_words(d.tier), c(d.number, st.cell), c(what, st.cell),
            format_date(d.expires_on), c(when, st.cell, bold=days < 0),
        ])  # fmt: skip
    widths = [width * x for x in (0.22, 0.11, 0.15, 0.22, 0.13, 0.17)]
    main, tail = split_tail(rows, widths)
    if main is None:  # a short table: heading, table and sign-off on one page
        return [KeepTogether([*heading, tail, *closing])]
    return [*heading_with(heading, main, width), KeepTogether([tail, *closing])]
