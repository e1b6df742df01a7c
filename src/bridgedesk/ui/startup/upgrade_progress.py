"""The first start after an upgrade: say what is happening while the program file is migrated.

Migrating a big program (a verified backup first, then the schema changes) can take many
seconds, once. Before the main window exists there is nothing else on screen, so a busy
progress window explains the wait instead of a program that seems not to start.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QProgressDialog

T = TypeVar("T")
POLL_MS = 50
MESSAGE = (
    "Upgrading your program file for this version of BridgeDesk.\n"
    "A verified backup is taken first. This happens once and may take a minute."
)


def run_with_progress(work: Callable[[], T], text: str = MESSAGE) -> T:
    """Run ``work`` on a thread while a busy progress window shows; return or raise its outcome."""
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller below
            outcome["error"] = exc

    dialog = QProgressDialog(text, "", 0, 0)
    dialog.setWindowTitle("BridgeDesk")
    dialog.setCancelButton(None)  # a migration is one transaction: nothing safe to cancel
    dialog.setMinimumDuration(0)
    dialog.setAccessibleName("Upgrading the program file")
    dialog.show()
    thread = threading.Thread(target=target, name="bridgedesk-upgrade", daemon=True)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(POLL_MS)
    timer.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
    thread.start()
    timer.start()
    loop.exec()
    timer.stop()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
