"""One mentee's progress report: identity, mentors, timeline, check-ins, checklist progress,
goals and actions, deadlines, and a signature block for the program director.

Private mentor notes are printed only when asked for (``include_private_notes``): the report is
often handed to the mentee or filed in a personnel record.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from bridgedesk.errors import UserError
from bridgedesk.reports import fonts, script_runs
from bridgedesk.reports.mentee_data import MenteeReportData, load_reports
from bridgedesk.reports.page import (
    RunningHeader,
    build_pdf,
    format_date,
    format_period,
    section_marker,
)
from bridgedesk.reports.styles import report_styles, table_style
from bridgedesk.services import program_settings
from bridgedesk.services.audit_history import AuditRow
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.roster import MenteeRecord

TITLE = "Mentee progress report"
SECTIONS = ("Mentors", "Timeline", "Check-ins", "Checklist progress",
            "Goals and open actions", "Deadlines", "Sign-off")  # fmt: skip


def check_drawable(record: MenteeRecord) -> None:
    """Refuse to print a name the bundled fonts cannot draw, rather than print boxes."""
    for label, text in (
        ("legal name", record.legal_name),
        ("native-script name", record.fields.native_name),
        ("preferred name", record.fields.preferred_name),
    ):
        missing = fonts.missing_glyphs(text)
        if missing:
            chars = ", ".join(f"{c} (U+{ord(c):04X})" for c in missing)
            raise UserError(
                f"The {label} of mentee {record.id} has characters no bundled font can print: {chars}."
            )


def build_mentee_report(
    ctx: ServiceContext,
    mentee_id: int,
    out_path: Path | str,
    today: dt.date,
    paper: str = "letter",
    include_private_notes: bool = False,
    include_audit: bool = False,
) -> None:
    """Write one mentee's progress report to ``out_path`` (UserError if a name cannot print)."""
    settings = program_settings.load(ctx)
    header = RunningHeader(settings.hospital_name, settings.program_name, TITLE, "", today)
    data = load_reports(ctx, [mentee_id], today, include_audit=include_audit)[mentee_id]
    story = mentee_story(data, today, include_private_notes, header, settings.director_name)
    build_pdf(out_path, story, header, paper)


def _label(value: Any) -> str:
    text = str(getattr(value, "value", value) or "")
    return text.replace("_", " ").capitalize()


