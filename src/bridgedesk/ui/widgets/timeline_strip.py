"""One mentee's program drawn on a line: phase bands, check-ins and milestones, and today.

Each state has its own SHAPE as well as its own colour, so the strip reads in greyscale and
for colour-blind readers; the legend names every shape. Check-ins sit on the upper row and
milestones on the lower one. Click a marker (or use Left/Right) to select it; hover for its
title, date and state.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from bridgedesk.domain.timeline_symbols import STATE_LABELS, STATES, STYLE
from bridgedesk.services.timeline.service import PhaseBand, TimelineEvent
from bridgedesk.ui.colours import is_dark, warning_colour
from bridgedesk.ui.formatting import format_date

BAND_TINTS = (("#e3f2fd", "#1d3447"), ("#f3e5f5", "#3a2740"), ("#e8f5e9", "#22382a"))
MARKER = 7.0  # half-size of a marker, pixels
MARGIN = 14.0
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
KIND_LABELS = {"checkin": "Check-in", "milestone": "Milestone"}


def describe(event: TimelineEvent) -> str:
    """``Day-30 check-in — 12 Mar 2026 — overdue`` (tooltip and accessible text)."""
    when = format_date(event.date)
    if event.done is not None and event.done != event.planned:
        when += f" (planned {format_date(event.planned)})"
    return f"{KIND_LABELS.get(event.kind, event.kind)}: {event.title} — {when} — {event.state}"


class TimelineStrip(QWidget):
    marker_selected = Signal(object)  # TimelineEvent or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Timeline of check-ins and milestones")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.bands: list[PhaseBand] = []
        self.events: list[TimelineEvent] = []
        self.today = dt.date.today()
        self.selected: TimelineEvent | None = None
        self._first = self._last = self.today

    # -- data ------------------------------------------------------------------------------
    def set_data(self, bands: list[PhaseBand], events: list[TimelineEvent], today: dt.date) -> None:
        """Show a mentee's bands and events; keep the selection when the same event remains."""
        self.bands, self.events, self.today = list(bands), list(events), today
        days = [today, *(e.date for e in events), *(b.start for b in bands)]
        days += [b.end for b in bands if b.end is not None]
        self._first = min(days) - dt.timedelta(days=7)
        self._last = max(days) + dt.timedelta(days=7)
        old = self.selected
        self.selected = next(
            (e for e in events if old and (e.kind, e.id) == (old.kind, old.id)), None
        )
        self.update()
        if self.selected != old:
            self.marker_selected.emit(self.selected)

    def marker_count(self) -> int:
        return len(self.events)

    def select(self, kind: str, event_id: int) -> TimelineEvent | None:
        found = next((e for e in self.events if (e.kind, e.id) == (kind, event_id)), None)
        self._set_selected(found)
        return found

    def _set_selected(self, event: TimelineEvent | None) -> None:
        if event != self.selected:
            self.selected = event
            self.setAccessibleDescription(describe(event) if event else "")
            self.update()
            self.marker_selected.emit(event)

    # -- geometry --------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(720, self._legend_top() + self._legend_height(720) + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def _row_height(self) -> float:
        return max(26.0, self.fontMetrics().height() + 12.0)

    def _axis_top(self) -> float:
        return self.fontMetrics().height() + 10.0  # phase names above the rows

    def _legend_top(self) -> int:
        return int(self._axis_top() + 2 * self._row_height() + self.fontMetrics().height() + 14)

    def _legend_height(self, width: int) -> int:
        per_line = max(1, int((width - 2 * MARGIN) // self._legend_item_width()))
        lines = -(-len(STATES) // per_line)
        return lines * (self.fontMetrics().height() + 6) + 8

    def _legend_item_width(self) -> float:
        return max(self.fontMetrics().horizontalAdvance(t) for t in STATE_LABELS.values()) + 34

    def heightForWidth(self, width: int) -> int:
        return self._legend_top() + self._legend_height(width) + 8

    def hasHeightForWidth(self) -> bool:
        return True

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        self.setFixedHeight(self.heightForWidth(self.width()))
        super().resizeEvent(event)

    def x_of(self, day: dt.date) -> float:
        span = max(1, (self._last - self._first).days)
        return MARGIN + (self.width() - 2 * MARGIN) * (day - self._first).days / span

    def marker_centre(self, event: TimelineEvent) -> QPointF:
        row = 0 if event.kind == "checkin" else 1
        y = self._axis_top() + (row + 0.5) * self._row_height()
        return QPointF(self.x_of(event.date), y)

    def marker_at(self, point: QPointF) -> TimelineEvent | None:
        best, best_distance = None, (MARKER + 4) ** 2
        for event in self.events:
            c = self.marker_centre(event)
            distance = (c.x() - point.x()) ** 2 + (c.y() - point.y()) ** 2
            if distance <= best_distance:
                best, best_distance = event, distance
        return best

    def band_at(self, point: QPointF) -> PhaseBand | None:
        for band in self.bands:
            right = self.x_of(band.end) if band.end is not None else self.x_of(self._last)
            if self.x_of(band.start) <= point.x() <= right:
                return band
        return None

    # -- colours ---------------------------------------------------------------------------
    def colour_of(self, state: str) -> QColor:
        shape, filled, light, dark = STYLE[state]
        if not light:
            return warning_colour(self.palette())
        return QColor(dark if is_dark(self.palette()) else light)

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: ANN001
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dark = is_dark(self.palette())
        text = self.palette().windowText().color()
        top, row_h = self._axis_top(), self._row_height()
        rows_bottom = top + 2 * row_h
        fm = self.fontMetrics()
        for n, band in enumerate(self.bands):
            left = self.x_of(band.start)
            right = self.x_of(band.end) if band.end is not None else self.x_of(self._last)
            tint = QColor(BAND_TINTS[n % len(BAND_TINTS)][1 if dark else 0])
            painter.fillRect(QRectF(left, top, max(1.0, right - left), 2 * row_h), tint)
            painter.setPen(QPen(self.palette().mid().color(), 1))
            painter.drawLine(QPointF(left, top - 2), QPointF(left, top + 2 * row_h))
            painter.setPen(text)
            name = fm.elidedText(band.name, Qt.TextElideMode.ElideRight, int(right - left - 4))
            painter.drawText(QRectF(left + 2, 2, right - left - 4, top - 4), LEFT, name)
        painter.setPen(QPen(text, 1))
        painter.drawLine(QPointF(MARGIN, rows_bottom), QPointF(self.width() - MARGIN, rows_bottom))
        self._paint_today(painter, rows_bottom)
        for event in self.events:
            self._paint_marker(painter, event, self.marker_centre(event))
        if self.selected is not None:
            c = self.marker_centre(self.selected)
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(c, MARKER + 4, MARKER + 4)
        if self.hasFocus():
            pen = QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(QRectF(1, 1, self.width() - 2, rows_bottom + fm.height() + 8))
        self._paint_legend(painter)
        painter.end()

    def _paint_today(self, painter: QPainter, rows_bottom: float) -> None:
        x = self.x_of(self.today)
        colour = warning_colour(self.palette())
        painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, self._axis_top() - 2), QPointF(x, rows_bottom + 4))
        label = f"Today {format_date(self.today)}"
        width = self.fontMetrics().horizontalAdvance(label) + 4
        left = min(max(x - width / 2, 0.0), self.width() - width)
        painter.drawText(
            QRectF(left, rows_bottom + 4, width, self.fontMetrics().height() + 4), CENTRE, label
        )

    def _paint_marker(self, painter: QPainter, event: TimelineEvent, c: QPointF) -> None:
        shape, filled, _light, _dark = STYLE.get(event.state, STYLE["planned"])
        colour = self.colour_of(event.state if event.state in STYLE else "planned")
        painter.setPen(QPen(colour, 2.5 if shape == "cross" else 2))
        painter.setBrush(colour if filled else self.palette().base())
        r = MARKER
        if shape == "circle":
            painter.drawEllipse(c, r, r)
        elif shape == "square":
            painter.drawRect(QRectF(c.x() - r + 1, c.y() - r + 1, 2 * r - 2, 2 * r - 2))
        elif shape == "cross":
            painter.drawLine(QPointF(c.x() - r, c.y() - r), QPointF(c.x() + r, c.y() + r))
            painter.drawLine(QPointF(c.x() - r, c.y() + r), QPointF(c.x() + r, c.y() - r))
        elif shape == "dash":
            painter.setPen(QPen(colour, 3))
            painter.drawLine(QPointF(c.x() - r, c.y()), QPointF(c.x() + r, c.y()))
        else:
            path = QPainterPath()
            if shape == "diamond":
                points = [(0, -r), (r, 0), (0, r), (-r, 0)]
            else:  # triangle
                points = [(0, -r), (r, r * 0.8), (-r, r * 0.8)]
            path.moveTo(c.x() + points[0][0], c.y() + points[0][1])
            for dx, dy in points[1:]:
                path.lineTo(c.x() + dx, c.y() + dy)
            path.closeSubpath()
            painter.drawPath(path)

    def _paint_legend(self, painter: QPainter) -> None:
        fm = self.fontMetrics()
        item_w, line_h = self._legend_item_width(), fm.height() + 6
        per_line = max(1, int((self.width() - 2 * MARGIN) // item_w))
        top = self._legend_top()
        for n, state in enumerate(STATES):
            x = MARGIN + (n % per_line) * item_w
            y = top + (n // per_line) * line_h
            self._paint_marker(painter, _sample(state), QPointF(x + MARKER, y + line_h / 2))
            painter.setPen(self.palette().windowText().color())
            painter.drawText(
                QRectF(x + 2 * MARKER + 6, y, item_w, line_h), LEFT, STATE_LABELS[state]
            )

    # -- input -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._set_selected(self.marker_at(event.position()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if step is None or not self.events:
            super().keyPressEvent(event)
            return
        if self.selected in self.events:
            position = self.events.index(self.selected) + step
        else:
            position = 0 if step > 0 else len(self.events) - 1
        self._set_selected(self.events[max(0, min(position, len(self.events) - 1))])

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.marker_at(QPointF(event.pos()))
            band = self.band_at(QPointF(event.pos()))
            if found is not None:
                QToolTip.showText(event.globalPos(), describe(found), self)
            elif band is not None:
                until = format_date(band.end) if band.end else "the end"
                text = f"Phase: {band.name} — {format_date(band.start)} to {until}"
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


def _sample(state: str) -> TimelineEvent:
    """A stand-in event for drawing a legend entry."""
    today = dt.date.today()
    return TimelineEvent("checkin", 0, 0, "", today, today, None, state)
