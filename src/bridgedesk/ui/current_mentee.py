"""The mentee the user is working on, shared by the views that show one mentee at a time.

The main window owns one and hands it to every view through :class:`ViewEnv`. Choosing a
mentee in Timeline, Checklists or Deadlines, or opening a mentee's record, makes it current;
each of those views shows the current mentee when it is next shown. Views never talk to each
other: they only read and set this.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class CurrentMentee(QObject):
    """One mentee id (or None); ``changed`` tells who became current."""

    changed = Signal(object)  # the mentee id, or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._id: int | None = None

    @property
    def mentee_id(self) -> int | None:
        return self._id

    def choose(self, mentee_id: int | None) -> None:
        """Make ``mentee_id`` current; nothing happens when it already is."""
        if mentee_id == self._id:
            return
        self._id = mentee_id
        self.changed.emit(mentee_id)
