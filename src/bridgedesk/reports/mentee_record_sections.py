"""The mentee report's record so far: identity, mentors, the timeline strip and the check-ins.

Each function returns the flowables of one section; ``mentee_report.mentee_story`` puts them
in order. Every user string goes through ``script_runs`` so it prints in any script.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bridgedesk.reports import script_runs
from bridgedesk.reports.mentee_data import MenteeReportData
from bridgedesk.reports.mentee_layout import (
    CHUNK_CHARS,
    group_stripes,
    heading_with,
    section_heading,
    text_chunks,
)
from bridgedesk.reports.page import format_date, format_period
from bridgedesk.reports.styles import report_styles, table_style
from bridgedesk.reports.timeline_strip import timeline_key, timeline_strip
from bridgedesk.reports.value_text import enum_words
from bridgedesk.services.credentials.identity_facts import IdentityCredentials


def identity_section(data: MenteeReportData, width: float) -> list[Any]:
    """The mentee's names, large, then two columns of who they are and where they stand."""
    from reportlab.platypus import Spacer, Table

    record = data.record
    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    f = record.fields
    story: list[Any] = [
        p(record.legal_name or "(no name recorded)", st.name_large, bold=True),
    ]
    if f.native_name:
        story.append(p(f.native_name, st.name_native))
    story.append(Spacer(1, 6))
    status = enum_words(record.status)
    if record.exit_date:
        status += f" since {format_date(record.exit_date)}"
        reason = ": ".join(part for part in (record.exit_reason_label, record.exit_reason) if part)
        if reason:
            status += f" ({reason})"
    identity = [
        ("Preferred name", f.preferred_name), ("Pronouns", f.pronouns),
        ("Country of training", f.country_of_training), ("Medical school", f.medical_school),
        ("Specialty", f.specialty), ("Site", f.site), ("Role", enum_words(f.role)),
        ("Phase", record.phase.label), ("Start date", format_date(f.start_date)), ("Status", status),
        ("Visa or waiver", _immigration_text(f.visa_kind, data.credentials)),
        ("ECFMG certificate", _ecfmg_text(data.credentials)),
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
    return story


def _immigration_text(visa_kind: str, credentials: IdentityCredentials) -> str:
    """The visa kind on the record, then the visas and waivers filed as credentials."""
    filed = ", ".join(credentials.immigration)
    if visa_kind and filed:
        return f"{visa_kind} (on file: {filed})"
    if filed:
        return f"On file: {filed}"
    return visa_kind


def _ecfmg_text(credentials: IdentityCredentials) -> str:
    """ "Verified at the source on 3 Mar 2024 (no. 0-123-456-7)", or what is missing."""
    ecfmg = credentials.ecfmg
    if ecfmg is None:
        return "No certificate on record"
    number = f" (no. {ecfmg.number})" if ecfmg.number else ""
    if ecfmg.verified_on is None:
        return f"On record, not verified at the source{number}"
    return f"Verified at the source on {format_date(ecfmg.verified_on)}{number}"


def mentors_section(data: MenteeReportData, width: float) -> list[Any]:
    """Every mentor assignment, current ones first."""
    from reportlab.platypus import Table

    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    heading = section_heading("Mentors")
    assignments = data.assignments
    if assignments:
        rows: list[list[script_runs.TableCell]] = [
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
                    enum_words(a.kind),
                    format_date(a.start),
                    format_date(a.end) if a.end else "Current",
                    c(a.end_reason, st.cell),
                ]
            )
        t = Table(rows, colWidths=[width * x for x in (0.3, 0.14, 0.14, 0.14, 0.28)], repeatRows=1)
        t.setStyle(table_style())
        return heading_with(heading, t, width)
    return heading_with(heading, p("No mentor has been assigned.", st.body), width)


def timeline_section(data: MenteeReportData, today: dt.date, width: float) -> list[Any]:
    """Phases, check-ins and milestones on one strip (phases only once there is a start date)."""
    from reportlab.platypus import KeepTogether

    st = report_styles()
    p = script_runs.paragraph
    events = data.events
    heading = section_heading("Timeline")
    bands = data.bands if data.record.fields.start_date else []
    if events or bands:
        figure = KeepTogether(
            [timeline_strip(events, bands, today, width),
             p(timeline_key(events, bands, today, width), st.muted)]
        )  # fmt: skip
        return heading_with(heading, figure, width)
    return heading_with(heading, p("Nothing scheduled yet.", st.body), width)


def checkins_section(
    data: MenteeReportData,
    include_private_notes: bool,
    checkins_period: tuple[dt.date, dt.date] | None,
    width: float,
) -> list[Any]:
    """The check-ins table, limited to ``checkins_period`` when given; private mentor notes
    only when ``include_private_notes``."""
    from reportlab.platypus import Table

    st = report_styles()
    p, c = script_runs.paragraph, script_runs.cell
    story: list[Any] = section_heading("Check-ins")
    checkins = [e for e in data.events if e.kind == "checkin"]
    if checkins_period is not None:
        first, last = checkins_period
        shown = [e for e in checkins if first <= e.date <= last]
        story.append(p(f"Check-ins dated {format_period(first, last)}: {len(shown)} of the "
                       f"{len(checkins)} on record.", st.muted))  # fmt: skip
        checkins = shown
    if checkins:
        head = ["Date", "Status", "Format", "Topics", "Summary"]
        cols = [0.12, 0.1, 0.1, 0.16, 0.52]
        rows: list[list[script_runs.TableCell]] = [list(head)]
        groups: list[int] = []  # rows per check-in
        for e in checkins:
            detail = data.checkin_details[e.id]
            note = detail.private_note if include_private_notes else ""
            pieces = _summary_rows(detail.summary, note)
            groups.append(len(pieces))
            # A row never splits across pages: a long summary continues in rows of its own.
            for n, piece in enumerate(pieces):
                opening = n == 0
                rows.append([
                    format_date(e.date) if opening else "(continued)",
                    enum_words(e.state) if opening else "",
                    enum_words(detail.format) if opening and detail.format else "",
                    "\n".join(enum_words(t) for t in detail.topics) if opening else "",
                    [c(text, st.small if is_note else st.cell) for text, is_note in piece] or "",
                ])  # fmt: skip
        t = Table(rows, colWidths=[width * x for x in cols], repeatRows=1)
        look = table_style(stripes=False)
        group_stripes(look, groups)
        t.setStyle(look)
        story = heading_with(story, t, width)
        if not include_private_notes:
            story.append(p("Private mentor notes are not included in this report.", st.muted))
        return story
    return heading_with(story, p("No check-ins recorded.", st.body), width)


def _summary_rows(summary: str, private_note: str) -> list[list[tuple[str, bool]]]:
    """The summary (and the private note, if printed) as the rows' cells: pieces of at most
    ``CHUNK_CHARS`` characters each, the note sharing a row with the summary's end when they
    fit together. Each piece is (text, is the note)."""
    rows = [[(chunk, False)] for chunk in text_chunks(summary)] if summary else []
    if private_note:
        for chunk in text_chunks("Private mentor note: " + private_note):
            used = sum(len(text) for text, _note in rows[-1]) if rows else CHUNK_CHARS
            if used + len(chunk) <= CHUNK_CHARS:
                rows[-1].append((chunk, True))
            else:
                rows.append([(chunk, True)])
    return rows or [[]]
