"""At start-up, when the program file turned out damaged: say so in words and offer the ways on.

The start-up check has already moved the damaged file aside (it is never changed or deleted);
this dialog only asks what to do next: restore the newest good backup, start an empty program,
or quit and get help.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from bridgedesk import APP_NAME
from bridgedesk.ui.formatting import format_date


class StartChoice(StrEnum):
    RESTORE = "restore"
    EMPTY = "empty"
    QUIT = "quit"


class Damaged(Protocol):
    """What :func:`bridgedesk.services.program_file.startup_check.quarantine_if_damaged` returns."""

    @property
    def problems(self) -> list[str]: ...
    @property
    def moved_to(self) -> Path: ...
    @property
    def newest_good_backup(self) -> Path | None: ...
    @property
    def explanation(self) -> str: ...


def backup_date(path: Path) -> str:
    """When the backup was taken, as a person reads it (the copy's own modification time)."""
    try:
        taken = dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return ""
    return f"{format_date(taken.date())}, {taken:%H:%M}"


class DamagedStartDialog(QDialog):
    def __init__(self, damaged: Damaged, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = StartChoice.QUIT
        self.setWindowTitle(f"{APP_NAME}: the program database is damaged")
        self.setMinimumWidth(560)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        headline = QLabel(f"{APP_NAME} could not use the program database")
        font = headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        headline.setFont(font)
        self.explanation = QLabel(damaged.explanation)
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setAccessibleName("What happened")
        text_row = QHBoxLayout()
        text_row.addWidget(icon)
        text_column = QVBoxLayout()
        text_column.addWidget(headline)
        text_column.addWidget(self.explanation)
        text_column.addStretch(1)  # extra height goes below the text, not between its lines
        text_row.addLayout(text_column, 1)

        good = damaged.newest_good_backup
        when = backup_date(good) if good is not None else ""
        # The two ways on are stacked, each with a line on what it means; Quit stays apart.
        self.restore_button = QCommandLinkButton(
            f"Restore the newest good backup ({when})"
            if when
            else "Restore the newest good backup",
            "Carry on from that copy. Changes saved after it was taken are not in it.",
        )
        self.restore_button.setVisible(good is not None)
        self.empty_button = QCommandLinkButton(
            "Start with an empty program",
            "Begin again with no mentees. The damaged file is kept where it was moved, "
            "so it can still be recovered.",
        )
        self.quit_button = QPushButton("Quit")
        for button, choice in (
            (self.restore_button, StartChoice.RESTORE),
            (self.empty_button, StartChoice.EMPTY),
            (self.quit_button, StartChoice.QUIT),
        ):
            button.setAccessibleName(button.text())
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        (self.restore_button if good is not None else self.quit_button).setDefault(True)
        self.restore_button.setAccessibleDescription(self.restore_button.description())
        self.empty_button.setAccessibleDescription(self.empty_button.description())
        choices = QVBoxLayout()
        choices.setSpacing(4)
        choices.addWidget(self.restore_button)
        choices.addWidget(self.empty_button)
        quit_row = QHBoxLayout()
        quit_row.addStretch(1)
        quit_row.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(16)
        layout.addLayout(text_row)
        layout.addLayout(choices)
        layout.addLayout(quit_row)
        (self.restore_button if good is not None else self.empty_button).setFocus()

    def _choose(self, choice: StartChoice) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:
        """Esc or the close box: quit, the one choice that changes nothing."""
        self.choice = StartChoice.QUIT
        super().reject()


def ask_damaged_start(damaged: Damaged, parent: QWidget | None = None) -> StartChoice:
    dialog = DamagedStartDialog(damaged, parent)
    dialog.exec()
    return dialog.choice
