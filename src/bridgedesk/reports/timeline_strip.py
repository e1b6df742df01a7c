"""The mentee timeline strip: phases as coloured bands, check-ins above and milestones below
the axis, today marked, and a legend with the screen's marker for every state.

Nothing drawn as text may touch other text: a phase name that does not fit its band is
abbreviated by rule (``phase_labels``: initials, never a word cut short) and spelled out in the
key under the strip; the "today" line stays inside the bands and its label takes the place of
a start or end date it would collide with.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bridgedesk.reports.chart_labels import finish, label, new_drawing, rect, text_width
from bridgedesk.reports.page import format_date
from bridgedesk.reports.styles import ACCENT, INK, MUTED, PHASE_FILLS, RULE
from bridgedesk.reports.timeline_symbols import STATE_LABELS, STATES, symbol

LEGEND = tuple((state, STATE_LABELS[state]) for state in STATES)
"""(state, words) of every legend entry, in order: every marker the strip can draw."""

LABEL_SIZE = 7.0
BAND_H = 34.0
MARKER = 4.0
LEGEND_ROW = 11.0
_GAP = 4.0  # the least space between two texts


@dataclass(frozen=True)
class PhaseLabel:
    name: str
    start: dt.date
    end: dt.date | None
    x0: float
    x1: float
    shown: str  # the full name, its initials, or "" when not even those fit


def initials(name: str) -> str:
    """ "First 90 days" -> "F90D", "Pre-arrival" -> "PA": each word's first letter (capital),
    numbers whole."""
    words = [w for w in re.split(r"[\s\-\u2010-\u2015/]+", name) if w]
    return "".join(w if w.isdigit() else w[0].upper() for w in words)


def phase_labels(
    bands: Sequence[Any], first: dt.date, last: dt.date, left: float, right: float
) -> list[PhaseLabel]:
    """Each visible band with the label that fits it: full name, else initials, else none."""
    span = max((last - first).days, 1)

    def x_of(day: dt.date) -> float:
        return left + (right - left) * (day - first).days / span

    out = []
    for band in bands:
        x0, x1 = x_of(max(band.start, first)), x_of(min(band.end or last, last))
        if x1 <= x0:
            continue
        room = x1 - x0 - 4
        shown = ""
        for candidate in (band.name, initials(band.name)):
            if candidate and text_width(candidate, LABEL_SIZE) <= room:
                shown = candidate
                break
        out.append(PhaseLabel(band.name, band.start, band.end, x0, x1, shown))
    return out


def _marker(state: str, x: float, y: float, r: float = MARKER) -> list[Any]:
    """The screen's marker for ``state`` (``timeline_symbols``), centred on (x, y)."""
    from reportlab.graphics.shapes import Circle, Line, Polygon
    from reportlab.lib import colors

    shape, filled, hex_colour = symbol(state)
    colour = colors.HexColor(hex_colour)
    fill = colour if filled else colors.white
    if shape == "circle":
        return [Circle(x, y, r, fillColor=fill, strokeColor=colour, strokeWidth=1)]
    if shape == "square":
        s = r - 0.5
        return [Polygon([x - s, y - s, x + s, y - s, x + s, y + s, x - s, y + s],
                        fillColor=fill, strokeColor=colour, strokeWidth=1)]  # fmt: skip
    if shape == "cross":
        return [
            Line(x - r, y - r, x + r, y + r, strokeColor=colour, strokeWidth=1.4),
            Line(x - r, y + r, x + r, y - r, strokeColor=colour, strokeWidth=1.4),
        ]
    if shape == "dash":
        return [Line(x - r, y, x + r, y, strokeColor=colour, strokeWidth=1.8)]
    if shape == "diamond":
        points = [x, y + r, x + r, y, x, y - r, x - r, y]
    else:  # triangle, point up (PDF y grows upwards)
        points = [x, y + r, x + r, y - r * 0.8, x - r, y - r * 0.8]
    return [Polygon(points, fillColor=fill, strokeColor=colour, strokeWidth=1)]


def _legend_rows(width: float) -> list[list[tuple[str, str, float]]]:
    """Legend entries (state, words, x) wrapped into rows that fit ``width``."""
    rows: list[list[tuple[str, str, float]]] = [[]]
    x = 0.0
    for state, words in LEGEND:
        item = 2 * MARKER + 4 + text_width(words, LABEL_SIZE) + 12
        if rows[-1] and x + item > width:
            rows.append([])
            x = 0.0
        rows[-1].append((state, words, x))
        x += item
    return rows


