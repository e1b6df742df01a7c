"""How the keyboard works in a table of cells the user types into (agreed actions, tasks).

Tab leaves the table for the next control and the arrow keys move between cells; typing
or F2 opens the cell's editor. An editor that opened whenever a cell became current would
take Tab for itself (to go to the next cell, round and round) and hold the focus in the table.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView

_TRIGGER = QAbstractItemView.EditTrigger
EDIT_BY_TYPING = (
    _TRIGGER.DoubleClicked
    | _TRIGGER.SelectedClicked
    | _TRIGGER.EditKeyPressed
    | _TRIGGER.AnyKeyPressed
)


def edit_by_typing(table: QAbstractItemView) -> None:
    """Tab out of ``table``; cells are edited by typing, F2 or a click on the current cell."""
    table.setTabKeyNavigation(False)
    table.setEditTriggers(EDIT_BY_TYPING)
