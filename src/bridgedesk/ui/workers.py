"""Run slow work (demo data, backups, reports) off the GUI thread and report back by signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from bridgedesk.errors import UserError

log = logging.getLogger(__name__)


_running: set[Worker] = set()


class WorkerSignals(QObject):
    finished = Signal(object)  # the function's result
    failed = Signal(str)  # one plain sentence


class Worker(QRunnable):
    """Call ``function()`` on a pool thread; emit ``finished(result)`` or ``failed(message)``.

    The function must open its own database sessions (services do), never touch widgets.
    """

    def __init__(self, function: Callable[[], Any]) -> None:
        super().__init__()
        self.function = function
        self.signals = WorkerSignals()

    def run(self) -> None:
        try:
            result = self.function()
        except UserError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - reported to the user, logged in full
            log.exception("background work failed")
            self.signals.failed.emit(
                f"The work could not be finished ({type(exc).__name__}: {exc})."
            )
        else:
            self.signals.finished.emit(result)


def _while_alive(owner: QObject | None, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """``callback``, skipped once ``owner`` (the widget showing the result) has been deleted:
    a window closed while its figures were loading must not be written to."""
    if owner is None:
        return callback

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return call


def start(
    function: Callable[[], Any],
    on_finished: Callable[[Any], None],
    on_failed: Callable[[str], None],
    pool: QThreadPool | None = None,
    owner: QObject | None = None,
) -> Worker:
    """Start ``function`` in the background; the callbacks run on the GUI thread.

    They are connected before the work starts, so a fast result is never missed. With an
    ``owner``, they are dropped if the owner is deleted before the work reports.
    """
    on_finished = _while_alive(owner, on_finished)
    on_failed = _while_alive(owner, on_failed)
    worker = Worker(function)
    _running.add(worker)  # kept alive until it reports, even if the caller drops it
    worker.signals.finished.connect(lambda _result: _running.discard(worker))
    worker.signals.failed.connect(lambda _message: _running.discard(worker))
    worker.signals.finished.connect(on_finished)
    worker.signals.failed.connect(on_failed)
    worker.setAutoDelete(False)
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker
