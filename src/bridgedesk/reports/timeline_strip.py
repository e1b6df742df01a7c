"""The mentee timeline strip: phases as coloured bands, check-ins above and milestones below
the axis, today marked, and a legend whose marker shapes still read in black and white."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from bridgedesk.reports.chart_labels import chart_font, finish, fit, label, new_drawing, rect
from bridgedesk.reports.styles import ACCENT, INK, MUTED, PHASE_FILLS, RULE, STATE_COLOURS

LEGEND = (
    ("held", "Check-in held"),
    ("missed", "Missed"),
    ("planned", "Planned"),
    ("overdue", "Overdue"),
    ("done", "Milestone done"),
    ("due", "Milestone due"),
    ("cancelled", "Cancelled (after leaving)"),
)


def _marker(kind: str, state: str, x: float, y: float, size: float = 4.2) -> list[Any]:
    """Distinct shape per state, so the strip still reads in black and white."""
    from reportlab.graphics.shapes import Circle, Line, Polygon
    from reportlab.lib import colors

    colour = colors.HexColor(STATE_COLOURS.get(state, MUTED))
    if state == "cancelled":  # a short dash: planned after the mentee left, never overdue
        return [Line(x - size, y, x + size, y, strokeColor=colour, strokeWidth=1.6)]
    if kind == "milestone":
        points = [x, y + size + 1, x + size + 1, y, x, y - size - 1, x - size - 1, y]
        filled = state == "done"
        return [
            Polygon(
                points,
                fillColor=colour if filled else colors.white,
                strokeColor=colour,
                strokeWidth=1,
            )
        ]
    if state == "held":
        return [Circle(x, y, size, fillColor=colour, strokeColor=colour)]
    if state == "missed":
        return [
            Line(x - size, y - size, x + size, y + size, strokeColor=colour, strokeWidth=1.6),
            Line(x - size, y + size, x + size, y - size, strokeColor=colour, strokeWidth=1.6),
        ]
    if state == "overdue":
        return [
            Polygon(
                [x - size, y - size, x + size, y - size, x, y + size],
                fillColor=colour,
                strokeColor=colour,
            )
        ]
    if state == "rescheduled":
        return [
            rect(
                x - size * 0.7,
                y - size * 0.7,
                size * 1.4,
                size * 1.4,
                fill=colors.white,
                stroke=colour,
            )
        ]
    return [Circle(x, y, size, fillColor=colors.white, strokeColor=colour, strokeWidth=1.2)]


def timeline_strip(
    events: Sequence[Any], bands: Sequence[Any], today: dt.date, width: float
) -> Any:
    """Phases as coloured bands, check-ins above and milestones below the axis, today marked."""
    from reportlab.graphics.shapes import Line, String
    from reportlab.lib import colors

    font = chart_font()
    height = 108.0
    drawing = new_drawing(width, height)
    dates: list[dt.date] = [e.date for e in events] + [b.start for b in bands] + [today]
    dates += [b.end for b in bands if b.end is not None]
    first, last = min(dates), max(dates)
    if bands:
        first = min(first, bands[0].start)
    span = max((last - first).days, 1)
    left, right = 4.0, width - 4.0

    def x_of(day: dt.date) -> float:
        return left + (right - left) * (day - first).days / span

    band_y, band_h = 44.0, 34.0
    for i, band in enumerate(bands):
        x0 = x_of(max(band.start, first))
        x1 = x_of(min(band.end or last, last))
        if x1 <= x0:
            continue
        drawing.add(
            rect(
                x0,
                band_y,
                x1 - x0,
                band_h,
                stroke=None,
                fill=colors.HexColor(PHASE_FILLS[i % len(PHASE_FILLS)]),
            )
        )
        text = fit(band.name, 7.0, x1 - x0 - 4)
        label(drawing, x0 + 2, band_y + band_h + 3, text, 7.0, MUTED)
    axis_y = band_y + band_h / 2
    drawing.add(
        Line(left, axis_y, right, axis_y, strokeColor=colors.HexColor(RULE), strokeWidth=0.8)
    )
    for event in events:
        y = axis_y + 8 if event.kind == "checkin" else axis_y - 8
        for shape in _marker(event.kind, event.state, x_of(event.date), y):
            drawing.add(shape)
    tx = x_of(today)
    drawing.add(
        Line(
            tx,
            band_y - 4,
            tx,
            band_y + band_h + 12,
            strokeColor=colors.HexColor(ACCENT),
            strokeWidth=1.2,
            strokeDashArray=[2, 2],
        )
    )
    drawing.add(
        String(
            tx,
            band_y - 12,
            "Today",
            fontName=font,
            fontSize=7,
            textAnchor="middle",
            fillColor=colors.HexColor(ACCENT),
        )
    )
    drawing.add(
        String(
            left,
            band_y - 12,
            _short(first),
            fontName=font,
            fontSize=7,
            fillColor=colors.HexColor(MUTED),
        )
    )
    drawing.add(
        String(
            right,
            band_y - 12,
            _short(last),
            fontName=font,
            fontSize=7,
            textAnchor="end",
            fillColor=colors.HexColor(MUTED),
        )
    )
    # Legend on one row at the bottom.
    x = left + 4
    for state, words in LEGEND:
        kind = "milestone" if words.startswith("Milestone") else "checkin"
        for shape in _marker(kind, state, x, 8, 3.4):
            drawing.add(shape)
        drawing.add(
            String(x + 7, 5, words, fontName=font, fontSize=7, fillColor=colors.HexColor(INK))
        )
        x += 14 + _text_width(words, font, 7) + 10
    return finish(drawing)


def _text_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def _short(day: dt.date) -> str:
    return f"{day.strftime('%b')} {day.year}"
