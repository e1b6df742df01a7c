"""The archive question, the error dialog's copy button, and the background worker."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.errors import UserError
from bridgedesk.ui import workers
from bridgedesk.ui.error_dialog import ErrorDialog
from bridgedesk.ui.formatting import format_date, format_share
from bridgedesk.ui.screens.mentees.archive_dialog import ArchiveDialog


def test_archive_dialog_gives_status_date_and_reason(qtbot):
    dialog = ArchiveDialog("Selam Tesfaye", dt.date(2026, 3, 12))
    qtbot.addWidget(dialog)
    assert dialog.values()[:2] == (MenteeStatus.COMPLETED, dt.date(2026, 3, 12))
    dialog.status.setCurrentIndex(1)
    dialog.exit_date.setDate(QDate(2026, 2, 28))
    dialog.reason.setPlainText("  Family moved to Addis Ababa  ")
    assert dialog.values() == (
        MenteeStatus.LEFT,
        dt.date(2026, 2, 28),
        "Family moved to Addis Ababa",
    )


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
    assert format_date(dt.date(2026, 3, 12)) == "12 Mar 2026"
    assert format_date(None) == ""
    assert format_share(0.675) == "68%"
    assert format_share(None) == ""