def mentee_story(
    data: MenteeReportData,
    today: dt.date,
    include_private_notes: bool,
    header: RunningHeader,
    director_name: str = "",
    bookmark: str | None = None,
    checkins_period: tuple[dt.date, dt.date] | None = None,
    scope: str = "",
) -> list[Any]:
    """The flowables of one mentee's report (also used, one after another, by the packet).

    ``data`` comes from ``mentee_data.load_reports``. ``checkins_period`` limits the
    check-ins table to that period (the packet's): a board packet reviews the period, and a
    three-year history per mentee would triple its length. The audit appendix is printed
    when ``data.audit`` was loaded.
    """
    from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table

    record = data.record
    check_drawable(record)
    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    f = record.fields
    period = f"As of {format_date(today)}" + (f" \u00b7 {scope}" if scope else "")
    story: list[Any] = [
        section_marker(
            header, f"{TITLE} \u2014 {record.legal_name}", period, bookmark, record.legal_name
        )
    ]
    width = _frame_width(header)

    # Identity
    story.append(p(TITLE, st.muted))
    story.append(p(record.legal_name or "(no name recorded)", st.name_large, bold=True))
    if f.native_name:
        story.append(p(f.native_name, st.name_native))
    story.append(Spacer(1, 6))
    status = _label(record.status)
    if record.exit_date:
        status += f" since {format_date(record.exit_date)}"
        if record.exit_reason:
            status += f" ({record.exit_reason})"
    identity = [
        ("Preferred name", f.preferred_name), ("Pronouns", f.pronouns),
        ("Country of training", f.country_of_training), ("Medical school", f.medical_school),
        ("Specialty", f.specialty), ("Site", f.site), ("Role", _label(f.role)),
        ("Phase", record.phase_name), ("Start date", format_date(f.start_date)), ("Status", status),
    ]  # fmt: skip
    half = (len(identity) + 1) // 2
    rows = []
    for i in range(half):
        left = identity[i]
        right = identity[i + half] if i + half < len(identity) else ("", "")
        rows.append(
            [
                c(left[0], st.cell_head),
                c(left[1] or "\u2014", st.cell),
                c(right[0], st.cell_head),
                c(right[1] or ("\u2014" if right[0] else ""), st.cell),
            ]
        )
    t = Table(rows, colWidths=[width * 0.17, width * 0.33, width * 0.17, width * 0.33])
    t.setStyle(table_style(header_rows=0, stripes=False))
    story.append(t)

    # Mentors
    story.append(CondPageBreak(90))
    story.append(p("Mentors", st.h1, bold=True))
    assignments = data.assignments
    if assignments:
        rows = [
            [
                "Mentor",
                "Role",
                "From",
                "To",
                "Note",
            ]
        ]
        for a in sorted(assignments, key=lambda a: (a.end is not None, a.start)):
            rows.append(
                [
                    c(a.mentor_name, st.cell),
                    _label(a.kind),
                    format_date(a.start),
                    format_date(a.end) if a.end else "Current",
                    c(a.end_reason, st.cell),
                ]
            )
        t = Table(rows, colWidths=[width * x for x in (0.3, 0.14, 0.14, 0.14, 0.28)], repeatRows=1)
        t.setStyle(table_style())
        story.append(t)
    else:
        story.append(p("No mentor has been assigned.", st.body))

    # Timeline strip
    from bridgedesk.reports.charts import timeline_strip

    events = data.events
    story.append(CondPageBreak(170))
    story.append(p("Timeline", st.h1, bold=True))
    bands = data.bands if f.start_date else []
    if events or bands:
        story.append(timeline_strip(events, bands, today, width))
    else:
        story.append(p("Nothing scheduled yet.", st.body))

    # Check-ins
    story.append(CondPageBreak(90))
    story.append(p("Check-ins", st.h1, bold=True))
    checkins = [e for e in events if e.kind == "checkin"]
    if checkins_period is not None:
        first, last = checkins_period
        shown = [e for e in checkins if first <= e.date <= last]
        story.append(p(f"Check-ins dated {format_period(first, last)}: {len(shown)} of the "
                       f"{len(checkins)} on record.", st.muted))  # fmt: skip
        checkins = shown
    if checkins:
        head = ["Date", "Status", "Format", "Topics", "Summary"]
        cols = [0.12, 0.1, 0.1, 0.16, 0.52]
        rows = [list(head)]
        for e in checkins:
            detail = data.checkin_details[e.id]
            summary: list[Any] = [c(detail.summary, st.cell)] if detail.summary else []
            if include_private_notes and detail.private_note:
                summary.append(c("Private mentor note: " + detail.private_note, st.small))
            rows.append([
                format_date(e.date), _label(e.state), _label(detail.format) if detail.format else "",
                "\n".join(_label(t) for t in detail.topics), summary or "",
            ])  # fmt: skip
        t = Table(rows, colWidths=[width * x for x in cols], repeatRows=1, splitInRow=1)
        t.setStyle(table_style())
        story.append(t)
        if not include_private_notes:
            story.append(p("Private mentor notes are not included in this report.", st.muted))
    else:
        story.append(p("No check-ins recorded.", st.body))

    # Checklist progress
    from bridgedesk.reports.charts import domain_bars

    story.append(CondPageBreak(160))
    story.append(p("Checklist progress", st.h1, bold=True))
    progress = data.progress
    if progress:
        rows = [["Domain", "Items", "First", "Latest", "Self", "Mentor", "Gap"]]
        for d in progress:
            gap = (
                (d.mentor_mean - d.self_mean)
                if d.mentor_mean is not None and d.self_mean is not None
                else None
            )
            rows.append([
                c(d.domain, st.cell), str(d.items), _pct(d.first_share),
                f"{d.proficient_items} of {d.items} ({d.share:.0%})",
                _num(d.self_mean), _num(d.mentor_mean), f"{gap:+.1f}" if gap is not None else "\u2014",
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

    # Goals and open actions
    story.append(CondPageBreak(90))
    story.append(p("Goals and open actions", st.h1, bold=True))
    goals = data.goals
    if goals:
        rows = [list(("Goal", "Status", "Progress", "Target"))]
        for g in goals:
            rows.append(
                [
                    c(g.title, st.cell),
                    _label(g.status),
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

    # Deadlines
    story.append(CondPageBreak(90))
    story.append(p("Deadlines", st.h1, bold=True))
    deadlines = data.deadlines
    if deadlines:
        rows = [list(("Credential", "Tier", "Number", "Expires", "When"))]
        for d in deadlines:
            days = d.days_left or 0
            when = f"Lapsed {-days} days ago" if days < 0 else f"In {days} days"
            rows.append(
                [
                    c(d.kind_name, st.cell),
                    _label(d.tier),
                    c(d.number, st.cell),
                    format_date(d.expires_on),
                    c(when, st.cell, bold=days < 0),
                ]
            )
        t = Table(rows, colWidths=[width * x for x in (0.3, 0.13, 0.23, 0.15, 0.19)], repeatRows=1)
        t.setStyle(table_style())
        story.append(t)
    else:
        story.append(p("No dated credentials recorded.", st.body))

    # Signature block
    director = director_name or "Program director"
    line = "_" * 42
    block = [
        p("Sign-off", st.h1, bold=True),
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
    story.append(KeepTogether(block))
    if data.audit is not None:
        story += audit_appendix(data.audit, width)
    return story


def audit_appendix(lines: list[AuditRow], width: float) -> list[Any]:
    """The audit trail of the mentee's record: when, who, which field, before and after.

    Every value is a user string (names, notes), so each goes through ``script_runs.cell``.
    """
    from reportlab.platypus import CondPageBreak, Table

    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    story: list[Any] = [
        CondPageBreak(120),
        p("Appendix: audit trail of the record", st.h1, bold=True),
    ]
    if not lines:
        story.append(p("No changes to this record were audited.", st.body))
        return story
    story.append(p("Every recorded change to the mentee's record, oldest first.", st.muted))
    rows: list[list[Any]] = [["When (UTC)", "Who", "Change", "Field", "Before", "After"]]
    for line in lines:
        rows.append([
            f"{format_date(line.when.date())} {line.when:%H:%M}", c(line.who, st.cell),
            _label(line.action), c(line.field.replace("_", " "), st.cell),
            c(_clip(line.before), st.cell), c(_clip(line.after), st.cell),
        ])  # fmt: skip
    cols = (0.16, 0.13, 0.09, 0.16, 0.23, 0.23)
    t = Table(rows, colWidths=[width * x for x in cols], repeatRows=1, splitInRow=1)
    t.setStyle(table_style())
    story.append(t)
    return story


AUDIT_VALUE_LIMIT = 600
"""Characters of a before/after value printed: a 10,000-character note would fill pages."""


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


def _frame_width(header: RunningHeader) -> float:
    """Usable width: the narrower of Letter and A4, so one layout fits both papers."""
    from reportlab.lib.pagesizes import A4

    from bridgedesk.reports.page import MARGIN

    return A4[0] - 2 * MARGIN


def _pct(share: float | None) -> str:
    return "\u2014" if share is None else f"{share:.0%}"


def _num(value: float | None) -> str:
    return "\u2014" if value is None else f"{value:.1f}"
