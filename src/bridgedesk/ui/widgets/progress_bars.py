"""Per-domain growth as horizontal bars: first vs latest share proficient, self vs mentor means.

Painted by hand (no QtCharts) so it stays light and follows the palette: the latest share in
the highlight colour, the first share as an outlined bar behind it, so growth is the
difference in length; the mean levels are written in words beside the bars.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from bridgedesk.ui.colours import track_colour
from bridgedesk.ui.formatting import format_share

if TYPE_CHECKING:
    from bridgedesk.services.checklists.ratings import DomainProgress

_NAME_WIDTH = 230
_MEANS_WIDTH = 190
_PAD = 6


def _mean_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def describe(p: DomainProgress) -> str:
    """One line in words, for screen readers and tooltips."""
    first = format_share(p.first_share) or "none rated"
    return (
        f"{p.domain}: {p.proficient_items} of {p.items} proficient ({format_share(p.share)}), "
        f"first {first}; self mean {_mean_text(p.self_mean)}, "
        f"mentor mean {_mean_text(p.mentor_mean)}"
    )


class DomainProgressBars(QWidget):
    """One row per domain of the current template; call :meth:`set_progress` to fill."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Progress by domain")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._rows: list[DomainProgress] = []
        self._max_level = 4

    def set_progress(self, rows: Sequence[DomainProgress], max_level: int) -> None:
        self._rows = list(rows)
        self._max_level = max(max_level, 1)
        self.setAccessibleDescription("\n".join(describe(r) for r in self._rows))
        self.setToolTip(
            "Filled bar: share proficient now. Outline: share proficient at the first rating."
        )
        self.updateGeometry()
        self.update()

    def rows(self) -> list[DomainProgress]:
        return list(self._rows)

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 12

    def sizeHint(self) -> QSize:
        return QSize(_NAME_WIDTH + _MEANS_WIDTH + 200, self._row_height() * (len(self._rows) + 1))

    def minimumSizeHint(self) -> QSize:
        return QSize(_NAME_WIDTH + _MEANS_WIDTH + 80, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_pen = QPen(palette.color(QPalette.ColorRole.WindowText))
        filled = palette.color(QPalette.ColorRole.Highlight)
        outline = QPen(palette.color(QPalette.ColorRole.WindowText), 1.2, Qt.PenStyle.DashLine)
        track = track_colour(palette)
        h = self._row_height()
        bar_left = _NAME_WIDTH + _PAD
        bar_width = max(self.width() - bar_left - _MEANS_WIDTH - 2 * _PAD, 20)
        metrics = self.fontMetrics()
        align = Qt.AlignmentFlag.AlignVCenter
        painter.setPen(text_pen)
        painter.drawText(
            QRectF(bar_left, 0, bar_width, h), align, "Share proficient: first (outline) → now"
        )
        painter.drawText(
            QRectF(bar_left + bar_width + _PAD, 0, _MEANS_WIDTH, h), align, "Mean: self / mentor"
        )
        for i, p in enumerate(self._rows):
            top = (i + 1) * h
            name = metrics.elidedText(p.domain, Qt.TextElideMode.ElideRight, _NAME_WIDTH - _PAD)
            painter.setPen(text_pen)
            painter.drawText(QRectF(_PAD, top, _NAME_WIDTH - _PAD, h), align, name)
            bar = QRectF(bar_left, top + 4, bar_width, h - 8)
            painter.fillRect(bar, track)
            painter.fillRect(
                QRectF(bar.left(), bar.top(), bar.width() * p.share, bar.height()), filled
            )
            if p.first_share is not None:
                painter.setPen(outline)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(
                    QRectF(bar.left(), bar.top(), bar.width() * p.first_share, bar.height())
                )
            painter.setPen(text_pen)
            means = (
                f"{format_share(p.share)}   {_mean_text(p.self_mean)} / "
                f"{_mean_text(p.mentor_mean)} of {self._max_level}"
            )
            painter.drawText(QRectF(bar.right() + _PAD, top, _MEANS_WIDTH, h), align, means)
        painter.end()
