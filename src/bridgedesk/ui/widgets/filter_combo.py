"""A filter combo whose first entry means "any": the filter bars of the list views share it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox


class FilterCombo(QComboBox):
    """A combo whose first entry means "any"; ``value()`` is None for it.

    The values live in a Python list, not in Qt item data: PySide6 6.12 on Python 3.11 drops
    a reference to None each time item data holding None is read, and the process aborts
    ("deallocating None") once enough reads have piled up.
    """

    def __init__(self, any_text: str, accessible_name: str) -> None:
        super().__init__()
        self.any_text = any_text
        self._values: list[object] = []
        self.setAccessibleName(accessible_name)
        self.setToolTip(accessible_name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.set_choices([])

    def set_choices(self, choices: Sequence[tuple[object, str]]) -> None:
        """Refill, keeping the current choice when it still exists."""
        current = self.value()
        self.blockSignals(True)
        self.clear()
        self._values = [None, *(value for value, _text in choices)]
        self.addItems([self.any_text, *(text for _value, text in choices)])
        self.setCurrentIndex(self._index_of(current))
        self.blockSignals(False)

    def _index_of(self, value: object) -> int:
        try:
            return self._values.index(value) if value is not None else 0
        except ValueError:
            return 0

    def value(self):  # noqa: ANN201 - whatever the choices hold
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def select(self, value: object) -> None:
        self.setCurrentIndex(self._index_of(value))
