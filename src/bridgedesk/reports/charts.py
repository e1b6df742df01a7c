"""Small vector charts for reports (reportlab.graphics): the mentee timeline strip, checklist
bars and the retention step curves.

Labels that may hold user strings (phase, domain and site names, in any script) go through
``label``: plain Noto Sans text stays a drawing String (fast); anything else is drawn over the
drawing as a one-line Paragraph with the per-script fonts and shaping of ``script_runs``
(a drawing String has one font and no shaping, so "مستشفى" or "医院" would print blank).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bridgedesk.reports import fonts, script_runs
from bridgedesk.reports.styles import ACCENT, INK, MUTED, PHASE_FILLS, RULE, STATE_COLOURS

COMPARISON = "#b35806"
"""The comparison group's curve: orange against the program's blue, dashed for grey print."""


@dataclass(frozen=True)
class ChartLabel:
    """A user string drawn over a drawing, baseline at (x, y) in the drawing's coordinates."""

    x: float
    y: float
    text: str
    size: float
    colour: str
    anchor: str  # start | middle | end


def _plain(text: str) -> bool:
    """Whether Noto Sans draws ``text`` as is (no other script, no shaping)."""
    clean = script_runs.clean_text(text)
    return fonts.covers(fonts.LATIN, clean) and not script_runs.needs_shaping(clean)


