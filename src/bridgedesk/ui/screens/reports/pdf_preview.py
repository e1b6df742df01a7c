"""Show a generated PDF page by page, and paint its pages onto a printer (or any paged device).

Why pypdfium2 and not QtPdf: the PySide6-Addons 6.12 wheel on this platform ships no QtPdf
module (it travels with QtWebEngine, which is not in the wheel). pypdfium2 bundles PDFium in
its own wheel, renders a page to a bitmap in milliseconds, and works the same on Windows and
macOS. Rendering happens on the GUI thread only (PDFium is not thread-safe).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPagedPaintDevice, QPainter, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

POINTS_PER_INCH = 72.0


class PdfPages:
    """An open PDF: how many pages, and each page as a QImage at a given scale."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # From bytes: no file handle stays open, so the temporary folder can go (Windows too).
        self._doc = pdfium.PdfDocument(path.read_bytes())

    def __len__(self) -> int:
        return len(self._doc)

    def page_size(self, index: int) -> tuple[float, float]:
        """Width and height in points (1/72 inch)."""
        return tuple(self._doc[index].get_size())

    def render(self, index: int, scale: float) -> QImage:
        """The page at ``scale`` pixels per point, on white."""
        bitmap = self._doc[index].render(
            scale=scale,
            force_bitmap_format=pdfium_c.FPDFBitmap_BGRA,
            fill_color=(255, 255, 255, 255),
        )
        image = QImage(
            bytes(bitmap.buffer),
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_ARGB32,
        )
        return image.copy()  # own the pixels; the bitmap buffer goes away

    def close(self) -> None:
        self._doc.close()


def print_pages(pages: PdfPages, device: QPagedPaintDevice) -> int:
    """Paint every page onto ``device`` (a QPrinter, or a QPdfWriter in tests), one per sheet.

    Each page is rendered at the device's resolution and fitted into its printable area,
    keeping proportions. Returns the number of pages painted.
    """
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("The printer could not be started.")
    try:
        dpi = max(device.logicalDpiX(), 72)
        for index in range(len(pages)):
            if index:
                device.newPage()
            image = pages.render(index, dpi / POINTS_PER_INCH)
            area = QRectF(0, 0, device.width(), device.height())
            ratio = min(area.width() / image.width(), area.height() / image.height())
            target = QRectF(0, 0, image.width() * ratio, image.height() * ratio)
            painter.drawImage(target, image)
        return len(pages)
    finally:
        painter.end()


class PdfPreview(QWidget):
    """One page at a time, fitted to the width; Previous/Next buttons and PageUp/PageDown."""

    page_changed = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.pages: PdfPages | None = None
        self.current = 0
        self.image_label = QLabel("No report generated yet.")
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setAccessibleName("Report page")
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.image_label)
        self.scroll_area.setAccessibleName("Report preview")
        self.previous = QPushButton("◀ Previous page")
        self.previous.setAccessibleName("Previous page")
        self.next = QPushButton("Next page ▶")
        self.next.setAccessibleName("Next page")
        self.position = QLabel("")
        self.previous.clicked.connect(lambda: self.show_page(self.current - 1))
        self.next.clicked.connect(lambda: self.show_page(self.current + 1))
        bar = QHBoxLayout()
        bar.addWidget(self.previous)
        bar.addWidget(self.position)
        bar.addWidget(self.next)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)
        self._update_buttons()

    def page_count(self) -> int:
        return len(self.pages) if self.pages is not None else 0

    def load(self, path: Path) -> None:
        self.clear()
        self.pages = PdfPages(path)
        self.show_page(0)

    def clear(self) -> None:
        if self.pages is not None:
            self.pages.close()
        self.pages = None
        self.current = 0
        self.image_label.clear()
        self.image_label.setText("No report generated yet.")
        self._update_buttons()

    def show_page(self, index: int) -> None:
        if self.pages is None or not 0 <= index < len(self.pages):
            return
        self.current = index
        width, _height = self.pages.page_size(index)
        room = max(200, self.scroll_area.viewport().width() - 24)
        ratio = self.devicePixelRatioF()
        image = self.pages.render(index, room / width * ratio)
        image.setDevicePixelRatio(ratio)
        self.image_label.setPixmap(QPixmap.fromImage(image))
        self.image_label.setAccessibleDescription(f"Page {index + 1} of {len(self.pages)}")
        self._update_buttons()
        self.page_changed.emit(index)

    def _update_buttons(self) -> None:
        count = self.page_count()
        self.previous.setEnabled(count > 0 and self.current > 0)
        self.next.setEnabled(count > 0 and self.current < count - 1)
        self.position.setText(f"Page {self.current + 1} of {count}" if count else "")

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if event.key() == Qt.Key.Key_PageDown:
            self.show_page(self.current + 1)
        elif event.key() == Qt.Key.Key_PageUp:
            self.show_page(self.current - 1)
        else:
            super().keyPressEvent(event)
