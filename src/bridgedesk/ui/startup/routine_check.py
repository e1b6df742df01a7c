"""Start the weekly full check of the program file a little after the window shows.

The check runs on a pool thread (it reads every page: seconds on a big program) and only
speaks up when it finds damage: one warning with what happens next.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import routine_check
from bridgedesk.ui import workers
from bridgedesk.ui.dialogs import Dialogs

START_AFTER_MS = 5_000  # after the first screen is filled, not competing with it


def schedule(
    window: QWidget, paths: DataPaths, dialogs: Dialogs, after_ms: int = START_AFTER_MS
) -> bool:
    """Plan the check when one is due; True when planned."""
    if not routine_check.full_check_due(paths):
        return False

    def report(result: routine_check.RoutineCheck) -> None:
        if result.problems:
            dialogs.warn(window, "The program file is damaged", result.sentence())

    def run() -> None:
        workers.start(lambda: routine_check.run_full_check(paths), report, lambda _m: None)

    QTimer.singleShot(after_ms, window, run)
    return True
