"""Survival step curves for reports: Kaplan-Meier retention of the program and of the
comparison group.

Each series is a step line with its 95% confidence band shaded behind it and a "+" where a
physician was censored (still in post, or completed, when last seen). The axes carry titles
and units, the legend names each n, and a number-at-risk table under the x axis says how many
were still followed at each tick: a reader sees where the curve rests on few people.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bridgedesk.reports.chart_labels import chart_font, finish, fit, label, new_drawing
from bridgedesk.reports.styles import ACCENT, INK, MUTED

COMPARISON = "#b35806"
"""The comparison group's curve: orange against the program's blue, dashed for grey print."""
TICK_MONTHS = 6
Y_TITLE = "Still in post (%)"


@dataclass(frozen=True)
class CurveSeries:
    """One Kaplan-Meier curve: (months, share still in post) points, its legend and its n.

    ``band`` holds (months, lower, upper) of the 95% interval from each point on;
    ``censored`` the (months, share) of each censoring; ``at_risk`` maps a tick (months) to
    how many were still followed then.
    """

    name: str
    n: int
    points: Sequence[tuple[float, float]]
    colour: str = ACCENT
    dashed: bool = False
    band: Sequence[tuple[float, float, float]] = ()
    censored: Sequence[tuple[float, float]] = ()
    at_risk: dict[float, int] = field(default_factory=dict)
    short: str = ""  # the at-risk table's row name ("Program")

    @property
    def legend(self) -> str:
        return f"{self.name} (n = {self.n})"


def month_ticks(top: float) -> list[float]:
    """Ticks every six months from 0 up to ``top`` (at least 36 months, the last horizon)."""
    last = max(36.0, top)
    count = int(last // TICK_MONTHS) + (1 if last % TICK_MONTHS else 0)
    return [float(i * TICK_MONTHS) for i in range(count + 1)]


def _steps(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    steps: list[tuple[float, float]] = []
    for x, y in points:
        if steps:
            steps.append((x, steps[-1][1]))
        steps.append((x, y))
    return steps or [(0, 1.0)]


def _band_polygon(
    band: Sequence[tuple[float, float, float]], right: float
) -> list[tuple[float, float]]:
    """The band's outline as steps: along the upper bound rightwards, back along the lower."""
    upper: list[tuple[float, float]] = []
    lower: list[tuple[float, float]] = []
    for i, (x, low, high) in enumerate(band):
        x_next = band[i + 1][0] if i + 1 < len(band) else right
        upper += [(x, high), (x_next, high)]
        lower += [(x, low), (x_next, low)]
    return upper + lower[::-1]


