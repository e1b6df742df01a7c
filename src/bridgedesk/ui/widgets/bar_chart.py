"""Two small charts painted with QPainter: labelled horizontal bars and a step (Kaplan-Meier) curve.

QPainter rather than QtCharts: the dashboard needs three tiny, calm charts; painting them is
~150 lines that take colours straight from the system palette (dark mode for free), draw
names in any script with the widget's font, render onto a QImage in tests, and cost no
QtCharts import (a heavy module) at start-up. ``paint_*`` functions take a QPainter, so the
same drawing can go to a widget or an image.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

Bar = tuple[str, float, str]  # label, value, the text printed after the bar


def _muted(palette: QPalette) -> QColor:
    colour = QColor(palette.color(QPalette.ColorRole.WindowText))
    colour.setAlphaF(0.35)
    return colour


def paint_bars(painter: QPainter, rect: QRectF, bars: Sequence[Bar], palette: QPalette) -> None:
    """Horizontal bars scaled to the largest value; label left, value text right of the bar."""
    text_colour = palette.color(QPalette.ColorRole.WindowText)
    bar_colour = palette.color(QPalette.ColorRole.Highlight)
    metrics = painter.fontMetrics()
    if not bars:
        painter.setPen(text_colour)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "No data yet")
        return
    label_w = min(rect.width() * 0.42, max(metrics.horizontalAdvance(b[0]) for b in bars) + 8)
    value_w = max(metrics.horizontalAdvance(b[2]) for b in bars) + 8
    top_max = max((b[1] for b in bars), default=0) or 1
    row_h = min(rect.height() / len(bars), metrics.height() * 1.8)
    bar_h = max(4.0, row_h * 0.55)
    track_w = max(10.0, rect.width() - label_w - value_w)
    for i, (label, value, text) in enumerate(bars):
        y = rect.top() + i * row_h
        painter.setPen(text_colour)
        label_rect = QRectF(rect.left(), y, label_w - 6, row_h)
        elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_rect.width()))
        painter.drawText(
            label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, elided
        )
        width = track_w * max(0.0, value) / top_max
        bar = QRectF(rect.left() + label_w, y + (row_h - bar_h) / 2, width, bar_h)
        painter.fillRect(bar, bar_colour)
        value_rect = QRectF(bar.right() + 4, y, value_w, row_h)
        painter.drawText(
            value_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text
        )


def paint_step_curve(
    painter: QPainter,
    rect: QRectF,
    points: Sequence[tuple[float, float]],
    palette: QPalette,
    x_max: float = 36,
    marks: Sequence[float] = (12, 24, 36),
) -> None:
    """A survival step curve: x in months (0..x_max), y a share (0..1), with month ticks."""
    text_colour = palette.color(QPalette.ColorRole.WindowText)
    metrics = painter.fontMetrics()
    axis_h = metrics.height() + 4
    axis_w = metrics.horizontalAdvance("100%") + 6
    right = metrics.horizontalAdvance("36 mo") / 2 + 4  # room for the last tick's label
    plot = QRectF(
        rect.left() + axis_w,
        rect.top() + 4,
        rect.width() - axis_w - right,
        rect.height() - axis_h - 4,
    )

    def to_point(x: float, y: float) -> QPointF:
        return QPointF(
            plot.left() + plot.width() * min(x, x_max) / x_max, plot.bottom() - plot.height() * y
        )

    painter.setPen(QPen(_muted(palette), 1))
    for share in (0.0, 0.5, 1.0):
        painter.drawLine(to_point(0, share), to_point(x_max, share))
    painter.setPen(text_colour)
    for share in (0.0, 0.5, 1.0):
        p = to_point(0, share)
        painter.drawText(
            QRectF(rect.left(), p.y() - metrics.height() / 2, axis_w - 4, metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"{share:.0%}",
        )
    for month in marks:
        p = to_point(month, 0)
        painter.drawText(
            QRectF(p.x() - 40, plot.bottom() + 2, 80, metrics.height()),
            Qt.AlignmentFlag.AlignHCenter,
            f"{month:g} mo",
        )
    if not points:
        painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No data yet")
        return
    path = QPainterPath(to_point(0, 1.0))
    level = 1.0
    for x, y in points:
        if x > x_max:
            break
        path.lineTo(to_point(x, level))
        path.lineTo(to_point(x, y))
        level = y
    path.lineTo(to_point(x_max, level))
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
    painter.drawPath(path)


class _ChartBase(QWidget):
    """A focusable, accessible chart; its accessible description is the data in words."""

    def __init__(self, accessible_name: str) -> None:
        super().__init__()
        self.setAccessibleName(accessible_name)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(320, 160)

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRectF(self.rect()).adjusted(2, 2, -2, -2))
        if self.hasFocus():
            painter.setPen(
                QPen(self.palette().color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DashLine)
            )
            painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -1, -1))
        painter.end()

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        raise NotImplementedError


class BarChart(_ChartBase):
    def __init__(self, accessible_name: str) -> None:
        super().__init__(accessible_name)
        self.bars: list[Bar] = []

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = list(bars)
        self.setAccessibleDescription("; ".join(f"{label}: {text}" for label, _v, text in bars))
        self.update()

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        paint_bars(painter, rect, self.bars, self.palette())


class StepChart(_ChartBase):
    def __init__(self, accessible_name: str) -> None:
        super().__init__(accessible_name)
        self.points: list[tuple[float, float]] = []

    def set_points(self, points: Sequence[tuple[float, float]], description: str) -> None:
        self.points = list(points)
        self.setAccessibleDescription(description)
        self.update()

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        paint_step_curve(painter, rect, self.points, self.palette())
