"""Notice when nobody has touched BridgeDesk for a while, so an unattended screen can lock.

An event filter on the QApplication restarts a single-shot timer on every key press, mouse
press, mouse move and wheel turn in any of our windows; when the timer runs out, ``idle`` fires.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatch(QObject):
    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self._watching = False
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        """0 turns the watch off."""
        self.set_interval_ms(max(0, minutes) * 60_000)

    def set_interval_ms(self, milliseconds: int) -> None:
        """Also the test hook: a few milliseconds instead of minutes."""
        self.timer.setInterval(milliseconds)
        if milliseconds > 0 and self._watching:
            self.timer.start()
        else:
            self.timer.stop()

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
        self._watching = True
        if self.timer.interval() > 0:
            self.timer.start()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._watching = False
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in INPUT_EVENTS and self.timer.interval() > 0:
            self.timer.start()  # restarts the countdown
        return False
