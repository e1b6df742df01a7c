"""Bar charts for reports: per checklist domain, the share proficient at the first and at the
latest assessment, side by side. The scale is 0-100% of the items rated; the latest share is
printed with one decimal at the end of its bar."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bridgedesk.reports.chart_labels import chart_font, finish, fit, label, new_drawing, rect
from bridgedesk.reports.styles import ACCENT, INK


def domain_bars(rows: Sequence[tuple[str, float | None, float]], width: float) -> Any:
    """Per domain two bars: share proficient at the first and at the latest assessment."""
    from reportlab.graphics.shapes import String
    from reportlab.lib import colors

    font = chart_font()
    row_h = 17.0
    label_w = min(170.0, width * 0.35)
    bar_w = width - label_w - 44
    height = row_h * len(rows) + 22
    drawing = new_drawing(width, height)
    first_colour, latest_colour = colors.HexColor("#b0bec5"), colors.HexColor(ACCENT)
    for i, (domain, first, latest) in enumerate(rows):
        y = height - 22 - (i + 1) * row_h + 3
        label(drawing, 0, y + 2.5, fit(domain, 8.0, label_w - 6), 8.0, INK)
        drawing.add(
            rect(label_w, y + 6.5, bar_w, 5.5, fill=colors.HexColor("#f0f2f4"), stroke=None)
        )
        drawing.add(rect(label_w, y, bar_w, 5.5, fill=colors.HexColor("#f0f2f4"), stroke=None))
        if first is not None:
            drawing.add(rect(label_w, y + 6.5, bar_w * first, 5.5, fill=first_colour, stroke=None))
        drawing.add(rect(label_w, y, bar_w * latest, 5.5, fill=latest_colour, stroke=None))
        drawing.add(
            String(
                label_w + bar_w + 4,
                y + 1,
                f"{latest * 100:.1f}%",
                fontName=font,
                fontSize=7.5,
                fillColor=colors.HexColor(INK),
            )
        )
    drawing.add(rect(label_w, height - 10, 8, 6, fill=first_colour, stroke=None))
    drawing.add(String(label_w + 11, height - 10, "First assessment", fontName=font, fontSize=7))
    drawing.add(rect(label_w + 90, height - 10, 8, 6, fill=latest_colour, stroke=None))
    drawing.add(
        String(
            label_w + 101,
            height - 10,
            "Latest: % of items at Proficient or above",
            fontName=font,
            fontSize=7,
        )  # fmt: skip
    )
    return finish(drawing)
