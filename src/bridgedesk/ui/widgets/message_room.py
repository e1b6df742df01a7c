"""A dialog makes room for a message under a field, and gives the room back once it goes.

Qt's layouts grow a window when a shown message raises its minimum height, but never shrink
it again, and they leave out the height a wrapped heading needs at the window's width (the
last field is then cut off at the bottom). The field tells :func:`message_shown` before its
message appears, so the window's height is remembered, and :func:`message_hidden` when it
goes; each time, once the layouts have settled, the window is made as tall as it needs, and
never taller than before the messages unless a message still needs it.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

HEIGHT_BEFORE = "heightBeforeMessages"  # a property of the window


def message_shown(field: QWidget) -> None:
    window = field.window()
    if window is field or not window.isVisible():
        return
    if window.property(HEIGHT_BEFORE) is None:
        window.setProperty(HEIGHT_BEFORE, window.height())
    QTimer.singleShot(0, window, lambda: fit_height(window))


def message_hidden(field: QWidget) -> None:
    window = field.window()
    if window is not field and window.property(HEIGHT_BEFORE) is not None:
        QTimer.singleShot(0, window, lambda: fit_height(window))


def needed_height(window: QWidget) -> int:
    """The least height showing everything in ``window`` at its present width."""
    layout = window.layout()
    if layout is not None:
        layout.activate()  # the messages shown or hidden count from here on
    needed = max(window.minimumSizeHint().height(), window.minimumHeight())
    if layout is not None and layout.hasHeightForWidth():
        needed = max(needed, layout.totalHeightForWidth(window.width()))
    return needed


def fit_height(window: QWidget) -> None:
    """Tall enough for what is shown; back to the height before the messages once they go."""
    before = window.property(HEIGHT_BEFORE)
    needed = needed_height(window)
    if before is None:
        target = max(window.height(), needed)
    else:
        target = max(int(before), needed)
        if needed <= int(before):
            window.setProperty(HEIGHT_BEFORE, None)  # every message gone: nothing to give back
    if target != window.height():
        window.resize(window.width(), target)
