"""The last line of defence: an unexpected error becomes a plain sentence, and the app keeps running.

The traceback goes to the log and behind a "Copy details" button, so a director can paste it
into an e-mail to whoever supports the program. Both hold the exception's type and
BridgeDesk's own frames only (:func:`bridgedesk.logs.safe_traceback`), never its message:
a database error's message carries the SQL and the rows' values (names, notes).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from bridgedesk import logs
from bridgedesk.errors import UserError

log = logging.getLogger(__name__)

PLAIN_MESSAGE = (
    "Something went wrong that BridgeDesk did not expect. Your saved work is safe; "
    "the details are in the log."
)


def details_text(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    """The error's type and BridgeDesk's frames, without any message (no personal data)."""
    if value.__traceback__ is None and tb is not None:
        value = value.with_traceback(tb)
    return logs.safe_traceback(value)


def plain_message() -> str:
    """:data:`PLAIN_MESSAGE`, naming the log file when one is in use."""
    log_file = logs.log_file_in_use()
    if log_file is None:
        return PLAIN_MESSAGE
    return f"{PLAIN_MESSAGE.removesuffix('.')}: {log_file}."


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
            logs.log_user_error(log, value, "reached the top of the window")
            message = str(value)
        else:
            log.error("unexpected error in the window:\n%s", details)
            message = plain_message()
        try:
            display(message, details)
        except Exception:  # noqa: BLE001 - never let the error dialog itself kill the app
            log.exception("could not show the error dialog")

    return hook
