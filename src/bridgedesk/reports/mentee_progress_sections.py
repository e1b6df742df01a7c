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
from bridgedesk.reports.page import format_date
from bridgedesk.reports.styles import report_styles, table_style
from bridgedesk.reports.value_text import enum_words, mean_text, share_text


def checklist_section(data: MenteeReportData, width: float) -> list[Any]:
    """Per domain: items proficient at the first and latest assessment, self and mentor means,
    as a table and as bars."""
    from reportlab.platypus import CondPageBreak, Spacer, Table

    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    story: list[Any] = [CondPageBreak(160), p("Checklist progress", st.h1, bold=True)]
    progress = data.progress
    if progress:
        rows: list[list[script_runs.TableCell]] = [
            ["Domain", "Items", "First", "Latest", "Self", "Mentor", "Gap"]
        ]
        for d in progress:
            gap = (
                (d.mentor_mean - d.self_mean)
                if d.mentor_mean is not None and d.self_mean is not None
                else None
            )
            rows.append([
                c(d.domain, st.cell), str(d.items), share_text(d.first_share),
                f"{d.proficient_items} of {d.items} ({d.share:.0%})", mean_text(d.self_mean),
                mean_text(d.mentor_mean), f"{gap:+.1f}" if gap is not None else "\u2014",
            ])  # fmt: skip
        t = Table(
            rows,
            colWidths=[width * x for x in (0.36, 0.08, 0.1, 0.16, 0.1, 0.1, 0.1)],
            repeatRows=1,
        )
        t.setStyle(table_style())
        story.append(t)
        story.append(p("First and Latest: share of items rated Proficient or above at the first "
                       "and the latest assessment. Self and Mentor: mean rating by each; Gap: "
                       "mentor minus self.", st.muted))  # fmt: skip
        story.append(Spacer(1, 6))
        story.append(domain_bars([(d.domain, d.first_share, d.share) for d in progress], width))
    else:
        story.append(p("No checklist assessments recorded.", st.body))
    return story


def goals_section(data: MenteeReportData, today: dt.date, width: float) -> list[Any]:
    """Goals with their progress, then the open actions (overdue ones marked as of ``today``)."""
    from reportlab.platypus import CondPageBreak, Table

    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    story: list[Any] = [CondPageBreak(90), p("Goals and open actions", st.h1, bold=True)]
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
        story.append(t)
    else:
        story.append(p("No goals recorded.", st.body))
    actions = data.open_actions
    story.append(p("Open actions", st.h2, bold=True))
    if actions:
        rows = [list(("Action", "Owner", "Due"))]
        for a in actions:
            due = format_date(a.due_date)
            if a.due_date and a.due_date < today:
                due += " (overdue)"
            rows.append([c(a.description, st.cell), c(a.owner, st.cell), due])
        t = Table(rows, colWidths=[width * x for x in (0.6, 0.18, 0.22)], repeatRows=1)
        t.setStyle(table_style())
        story.append(t)
    else:
        story.append(p("No open actions.", st.body))
    return story


def deadlines_section(data: MenteeReportData, width: float) -> list[Any]:
    """Dated credentials with the days left (lapsed ones in bold)."""
    from reportlab.platypus import CondPageBreak, Table

    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    story: list[Any] = [CondPageBreak(90), p("Deadlines", st.h1, bold=True)]
    deadlines = data.deadlines
    if deadlines:
        rows: list[list[script_runs.TableCell]] = [
            list(("Credential", "Tier", "Number", "Next date", "Date", "When"))
        ]
        for d in deadlines:
            days = d.days_left or 0
            when = f"Lapsed {-days} days ago" if days < 0 else f"In {days} days"
            what = d.what + (" (no work allowed)" if d.no_work else "")
            rows.append(
                [
                    c(d.kind_name, st.cell),
                    enum_words(d.tier),
                    c(d.number, st.cell),
                    c(what, st.cell),
                    format_date(d.expires_on),
                    c(when, st.cell, bold=days < 0),
                ]
            )
        widths = (0.22, 0.11, 0.15, 0.22, 0.13, 0.17)
        t = Table(rows, colWidths=[width * x for x in widths], repeatRows=1)
        t.setStyle(table_style())
        story.append(t)
    else:
        story.append(p("No dated credentials recorded.", st.body))
    return story