def timeline_strip(
    events: Sequence[Any], bands: Sequence[Any], today: dt.date, width: float
) -> Any:
    """Phases as coloured bands, check-ins above and milestones below the axis, today marked."""
    from reportlab.graphics.shapes import Line
    from reportlab.lib import colors

    legend = _legend_rows(width - 8)
    legend_h = LEGEND_ROW * len(legend)
    date_y = legend_h + 8  # baseline of the date row
    band_y = date_y + LABEL_SIZE + 6
    label_y = band_y + BAND_H + 3
    height = label_y + LABEL_SIZE + 4
    drawing = new_drawing(width, height)
    dates: list[dt.date] = [e.date for e in events] + [b.start for b in bands] + [today]
    dates += [b.end for b in bands if b.end is not None]
    first, last = min(dates), max(dates)
    span = max((last - first).days, 1)
    left, right = 4.0 + MARKER, width - 4.0 - MARKER

    def x_of(day: dt.date) -> float:
        return left + (right - left) * (day - first).days / span

    for i, band in enumerate(phase_labels(bands, first, last, left, right)):
        fill = colors.HexColor(PHASE_FILLS[i % len(PHASE_FILLS)])
        drawing.add(rect(band.x0, band_y, band.x1 - band.x0, BAND_H, stroke=None, fill=fill))
        if band.shown:
            label(drawing, band.x0 + 2, label_y, band.shown, LABEL_SIZE, MUTED)
    axis_y = band_y + BAND_H / 2
    drawing.add(
        Line(left, axis_y, right, axis_y, strokeColor=colors.HexColor(RULE), strokeWidth=0.8)
    )
    tx = x_of(today)
    drawing.add(
        Line(tx, band_y, tx, band_y + BAND_H, strokeColor=colors.HexColor(ACCENT),
             strokeWidth=1.2, strokeDashArray=[2, 2])
    )  # fmt: skip
    for event in events:
        y = axis_y + 8 if event.kind == "checkin" else axis_y - 8
        for shape in _marker(event.state, x_of(event.date), y):
            drawing.add(shape)
    _date_row(drawing, first, last, today, tx, date_y, 4.0, width - 4.0)
    for row_index, row in enumerate(legend):
        y = legend_h - (row_index + 1) * LEGEND_ROW + 3
        for state, words, x in row:
            for shape in _marker(state, 4 + x + MARKER, y + 2.5, 3.4):
                drawing.add(shape)
            label(drawing, 4 + x + 2 * MARKER + 4, y, words, LABEL_SIZE, INK)
    return finish(drawing)


def _date_row(
    drawing: Any, first: dt.date, last: dt.date, today: dt.date, tx: float, y: float,
    left: float, right: float,
) -> None:  # fmt: skip
    """First and last month at the ends, "Today" under its line; an end label that would
    collide with "Today" is left out (today's label carries the date)."""
    today_text = f"Today {format_date(today)}"
    w = text_width(today_text, LABEL_SIZE)
    t0 = min(max(tx - w / 2, left), right - w)
    label(drawing, t0, y, today_text, LABEL_SIZE, ACCENT)
    start_text, end_text = _short(first), _short(last)
    if left + text_width(start_text, LABEL_SIZE) + _GAP <= t0:
        label(drawing, left, y, start_text, LABEL_SIZE, MUTED)
    if right - text_width(end_text, LABEL_SIZE) - _GAP >= t0 + w and end_text != start_text:
        label(drawing, right, y, end_text, LABEL_SIZE, MUTED, anchor="end")


def timeline_key(events: Sequence[Any], bands: Sequence[Any], today: dt.date, width: float) -> str:
    """The sentence under the strip: which row is which, and every phase name not printed in
    full on its band (its initials, or its dates when the band is too short for those)."""
    dates: list[dt.date] = [e.date for e in events] + [b.start for b in bands] + [today]
    dates += [b.end for b in bands if b.end is not None]
    left, right = 4.0 + MARKER, width - 4.0 - MARKER
    parts = []
    for band in phase_labels(bands, min(dates), max(dates), left, right):
        if band.shown == band.name:
            continue
        until = f"\u2013{format_date(band.end)}" if band.end else " on"
        when = f"{format_date(band.start)}{until}"
        parts.append(f"{band.shown} = {band.name}" if band.shown else f"{band.name} ({when})")
    text = "Check-ins above the line, milestones below."
    if parts:
        text += " Phases: " + "; ".join(parts) + "."
    return text


def _short(day: dt.date) -> str:
    return f"{day.strftime('%b')} {day.year}"
