"""Set, change or remove the passphrase that locks BridgeDesk, and the idle time before it locks."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.errors import UserError
from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import app_lock
from bridgedesk.ui.colours import warning_colour


class PassphraseDialog(QDialog):
    def __init__(self, paths: DataPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.enabled = app_lock.is_enabled(paths)
        self.setWindowTitle("Change passphrase" if self.enabled else "Set passphrase")
        self.setMinimumWidth(440)
        intro = QLabel(
            "BridgeDesk asks for this passphrase to show mentees' records again after it locks. "
            f"Use at least {app_lock.MIN_LENGTH} characters; nobody can recover it for you."
        )
        intro.setWordWrap(True)
        self.current = self._secret("Current passphrase")
        self.new = self._secret("New passphrase")
        self.repeat = self._secret("Repeat the new passphrase")
        self.idle = QSpinBox()
        self.idle.setRange(0, 480)
        self.idle.setSuffix(" minutes")
        self.idle.setSpecialValueText("Never")
        self.idle.setValue(app_lock.idle_minutes(paths))
        self.idle.setAccessibleName("Lock after this long without use")
        self.idle.setToolTip(
            "BridgeDesk locks itself after this many minutes without use; Never turns it off"
        )
        form = QFormLayout()
        if self.enabled:
            form.addRow("Current passphrase:", self.current)
        form.addRow("New passphrase:", self.new)
        form.addRow("Repeat it:", self.repeat)
        form.addRow("Lock after no use for:", self.idle)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        palette = self.problem.palette()
        palette.setColor(QPalette.ColorRole.WindowText, warning_colour(palette))
        self.problem.setPalette(palette)
        self.save_button = QPushButton("Save")
        self.save_button.setDefault(True)
        self.remove_button = QPushButton("Turn the lock off")
        self.remove_button.setVisible(self.enabled)
        cancel = QPushButton("Cancel")
        for button in (self.save_button, self.remove_button, cancel):
            button.setAccessibleName(button.text())
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.turn_off)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

    def _secret(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        return edit

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setAccessibleDescription(text)

    def save(self) -> bool:
        new, repeat = self.new.text(), self.repeat.text()
        current = self.current.text() if self.enabled else None
        try:
            if new or repeat or not self.enabled:
                if new != repeat:
                    raise UserError("The two new passphrases are not the same.")
                app_lock.set_passphrase(self.paths, new, current)
            elif not app_lock.verify(self.paths, current or ""):
                raise UserError("The current passphrase is not right.")
            app_lock.set_idle_minutes(self.paths, self.idle.value())
        except UserError as exc:
            self._show_problem(str(exc))
            return False
        self.accept()
        return True

    def turn_off(self) -> bool:
        try:
            app_lock.remove(self.paths, self.current.text())
        except UserError as exc:
            self._show_problem(str(exc))
            return False
        self.accept()
        return True
