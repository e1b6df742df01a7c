"""The lock screen: what shows instead of mentees' data while BridgeDesk is locked.

The main window shows it as a page of its ``pages`` stack, so the workspace (and every form
with unsaved edits) stays alive underneath. A form open in its own window gets a cover of the
same kind, because a window-modal form blocks input to the main window: the passphrase can be
typed into whichever window is on top.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPalette, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bridgedesk import APP_NAME
from bridgedesk.ui.colours import warning_colour

WRONG_PASSPHRASE = "That passphrase is not right. Try again."


def waiting_text(seconds: int) -> str:
    unit = "second" if seconds == 1 else "seconds"
    return f"Too many wrong passphrases: wait {seconds} {unit}, then try again."


class LockScreen(QWidget):
    """A passphrase field and an Unlock button, centred, on an opaque background."""

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self.setAccessibleName(f"{APP_NAME} is locked")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        title = QLabel(f"{APP_NAME} is locked")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Two short lines, no word wrap: a wrapped label in a centred box is cut off (it
        # reports its height only for a width the layout never asks about).
        note = QLabel(
            "Enter the passphrase to go back to your work.\nAnything you had not saved is still there."
        )
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName("Passphrase")
        self.field.setPlaceholderText("Passphrase")
        self.field.setMinimumWidth(260)
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setAccessibleName("Unlock")
        self.unlock_button.setAutoDefault(False)
        self.problem = QLabel()
        self.problem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.problem.setWordWrap(True)
        self.problem.setFixedWidth(440)  # a known width, so the wrapped height is right
        self.problem.setAccessibleName("Lock problem")
        palette = self.problem.palette()
        palette.setColor(QPalette.ColorRole.WindowText, warning_colour(palette))
        self.problem.setPalette(palette)
        self.field.returnPressed.connect(self._submit)
        self.unlock_button.clicked.connect(self._submit)

        entry = QHBoxLayout()
        entry.addWidget(self.field, 1)
        entry.addWidget(self.unlock_button)
        box = QWidget()
        box.setMaximumWidth(460)
        column = QVBoxLayout(box)
        column.setSpacing(12)
        column.addWidget(title)
        column.addWidget(note)
        column.addLayout(entry)
        column.addWidget(self.problem)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)

    def _submit(self) -> None:
        self.unlock_requested.emit(self.field.text())

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.field.setAccessibleDescription(text)
        self.field.clear()
        self.field.setFocus()

    def set_waiting(self, text: str) -> None:
        """While a wrong-passphrase delay runs: Unlock is off and ``text`` says why."""
        self.unlock_button.setEnabled(not text)
        if text:
            self.problem.setText(text)
            self.field.setAccessibleDescription(text)
        elif self.problem.text().startswith("Too many wrong passphrases"):
            self.problem.clear()
            self.field.setAccessibleDescription("")

    def reset(self) -> None:
        self.problem.clear()
        self.unlock_button.setEnabled(True)
        self.field.setAccessibleDescription("")
        self.field.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Keep Escape and Enter here: in a form they would close it or press Save."""
        event.accept()


class DialogCover(QObject):
    """Covers one open dialog with a lock screen and keeps it from closing while locked."""

    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.title = dialog.windowTitle()
        self.disabled = [
            child
            for child in dialog.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if child.isEnabled() and not child.isWindow()
        ]
        for child in self.disabled:
            child.setEnabled(False)
        self.shortcuts = [s for s in dialog.findChildren(QShortcut) if s.isEnabled()]
        for shortcut in self.shortcuts:
            shortcut.setEnabled(False)
        self.screen = LockScreen(dialog)
        self.screen.setGeometry(dialog.rect())
        self.screen.show()
        self.screen.raise_()
        dialog.setWindowTitle(f"{APP_NAME} (locked)")
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.dialog:
            if event.type() == QEvent.Type.Resize:
                self.screen.setGeometry(self.dialog.rect())
            elif event.type() == QEvent.Type.Close:
                event.ignore()
                return True
        return False

    def remove(self) -> None:
        self.dialog.removeEventFilter(self)
        self.screen.hide()
        self.screen.deleteLater()
        for child in self.disabled:
            child.setEnabled(True)
        for shortcut in self.shortcuts:
            shortcut.setEnabled(True)
        self.dialog.setWindowTitle(self.title)
        self.deleteLater()
