"""The last line of defence: an unexpected error becomes a plain sentence, and the app keeps running.

The full traceback goes to the log and behind a "Copy details" button, so a director can
paste it into an e-mail to whoever supports the program.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from bridgedesk.errors import UserError

log = logging.getLogger(__name__)

PLAIN_MESSAGE = (
    "Something went wrong that BridgeDesk did not expect. Your saved work is safe; "
    "the details are in the log."
)


def details_text(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    return "".join(traceback.format_exception(kind, value, tb))


class ErrorDialog(QMessageBox):
    """A calm message with the technical details behind a button."""

    def __init__(self, message: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(
            QMessageBox.Icon.Warning, "BridgeDesk", message, QMessageBox.StandardButton.Ok, parent
        )
        self.setAccessibleName("Error message")
        self._details = details
        self.setDetailedText(details)
        self.copy_button = self.addButton("Copy details", QMessageBox.ButtonRole.ActionRole)
        self.copy_button.setAccessibleName("Copy error details")
        self.copy_button.clicked.disconnect()  # keep the box open after copying
        self.copy_button.clicked.connect(self.copy_details)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self._details)


def make_excepthook(
    show: Callable[[str, str], None] | None = None,
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """A ``sys.excepthook`` that logs and shows a dialog instead of ending the app."""

    def show_dialog(message: str, details: str) -> None:
        ErrorDialog(message, details).exec()

    display = show or show_dialog

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        details = details_text(kind, value, tb)
        if isinstance(value, UserError):
            log.warning("user error reached the top: %s", value)
            message = str(value)
        else:
            log.error("unexpected error:\n%s", details)
            message = PLAIN_MESSAGE
        try:
            display(message, details)
        except Exception:  # noqa: BLE001 - never let the error dialog itself kill the app
            log.exception("could not show the error dialog")

    return hook
