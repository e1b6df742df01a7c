"""An input with its validation message shown right under it, in words, not only colour."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from bridgedesk.ui.colours import warning_colour


class FieldRow(QWidget):
    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.message = QLabel()
        # No word wrap: a wrapped label reports its height only for a given width, which
        # the form layouts here do not ask for, and the message then overlaps the next row.
        self.message.setWordWrap(False)
        self.message.setVisible(False)
        palette = self.message.palette()
        palette.setColor(QPalette.ColorRole.WindowText, warning_colour(palette))
        self.message.setPalette(palette)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(editor)
        layout.addWidget(self.message)
        # A form layout squeezes rows to fit; never squeeze the input below its natural height.
        editor.setMinimumHeight(editor.sizeHint().height())

    def text(self) -> str:
        return self.editor.text() if isinstance(self.editor, QLineEdit) else ""

    def set_problem(self, message: str) -> None:
        """Show ``message`` under the input (empty clears it); screen readers hear it too."""
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.message.setMinimumHeight(self.message.sizeHint().height() if message else 0)
        self.updateGeometry()  # the row grows or shrinks with its message
        base = self.editor.accessibleName().split(" — ")[0]
        self.editor.setAccessibleName(f"{base} — {message}" if message else base)
        self.editor.setAccessibleDescription(message)

    def problem(self) -> str:
        return self.message.text()
