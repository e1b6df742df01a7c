"""An input with its validation message shown right under it, in words, not only colour."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from bridgedesk.ui.colours import warning_colour
from bridgedesk.ui.widgets.date_edit import DateEdit
from bridgedesk.ui.widgets.message_room import message_hidden, message_shown
from bridgedesk.ui.widgets.wrapped_text import wrapped


class FieldRow(QWidget):
    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        line = editor.lineEdit() if isinstance(editor, QComboBox) else None
        if line is not None and not line.accessibleName():  # an editable combo's text field
            line.setAccessibleName(editor.accessibleName())
        self.message = QLabel()
        # No word wrap: a wrapped label reports its height only for a given width, which
        # the form layouts here do not ask for, and the message then overlaps the next row.
        self.message.setWordWrap(False)  # broken into lines by hand (wrapped_text)
        self._problem = ""
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
        return self.editor.text() if isinstance(self.editor, (QLineEdit, DateEdit)) else ""

    def set_problem(self, message: str) -> None:
        """Show ``message`` under the input (empty clears it); screen readers hear it too.

        A date field shows it in its own message line, where it also shows its refusals.
        """
        if isinstance(self.editor, DateEdit):
            self.editor.show_problem(message)
            self.updateGeometry()
            return
        was_shown = not self.message.isHidden()
        if message and not was_shown:
            message_shown(self)
        self._problem = message
        self.message.setText(wrapped(message, self.message.fontMetrics(), max(self.width(), 300)))
        self.message.setVisible(bool(message))
        self.message.setMinimumHeight(self.message.sizeHint().height() if message else 0)
        self.updateGeometry()  # the row grows or shrinks with its message
        if was_shown and not message:
            message_hidden(self)  # and so does the dialog
        base = self.editor.accessibleName().split(" — ")[0]
        self.editor.setAccessibleName(f"{base} — {message}" if message else base)
        self.editor.setAccessibleDescription(message)

    def problem(self) -> str:
        if isinstance(self.editor, DateEdit):
            return self.editor.shown_problem()
        return self._problem


def add_form_row(form: QFormLayout, text: str, row: FieldRow) -> None:
    """Put ``row`` in ``form`` under ``text``; the label is the input's own buddy, so its
    mnemonic focuses the input and a screen reader on Linux (which names a combo box by the
    label pointing at it, not by its accessible name) reads the label with the input."""
    form.addRow(text, row)
    label = form.labelForField(row)
    if isinstance(label, QLabel):
        label.setBuddy(row.editor)
