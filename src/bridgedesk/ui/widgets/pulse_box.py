"""The 1-10 pulse box of the check-in dialog and of the record's Pair health section."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox

from bridgedesk.domain.pair_health import PULSE_MAX, PULSE_QUESTION

NOT_GIVEN = "Not given"


def pulse_box(side: str) -> QSpinBox:
    """A spin box from 1 to 10; 0 shows "Not given" (the pulse is optional)."""
    box = QSpinBox()
    box.setRange(0, PULSE_MAX)
    box.setSpecialValueText(NOT_GIVEN)
    box.setAccessibleName(f"{side} pulse, 1 to 10")
    box.setToolTip(f"{side}: {PULSE_QUESTION}")
    box.setMinimumWidth(110)
    return box


def pulse_of(box: QSpinBox) -> int | None:
    return box.value() or None
