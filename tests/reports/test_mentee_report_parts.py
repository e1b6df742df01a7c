"""The parts the mentee report's layout rests on, each tested alone: shortening at a word,
phase labels that fit by rule, the timeline's legend and "today" line, long texts split into
rows, milestone wording, and checklist progress as the mentor judged it."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from reportlab.graphics.shapes import Line, String
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from bridgedesk.assets import asset_path
from bridgedesk.domain.enums import CheckinStatus, ObserverRole, Tier
from bridgedesk.reports.chart_labels import text_width
from bridgedesk.reports.mentee_layout import text_chunks
from bridgedesk.reports.mentee_milestones import completed_text
from bridgedesk.reports.styles import ACCENT
from bridgedesk.reports.text_fit import ELLIPSIS, fit_words
from bridgedesk.reports.timeline_strip import LEGEND, initials, phase_labels, timeline_strip
from bridgedesk.reports.timeline_symbols import SYMBOLS
from bridgedesk.services.checklists.mentor_judged import mentor_judged_progress
from bridgedesk.services.checklists.reads import Rated, TemplateView
from bridgedesk.services.timeline.milestone_rows import MilestoneRow
from bridgedesk.services.timeline.reads import (
    PhaseBand,
    TimelineEvent,
    checkin_state,
    milestone_state,
)
from tests.reports.layout_checks import overprints, read_pages

TODAY = dt.date(2026, 6, 30)
START = dt.date(2025, 9, 1)


def default_bands(start: dt.date = START) -> list[PhaseBand]:
    """The program's default phases over a mentee's calendar (resources/defaults)."""
    schedule = json.loads(asset_path("defaults/program_schedule.json").read_text("utf-8"))
    return [
        PhaseBand(
            p["name"],
            start + dt.timedelta(days=p["start_day"]),
            None if p["end_day"] is None else start + dt.timedelta(days=p["end_day"]),
        )
        for p in schedule["phases"]
    ]


# ----- shortening a line at a word -----------------------------------------------------
def test_fit_words_keeps_whole_words_and_ends_in_an_ellipsis():
    text = "Mentee progress report \u2014 Hubert Blaine Wolfeschlegelsteinhausen Bergerdorff"
    short = fit_words(text, 8, 150)
    assert short.endswith(ELLIPSIS) and text_width(short, 8) <= 150
    kept = short.removesuffix(ELLIPSIS)
    assert text.startswith(kept) and text[len(kept)] == " "
    assert fit_words("Short title", 8, 150) == "Short title"
    one_word = fit_words("W" * 300, 8, 60)
    assert one_word.endswith(ELLIPSIS) and text_width(one_word, 8) <= 60


# ----- phase labels ----------------------------------------------------------------------
def test_initials_keep_numbers_whole():
    assert initials("First 90 days") == "F90D"
    assert initials("Pre-arrival") == "PA"
    assert initials("Years 2 and 3") == "Y2A3"


@pytest.mark.parametrize("width", [160.0, 300.0, 487.0, 900.0])
def test_phase_labels_fit_their_band_and_are_never_cut(width):
    bands = default_bands()
    last = START + dt.timedelta(days=1200)
    labels = phase_labels(bands, bands[0].start, last, 8, width - 8)
    assert labels
    for band in labels:
        assert band.shown in (band.name, initials(band.name), "")
        assert ELLIPSIS not in band.shown
        if band.shown:
            assert text_width(band.shown, 7) <= band.x1 - band.x0 - 4
    if width >= 487:  # the long phases always get their full names
        assert {"Rest of year 1", "Years 2 and 3"} <= {b.shown for b in labels}


# ----- the strip: legend, symbols, "today" -------------------------------------------------
def test_legend_names_every_state_the_timeline_can_draw_with_the_screens_symbols():
    from bridgedesk.ui.widgets import timeline_strip as screen

    states = {checkin_state(s, TODAY, TODAY - dt.timedelta(days=d))
              for s in CheckinStatus for d in (-1, 1)}  # fmt: skip
    states |= {milestone_state(TODAY, None, TODAY + dt.timedelta(days=1)),
               milestone_state(TODAY, None, TODAY), milestone_state(TODAY, TODAY, TODAY),
               milestone_state(TODAY, None, TODAY, cancelled=TODAY)}  # fmt: skip
    legend = dict(LEGEND)
    assert states <= set(legend), states - set(legend)
    assert {"overdue", "due", "done"} <= set(legend)  # the milestone states
    for state in screen.STATES:
        shape, filled, light, _dark = screen.STYLE[state]
        assert SYMBOLS[state][:2] == (shape, filled), state
        if light:
            assert SYMBOLS[state][2] == light, state
        assert legend[state] == screen.STATE_LABELS[state]


def _events() -> list[TimelineEvent]:
    out = []
    for n, state in enumerate(("held", "missed", "rescheduled", "overdue", "planned")):
        day = START + dt.timedelta(days=30 * n)
        out.append(TimelineEvent("checkin", n, 1, "c", day, day, None, state))
    for n, state in enumerate(("done", "overdue", "due", "cancelled")):
        day = START + dt.timedelta(days=90 * n)
        out.append(TimelineEvent("milestone", 10 + n, 1, "m", day, day, None, state))
    return out


def _boxes(drawing) -> list[tuple[float, float, float, float, str]]:
    return [(*s.getBounds(), s.text) for s in drawing.contents if isinstance(s, String)]


@pytest.mark.parametrize("today_offset", [0, 3, 180, 300, 1095, 1200])
def test_today_line_crosses_no_label_and_no_labels_overlap(today_offset):
    today = START - dt.timedelta(days=60) + dt.timedelta(days=today_offset)
    strip = timeline_strip(_events(), default_bands(), today, 487)
    boxes = _boxes(strip)
    assert any(text.startswith("Today") for *_b, text in boxes)
    today_lines = [s for s in strip.contents
                   if isinstance(s, Line) and s.strokeColor == colors.HexColor(ACCENT)]  # fmt: skip
    assert len(today_lines) == 1
    line = today_lines[0]
    for x0, y0, x1, y1, text in boxes:
        crosses = x0 < line.x1 < x1 and min(line.y1, line.y2) < y1 and max(line.y1, line.y2) > y0
        assert not crosses, text
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, (a[4], b[4])


# ----- rows and wording ------------------------------------------------------------------
def test_long_text_splits_into_rows_between_words():
    text = " ".join(f"word{n}" for n in range(900))
    chunks = text_chunks(text, 1200)
    assert len(chunks) > 1 and all(len(c) <= 1200 for c in chunks)
    assert " ".join(chunks) == text
    assert text_chunks("short") == ["short"]
    assert "".join(text_chunks("x" * 5000, 1200)) == "x" * 5000


def test_milestone_completion_wording():
    def row(state, done=None, cancelled=None):
        return MilestoneRow(1, "Review", Tier.HOSPITAL, dt.date(2026, 6, 1), done, "", cancelled,
                            state)  # fmt: skip

    assert completed_text(row("done", done=dt.date(2026, 6, 3)), TODAY) == "3 Jun 2026"
    assert completed_text(row("overdue"), TODAY) == "Overdue by 29 days"
    assert completed_text(row("due"), TODAY) == "Not yet due"
    left = completed_text(row("cancelled", cancelled=dt.date(2026, 5, 2)), TODAY)
    assert left == "Cancelled (left 2 May 2026)"


# ----- checklist progress as the mentor judged it -------------------------------------------
def test_proficiency_is_the_latest_mentor_rating_and_the_gap_is_over_items_both_rated():
    view = TemplateView(7, "Fluency", 1, [(1, "Novice", False), (3, "Proficient", True),
                                          (4, "Expert", True)],
                        [("Communication", [(1, "a", "A"), (2, "b", "B"), (3, "c", "C")]),
                         ("Systems", [(4, "d", "D")])])  # fmt: skip
    proficient = {(7, 3), (7, 4)}
    day = dt.date(2026, 1, 1)
    ratings = [
        Rated("a", 7, 4, day, ObserverRole.SELF, 1),  # only a self-rating: not proficient
        Rated("b", 7, 3, day, ObserverRole.MENTOR, 2),  # proficient at first...
        Rated("b", 7, 1, day, ObserverRole.MENTOR, 3),  # ...not at the latest
        Rated("c", 7, 1, day, ObserverRole.MENTOR, 4),
        Rated("c", 7, 4, day, ObserverRole.MENTOR, 5),  # proficient at the latest
        Rated("c", 7, 1, day, ObserverRole.SELF, 6),
        Rated("c", 7, 4, day, ObserverRole.PEER, 7),  # a peer's rating counts for neither
    ]
    comm, systems = mentor_judged_progress(view, ratings, proficient)
    assert (comm.items, comm.mentor_rated, comm.self_rated) == (3, 2, 2)
    assert (comm.first_proficient, comm.latest_proficient) == (1, 1)
    assert comm.both_rated == 1  # only c has a self and a mentor rating
    assert (comm.self_mean, comm.mentor_mean, comm.gap) == (1, 4, 3)
    assert comm.latest_share == pytest.approx(1 / 3) and comm.first_share == pytest.approx(1 / 3)
    assert (systems.mentor_rated, systems.both_rated, systems.gap, systems.first_share) == (
        0, 0, None, None)  # fmt: skip


# ----- the overprint check itself ------------------------------------------------------------
def test_overprint_check_finds_text_over_text_and_not_neighbouring_lines(tmp_path):
    from bridgedesk.reports import fonts

    font = fonts.font_name(fonts.LATIN)
    out = tmp_path / "clash.pdf"
    canvas = Canvas(str(out))
    canvas.setFont(font, 8.5)
    for n in range(6):  # table-cell spacing: 10.5 pt lines of 8.5 pt text
        canvas.drawString(72, 700 - n * 10.5, f"Line {n} of a wrapped cell")
    canvas.drawString(72, 500, "Today 30 Jun 2026")
    canvas.drawString(100, 501, "Sep 2025")
    canvas.save()
    (page,) = read_pages(out)
    clashes = {(a.text, b.text) for a, b in overprints(page)}
    assert clashes and all("Line" not in a and "Line" not in b for a, b in clashes)