def step_curves(
    series: Sequence[CurveSeries],
    width: float,
    x_label: str,
    marks: Sequence[float] = (12, 24, 36),
    y_label: str = Y_TITLE,
) -> Any:
    """Kaplan-Meier survival as step lines with bands, censor marks, legend and at-risk table.

    A series with n = 0 is left out of the plot and the at-risk table but kept in the legend,
    so a reader sees the group was looked for and had nobody in it.
    """
    from reportlab.graphics.shapes import Group, Line, Polygon, PolyLine, String
    from reportlab.lib import colors

    font = chart_font()
    drawn = [s for s in series if s.n]
    risk_rows = [s for s in drawn if s.at_risk]
    legend_h = 13.0 * len(series) + 6
    plot_h = 150.0
    risk_h = (12.0 + 10.5 * len(risk_rows)) if risk_rows else 0.0
    axis_h = 30.0  # tick labels and the x-axis title
    height = legend_h + plot_h + axis_h + risk_h
    drawing = new_drawing(width, height)
    left, right = 60.0, width - 12.0
    bottom = risk_h + axis_h
    top = bottom + plot_h
    top_x = max([p[0] for s in drawn for p in s.points] + list(marks))
    ticks = month_ticks(top_x)
    x_max = ticks[-1]

    def px(months: float) -> float:
        return left + (right - left) * months / x_max

    def py(share: float) -> float:
        return bottom + plot_h * share

    grey, muted = colors.HexColor("#eceff1"), colors.HexColor(MUTED)
    for share in (0, 0.25, 0.5, 0.75, 1.0):
        drawing.add(Line(left, py(share), right, py(share), strokeColor=grey, strokeWidth=0.6))
        drawing.add(String(left - 4, py(share) - 2.5, f"{share * 100:.0f}", fontName=font,
                           fontSize=7, textAnchor="end", fillColor=muted))  # fmt: skip
    for tick in ticks:
        drawing.add(Line(px(tick), bottom, px(tick), bottom - 3, strokeColor=muted))
        drawing.add(String(px(tick), bottom - 11, f"{tick:.0f}", fontName=font, fontSize=7,
                           textAnchor="middle", fillColor=muted))  # fmt: skip
    drawing.add(Line(left, bottom, right, bottom, strokeColor=muted, strokeWidth=0.8))
    drawing.add(Line(left, bottom, left, top, strokeColor=muted, strokeWidth=0.8))
    drawing.add(String((left + right) / 2, bottom - 23, x_label, fontName=font, fontSize=7.5,
                       textAnchor="middle", fillColor=muted))  # fmt: skip
    title = Group(String(0, 0, y_label, fontName=font, fontSize=7.5, textAnchor="middle",
                         fillColor=muted))  # fmt: skip
    title.translate(left - 24, (bottom + top) / 2)
    title.rotate(90)
    drawing.add(title)

    for s in drawn:  # bands first, so every line is drawn over every band
        if s.band:
            outline = _band_polygon(s.band, max(p[0] for p in s.points))
            colour = colors.HexColor(s.colour)
            band = Polygon(
                [c for x, y in outline for c in (px(x), py(y))],
                fillColor=colour, fillOpacity=0.13, strokeColor=None, strokeWidth=0,
            )  # fmt: skip
            drawing.add(band)
    for s in drawn:
        colour = colors.HexColor(s.colour)
        steps = _steps(s.points)
        line = PolyLine([c for x, y in steps for c in (px(x), py(y))], strokeColor=colour,
                        strokeWidth=1.6)  # fmt: skip
        if s.dashed:
            line.strokeDashArray = [4, 2]
        drawing.add(line)
        for x, y in s.censored:
            drawing.add(Line(px(x) - 2.5, py(y), px(x) + 2.5, py(y), strokeColor=colour))
            drawing.add(Line(px(x), py(y) - 2.5, px(x), py(y) + 2.5, strokeColor=colour))

    for i, s in enumerate(series):
        y = height - 10 - 13 * i
        key = Line(left, y + 3, left + 24, y + 3, strokeColor=colors.HexColor(s.colour),
                   strokeWidth=1.6)  # fmt: skip
        if s.dashed:
            key.strokeDashArray = [4, 2]
        drawing.add(key)
        label(drawing, left + 30, y, fit(s.legend, 8.0, width - left - 40), 8.0, INK)

    if risk_rows:
        y = risk_h - 10
        drawing.add(String(0, y, "Number still followed", fontName=font, fontSize=7,
                           fillColor=colors.HexColor(INK)))  # fmt: skip
        for row, s in enumerate(risk_rows):
            y = risk_h - 21 - 10.5 * row
            mark = Line(0, y + 2.5, 8, y + 2.5, strokeColor=colors.HexColor(s.colour),
                        strokeWidth=1.6)  # fmt: skip
            if s.dashed:
                mark.strokeDashArray = [3, 1.5]
            drawing.add(mark)
            label(drawing, 11, y, fit(s.short or s.name, 7.0, left - 20), 7.0, INK)
            for tick in ticks:
                if tick in s.at_risk:
                    drawing.add(String(px(tick), y, str(s.at_risk[tick]), fontName=font,
                                       fontSize=7, textAnchor="middle",
                                       fillColor=colors.HexColor(INK)))  # fmt: skip
    return finish(drawing)
