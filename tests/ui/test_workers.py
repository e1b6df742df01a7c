"""Background work reports back on the GUI thread, and never to a widget that is gone."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QLabel

from bridgedesk.ui import workers


def test_a_result_reaches_a_living_owner(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    shown: list[int] = []
    workers.start(lambda: 42, shown.append, print, owner=label)
    qtbot.waitUntil(lambda: shown == [42], timeout=5_000)  # a fast result is not missed


def test_a_result_after_the_owner_was_deleted_is_dropped(qtbot):
    """A window closed while its figures load: the late result must not touch deleted widgets."""
    label = QLabel()
    release = threading.Event()
    written: list[str] = []

    def slow() -> str:
        release.wait(5)
        return "late"

    def show(text: str) -> None:
        label.setText(text)  # would raise "Internal C++ object already deleted"
        written.append(text)

    worker = workers.start(slow, show, written.append, owner=label)
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label), timeout=5_000)
    with qtbot.waitSignal(worker.signals.finished):
        release.set()
    assert written == []