def text_width(text: str, size: float) -> float:
    """Width of a label as ``label`` draws it: each script run in its own font."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(
        stringWidth(run.text, fonts.font_name(run.family), size)
        for run in script_runs.split_runs(text)
    )


def fit(text: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` ("" when not even one letter fits)."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "\u2026", size) > width:
        text = text[:-1]
    return text + "\u2026" if text else ""


def label(
    drawing: Any,
    x: float,
    y: float,
    text: str,
    size: float = 7.0,
    colour: str = INK,
    anchor: str = "start",
) -> None:
    """Add ``text`` to ``drawing`` at baseline (x, y), in whatever scripts it holds."""
    from reportlab.graphics.shapes import String
    from reportlab.lib import colors

    if not text:
        return
    if _plain(text):
        drawing.add(
            String(x, y, text, fontName=_font(), fontSize=size, textAnchor=anchor,
                   fillColor=colors.HexColor(colour))
        )  # fmt: skip
        return
    # Drawing validates its attributes; the overlay list is private to this module.
    overlays = drawing.__dict__.setdefault("bridgedesk_labels", [])
    overlays.append(ChartLabel(x, y, text, size, colour, anchor))


def finish(drawing: Any) -> Any:
    """The flowable to put in a story: the drawing itself, or it with its overlaid labels."""
    overlays = drawing.__dict__.get("bridgedesk_labels")
    return _LabelledDrawing(drawing, overlays) if overlays else drawing


def _label_style(size: float, colour: str) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    key = (size, colour)
    style = _STYLES.get(key)
    if style is None:
        style = _STYLES[key] = ParagraphStyle(
            f"ChartLabel{size}{colour}", fontName=_font(), fontSize=size,
            leading=size * 1.25, textColor=colors.HexColor(colour),
        )  # fmt: skip
    return style


_STYLES: dict[tuple[float, str], Any] = {}


def _LabelledDrawing(drawing: Any, overlays: list[ChartLabel]) -> Any:  # noqa: N802
    from reportlab.platypus import Flowable, Paragraph

    class LabelledDrawing(Flowable):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.drawing = drawing
            self.labels = overlays

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return self.drawing.wrap(available_width, available_height)  # type: ignore[no-any-return]

        def draw(self) -> None:
            self.drawing.drawOn(self.canv, 0, 0)
            for item in self.labels:
                style = script_runs.style_for(item.text, _label_style(item.size, item.colour))
                para = Paragraph(script_runs.markup(item.text), style)
                width = text_width(item.text, item.size) + 2
                para.wrap(width + 4, item.size * 3)
                x = item.x - {"middle": width / 2, "end": width}.get(item.anchor, 0)
                para.drawOn(self.canv, x, item.y - item.size * 0.25)

    return LabelledDrawing()


LEGEND = (
    ("held", "Check-in held"),
    ("missed", "Missed"),
    ("planned", "Planned"),
    ("overdue", "Overdue"),
    ("done", "Milestone done"),
    ("due", "Milestone due"),
)


def _font() -> str:
    from bridgedesk.reports import fonts

    return fonts.font_name(fonts.LATIN)


def _drawing(width: float, height: float) -> Any:
    """A Drawing whose initial font is Noto Sans: reportlab's default (Helvetica) would be
    listed, unembedded, in every PDF that holds a chart."""
    from reportlab.graphics.shapes import Drawing

    drawing = Drawing(width, height)
    drawing.initialFontName = _font()
    return drawing


def _marker(kind: str, state: str, x: float, y: float, size: float = 4.2) -> list[Any]:
    """Distinct shape per state, so the strip still reads in black and white."""
    from reportlab.graphics.shapes import Circle, Line, Polygon, Rect
    from reportlab.lib import colors

    colour = colors.HexColor(STATE_COLOURS.get(state, MUTED))
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
            Rect(
                x - size * 0.7,
                y - size * 0.7,
                size * 1.4,
                size * 1.4,
                fillColor=colors.white,
                strokeColor=colour,
            )
        ]
    return [Circle(x, y, size, fillColor=colors.white, strokeColor=colour, strokeWidth=1.2)]


def timeline_strip(
    events: Sequence[Any], bands: Sequence[Any], today: dt.date, width: float
) -> Any:
    """Phases as coloured bands, check-ins above and milestones below the axis, today marked."""
    from reportlab.graphics.shapes import Line, Rect, String
    from reportlab.lib import colors

    font = _font()
    height = 108.0
    drawing = _drawing(width, height)
    dates = [e.date for e in events] + [b.start for b in bands] + [today]
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
            Rect(
                x0,
                band_y,
                x1 - x0,
                band_h,
                strokeColor=None,
                fillColor=colors.HexColor(PHASE_FILLS[i % len(PHASE_FILLS)]),
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


def domain_bars(rows: Sequence[tuple[str, float | None, float]], width: float) -> Any:
    """Per domain two bars: share proficient at the first and at the latest assessment."""
    from reportlab.graphics.shapes import Rect, String
    from reportlab.lib import colors

    font = _font()
    row_h = 17.0
    label_w = min(170.0, width * 0.35)
    bar_w = width - label_w - 40
    height = row_h * len(rows) + 22
    drawing = _drawing(width, height)
    first_colour, latest_colour = colors.HexColor("#b0bec5"), colors.HexColor(ACCENT)
    for i, (domain, first, latest) in enumerate(rows):
        y = height - 22 - (i + 1) * row_h + 3
        label(drawing, 0, y + 2.5, fit(domain, 8.0, label_w - 6), 8.0, INK)
        drawing.add(
            Rect(
                label_w, y + 6.5, bar_w, 5.5, fillColor=colors.HexColor("#f0f2f4"), strokeColor=None
            )
        )
        drawing.add(
            Rect(label_w, y, bar_w, 5.5, fillColor=colors.HexColor("#f0f2f4"), strokeColor=None)
        )
        if first is not None:
            drawing.add(
                Rect(label_w, y + 6.5, bar_w * first, 5.5, fillColor=first_colour, strokeColor=None)
            )
        drawing.add(
            Rect(label_w, y, bar_w * latest, 5.5, fillColor=latest_colour, strokeColor=None)
        )
        drawing.add(
            String(
                label_w + bar_w + 4,
                y + 1,
                f"{latest:.0%}",
                fontName=font,
                fontSize=7.5,
                fillColor=colors.HexColor(INK),
            )
        )
    drawing.add(Rect(label_w, height - 10, 8, 6, fillColor=first_colour, strokeColor=None))
    drawing.add(String(label_w + 11, height - 10, "First assessment", fontName=font, fontSize=7))
    drawing.add(Rect(label_w + 90, height - 10, 8, 6, fillColor=latest_colour, strokeColor=None))
    drawing.add(
        String(label_w + 101, height - 10, "Latest (share proficient)", fontName=font, fontSize=7)
    )
    return finish(drawing)


@dataclass(frozen=True)
class CurveSeries:
    """One Kaplan-Meier curve: (months, share still in post) points, its legend and its n."""

    name: str
    n: int
    points: Sequence[tuple[float, float]]
    colour: str = ACCENT
    dashed: bool = False

    @property
    def legend(self) -> str:
        return f"{self.name} (n = {self.n})"


def _steps(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    steps: list[tuple[float, float]] = []
    for x, y in points:
        if steps:
            steps.append((x, steps[-1][1]))
        steps.append((x, y))
    return steps or [(0, 1.0)]


def step_curves(
    series: Sequence[CurveSeries],
    width: float,
    x_label: str,
    marks: Sequence[float] = (12, 24, 36),
) -> Any:
    """Kaplan-Meier survival as step lines, one per series, with a legend naming each n.

    A series with n = 0 is left out of the plot but kept in the legend, so a reader sees the
    group was looked for and had nobody in it.
    """
    from reportlab.graphics.charts.lineplots import LinePlot
    from reportlab.graphics.shapes import Line, String
    from reportlab.lib import colors

    font = _font()
    legend_h = 14.0 * len(series)
    height = 150.0 + legend_h
    drawing = _drawing(width, height)
    drawn = [(s, _steps(s.points)) for s in series if s.n]
    top_x = max([p[0] for _s, steps in drawn for p in steps] + list(marks))
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 36, 30, width - 50, 150 - 44
    plot.data = [steps for _s, steps in drawn] or [[(0, 1.0)]]
    for i, (s, _) in enumerate(drawn):
        plot.lines[i].strokeColor = colors.HexColor(s.colour)
        plot.lines[i].strokeWidth = 1.6
        if s.dashed:
            plot.lines[i].strokeDashArray = [4, 2]
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = 0, top_x
    plot.xValueAxis.valueSteps = [m for m in range(0, int(top_x) + 1, 6)]
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = 0, 1
    plot.yValueAxis.valueSteps = [0, 0.25, 0.5, 0.75, 1]
    plot.yValueAxis.labelTextFormat = lambda v: f"{v:.0%}"
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = 7
        axis.strokeColor = colors.HexColor(MUTED)
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = colors.HexColor("#eceff1")
    drawing.add(plot)
    drawing.add(
        String(
            36 + (width - 50) / 2,
            4,
            x_label,
            fontName=font,
            fontSize=7.5,
            textAnchor="middle",
            fillColor=colors.HexColor(MUTED),
        )
    )
    for i, s in enumerate(series):
        y = height - 10 - 14 * i
        line = Line(36, y + 3, 60, y + 3, strokeColor=colors.HexColor(s.colour), strokeWidth=1.6)
        if s.dashed:
            line.strokeDashArray = [4, 2]
        drawing.add(line)
        label(drawing, 66, y, fit(s.legend, 8.0, width - 80), 8.0, INK)
    return finish(drawing)
