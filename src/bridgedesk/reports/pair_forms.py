"""Printable one-page pair-health forms, for meetings where nobody has BridgeDesk open: the fit
question and the pulse for a check-in, and each adjustment survey (0, 6 and 12 months).

Filled in on paper; the program office enters the answers afterwards (the record's Pair health
section). A form for a mentee carries the names (any script, through ``script_runs``), the
mentor and the due dates; a blank form leaves lines to write them on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bridgedesk.domain.pair_health import (
    FIT_QUESTION,
    PULSE_MAX,
    PULSE_MIN,
    SCALE_LABELS,
    SURVEY_MONTHS,
    survey_due,
    survey_title,
)
from bridgedesk.errors import UserError
from bridgedesk.reports import fonts, script_runs
from bridgedesk.reports.page import MARGIN, RunningHeader, build_pdf, format_date
from bridgedesk.reports.styles import HEADER_FILL, INK, MUTED, RULE, report_styles
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentees.directory import mentee_label
from bridgedesk.services.pair_health.reads import mentee_pair_health
from bridgedesk.services.pair_health.surveys import SurveyForm, current_form
from bridgedesk.services.program import details as program_settings

TITLE = "Pair-health forms"
CHECKIN_FORM = "checkin"
FORMS = (CHECKIN_FORM, *(f"survey-{m}" for m in SURVEY_MONTHS))
FORM_TITLES = {CHECKIN_FORM: "Check-in: fit and pulse"} | {
    f"survey-{m}": survey_title(m) for m in SURVEY_MONTHS
}
BLANK = "_" * 34
FIT_OPTIONS = ("Yes", "Not sure", "No")


@dataclass(frozen=True)
class FormPeople:
    """Who a form is for; empty strings print as lines to write on."""

    mentee: str = ""
    mentee_native: str = ""
    mentor: str = ""
    start: dt.date | None = None
    fit_done: bool = False


def check_forms(forms: Sequence[str]) -> list[str]:
    unknown = [f for f in forms if f not in FORMS]
    if unknown or not forms:
        raise UserError(f"Choose forms among: {', '.join(FORMS)} (not {', '.join(unknown)}).")
    return list(dict.fromkeys(forms))


def build_pair_forms(
    ctx: ServiceContext,
    out_path: Path | str,
    today: dt.date,
    mentee_id: int | None = None,
    forms: Sequence[str] = FORMS,
    paper: str = "letter",
) -> None:
    """Write the chosen forms, one page each, for a mentee (or blank) to ``out_path``."""
    chosen = check_forms(forms)
    people = FormPeople()
    if mentee_id is not None:
        label = mentee_label(ctx, mentee_id)
        if label is None:
            raise UserError(f"There is no mentee with id {mentee_id}.")
        for what, text in (("name", label.legal_name), ("native-script name", label.native_name)):
            missing = fonts.missing_glyphs(text)
            if missing:
                chars = ", ".join(f"{c} (U+{ord(c):04X})" for c in missing)
                raise UserError(f"The mentee's {what} has characters no font can print: {chars}.")
        health = mentee_pair_health(ctx, mentee_id, today)
        people = FormPeople(
            label.legal_name,
            label.native_name,
            health.mentor_name,
            health.start,
            fit_done=health.fit is not None and not health.fit_due,
        )
    settings = program_settings.load(ctx)
    scope = people.mentee or "Blank forms"
    header = RunningHeader(settings.hospital_name, settings.program_name, TITLE, scope, today)
    build_pdf(out_path, forms_story(chosen, people, current_form(ctx)), header, paper, TITLE)


def forms_story(forms: Sequence[str], people: FormPeople, survey: SurveyForm) -> list[Any]:
    from reportlab.platypus import PageBreak

    story: list[Any] = []
    for n, key in enumerate(forms):
        if n:
            story.append(PageBreak())
        if key == CHECKIN_FORM:
            story += checkin_form(people)
        else:
            story += survey_form(people, survey, int(key.removeprefix("survey-")))
    return story


def _width() -> float:
    from reportlab.lib.pagesizes import A4

    return A4[0] - 2 * MARGIN


def _people_table(rows: Sequence[tuple[str, str]]) -> Any:
    """Label / value rows; an empty value is a line to write on."""
    from reportlab.platypus import Table, TableStyle

    st = report_styles()
    data = [[label, script_runs.cell(value, st.body) if value else BLANK] for label, value in rows]
    table = Table(data, colWidths=[_width() * 0.26, _width() * 0.74], hAlign="LEFT")
    table.setStyle(
        TableStyle([
            ("FONT", (0, 0), (0, -1), fonts.font_name(fonts.LATIN, bold=True), 9.5, 12.5),
            ("FONT", (1, 0), (1, -1), fonts.font_name(fonts.LATIN), 9.5, 12.5),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ])
    )  # fmt: skip
    return table


def _mentee_text(people: FormPeople) -> str:
    if people.mentee_native and people.mentee_native != people.mentee:
        return f"{people.mentee} ({people.mentee_native})"
    return people.mentee


def _box(size: float = 9) -> Any:
    """An empty square to tick."""
    from reportlab.platypus import Flowable

    class _Box(Flowable):
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return size, size

        def draw(self) -> None:
            self.canv.setStrokeColor(INK)
            self.canv.setLineWidth(0.8)
            self.canv.rect(0, 0, size, size)

    return _Box()


def _options(labels: Sequence[str], width: float) -> Any:
    """A row of tick boxes, each followed by its label."""
    from reportlab.platypus import Table, TableStyle

    cells: list[Any] = []
    for text in labels:
        cells += [_box(), text]
    each = width / len(labels)
    table = Table([cells], colWidths=[14, each - 14] * len(labels), hAlign="LEFT")
    table.setStyle(
        TableStyle([
            ("FONT", (0, 0), (-1, -1), fonts.font_name(fonts.LATIN), 10, 12),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ])
    )  # fmt: skip
    return table


def _lines(count: int, label: str = "") -> list[Any]:
    """Ruled lines to write a comment on."""
    from reportlab.platypus import Spacer, Table, TableStyle

    st = report_styles()
    story: list[Any] = []
    if label:
        story.append(script_runs.paragraph(label, st.muted))
    table = Table(
        [[""] for _ in range(count)], colWidths=[_width()], rowHeights=[20] * count, hAlign="LEFT"
    )
    table.setStyle(
        TableStyle([
            ("FONT", (0, 0), (-1, -1), fonts.font_name(fonts.LATIN), 9, 11),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ])
    )  # fmt: skip
    story += [table, Spacer(1, 6)]
    return story


def _pulse_scale() -> Any:
    """The numbers 1 to 10, each over a box to tick."""
    from reportlab.platypus import Table, TableStyle

    numbers = [str(n) for n in range(PULSE_MIN, PULSE_MAX + 1)]
    each = min(34.0, (_width() - 120) / len(numbers))
    table = Table(
        [numbers, [_box(11) for _ in numbers]], colWidths=[each] * len(numbers), hAlign="LEFT"
    )
    table.setStyle(
        TableStyle([
            ("FONT", (0, 0), (-1, -1), fonts.font_name(fonts.LATIN, bold=True), 10, 12),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
        ])
    )  # fmt: skip
    return table


def checkin_form(people: FormPeople) -> list[Any]:
    """The fit question (after the first held check-in with this mentor) and both pulses."""
    from reportlab.platypus import KeepTogether, Spacer

    st = report_styles()
    p = script_runs.paragraph
    story: list[Any] = [
        p(FORM_TITLES[CHECKIN_FORM], st.title, bold=True),
        p(
            "Fill this in at the check-in, one side at a time. The program office enters the "
            "answers in BridgeDesk afterwards.",
            st.muted,
        ),
        Spacer(1, 8),
        _people_table([
            ("Mentee", _mentee_text(people)),
            ("Mentor", people.mentor),
            ("Date of the check-in", ""),
        ]),
    ]  # fmt: skip
    fit_note = (
        "Already answered for this mentor: skip this part."
        if people.fit_done
        else "Asked once, after the first check-in held with this mentor."
    )
    story += [p(f"1. {FIT_QUESTION}", st.h1, bold=True), p(fit_note, st.muted)]
    for side in ("Mentee", "Mentor"):
        story.append(
            KeepTogether([
                p(side, st.h2, bold=True),
                _options(FIT_OPTIONS, _width() * 0.6),
                Spacer(1, 4),
                *_lines(2, "Comment (optional)"),
            ])
        )  # fmt: skip
    story += [
        p("2. Pulse this month", st.h1, bold=True),
        p(
            "How is the mentoring going this month? Tick one number: "
            "1 = badly, 10 = very well. Each side answers for themselves.",
            st.body,
        ),
    ]
    for side in ("Mentee", "Mentor"):
        story += [p(side, st.h2, bold=True), _pulse_scale(), Spacer(1, 4)]
    story += [Spacer(1, 10), _entered_line()]
    return story


def _entered_line() -> Any:
    st = report_styles()
    return script_runs.paragraph(
        "Entered in BridgeDesk on ____________ by ______________________", st.muted
    )


def survey_form(people: FormPeople, survey: SurveyForm, month: int) -> list[Any]:
    """One adjustment survey: a statement per row, five boxes from disagree to agree."""
    from reportlab.platypus import Spacer

    st = report_styles()
    p = script_runs.paragraph
    due = format_date(_due(people.start, month)) if people.start else ""
    story: list[Any] = [
        p(survey_title(month), st.title, bold=True),
        p(
            "For the mentee to fill in alone; there are no right answers. The program uses "
            "the answers to see where support is needed.",
            st.muted,
        ),
        Spacer(1, 8),
        _people_table(
            [
                ("Mentee", _mentee_text(people)),
                ("Due on", due),
                ("Date answered", ""),
            ]
        ),  # fmt: skip
        Spacer(1, 6),
        p(
            "Tick one box per statement: "
            + ", ".join(f"{n} = {text.lower()}" for n, text in SCALE_LABELS.items())
            + ".",
            st.body,
        ),
        Spacer(1, 4),
    ]
    tail: list[Any] = [Spacer(1, 10)]
    tail += _lines(3, "Anything else you would like the program to know? (optional)")
    tail.append(p(f"{survey.name}, wording version {survey.version}.", _muted_small(st.muted)))
    tail.append(_entered_line())
    room = PAGE_ROOM - sum(_height(f) for f in story + tail)
    # Long statements: a smaller type, then tighter rows, keep the form on one page.
    for style, padding in ((st.body, 5.0), (st.cell, 2.5), (st.small, 1.5)):
        table = _statements_table(survey, style, padding)
        if _height(table) <= room:
            break
    return [*story, table, *tail]


PAGE_ROOM = 792 - 2 * MARGIN - 8 - 4
"""The frame's height on Letter (the shorter paper), less a little for rounding."""


def _height(flowable: Any) -> float:
    _w, h = flowable.wrap(_width(), 10_000)
    return float(h) + float(flowable.getSpaceBefore()) + float(flowable.getSpaceAfter())


def _statements_table(survey: SurveyForm, style: Any, padding: float) -> Any:
    """A statement per row, with five boxes from disagree to agree."""
    from reportlab.platypus import Table, TableStyle

    c = script_runs.cell
    width = _width()
    scale_w = 24.0
    rows: list[list[Any]] = [["Theme", "Statement", *(str(n) for n in SCALE_LABELS)]]
    for item in survey.items:
        rows.append([c(item.theme, style), c(item.text, style), *(_box(10) for _ in SCALE_LABELS)])
    table = Table(
        rows,
        colWidths=[width * 0.16, width * 0.84 - scale_w * len(SCALE_LABELS)]
        + [scale_w] * len(SCALE_LABELS),
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle([
            ("FONT", (0, 0), (-1, -1), fonts.font_name(fonts.LATIN), 9, 11),
            ("FONT", (0, 0), (-1, 0), fonts.font_name(fonts.LATIN, bold=True), 9, 11),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("ALIGN", (2, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (1, -1), "TOP"),  # the theme beside the statement's first line
            ("VALIGN", (2, 0), (-1, -1), "MIDDLE"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 1), (-1, -1), padding),
            ("BOTTOMPADDING", (0, 1), (-1, -1), padding),
        ])
    )  # fmt: skip
    return table


def _due(start: dt.date | None, month: int) -> dt.date | None:
    return survey_due(start, month) if start else None


def _muted_small(style: Any) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    muted = colors.HexColor(MUTED)
    return ParagraphStyle(
        style.name + "-small", parent=style, fontSize=7.5, leading=9.5, textColor=muted
    )
