"""The archive question, the error dialog's copy button, and the background worker."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QGuiApplication

from bridgedesk.errors import UserError
from bridgedesk.ui import workers
from bridgedesk.ui.error_dialog import ErrorDialog
from bridgedesk.ui.formatting import format_date, format_share


def test_error_dialog_copies_details_and_stays_open(qtbot):
    dialog = ErrorDialog("Something went wrong.", "Traceback: boom ሰላም")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Traceback: boom ሰላም"
    assert dialog.isVisible()


def test_worker_reports_result_and_plain_failure(qtbot):
    results, failures = [], []
    workers.start(lambda: 6 * 7, results.append, failures.append)
    qtbot.waitUntil(lambda: results == [42])

    def refuse():
        raise UserError("The backup file is damaged.")

    keep = workers.start(refuse, results.append, failures.append)
    qtbot.waitUntil(lambda: failures == ["The backup file is damaged."])
    assert keep is not None


def test_formats():
    assert format_date(dt.date(2026, 3, 12)) == "Mar 12, 2026"
    assert format_date(None) == ""
    assert format_share(0.675) == "68%"
    assert format_share(None) == ""
