"""Survival step curves for reports: Kaplan-Meier retention of the program and of the
comparison group, one step line per series, with a legend naming each n."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bridgedesk.reports.chart_labels import chart_font, finish, fit, label, new_drawing
from bridgedesk.reports.styles import ACCENT, INK, MUTED

COMPARISON = "#b35806"
"""The comparison group's curve: orange against the program's blue, dashed for grey print."""


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

    font = chart_font()
    legend_h = 14.0 * len(series)
    height = 150.0 + legend_h
    drawing = new_drawing(width, height)
    drawn = [(s, _steps(s.points)) for s in series if s.n]
    top_x = max([p[0] for _s, steps in drawn for p in steps] + list(marks))
    plot = LinePlot()
    # types-reportlab declares PlotArea.width as int (from its default); any number works.
    plot.x, plot.y, plot.width, plot.height = 36, 30, width - 50, 150 - 44  # type: ignore[assignment]
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
