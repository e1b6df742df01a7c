"""The "Needs attention" rows, grouped by severity under one heading row per group.

A heading row ("Lapsed · 7") spans the table and cannot be selected; each item row has a
badge (red for lapsed, amber for due soon, neutral for routine), the mentee, what is wrong
and what to do. Snoozed and dismissed rows, when shown, come last under their own heading
and say until when, or why. Text is plain (a name with ``<&>`` shows as typed).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from bridgedesk.services.attention.decisions import SNOOZE
from bridgedesk.services.attention.needs_attention import HiddenRow
from bridgedesk.services.attention.rows import AttentionRow, Severity
from bridgedesk.ui.colours import is_dark, track_colour
from bridgedesk.ui.formatting import format_date

BADGE = 0
MENTEE = 1
WHAT = 2
TODO = 3
HEADERS = ("", "Mentee", "What", "What to do")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the AttentionRow of an item row (None on a heading)

GROUP_TITLES = {
    Severity.LAPSED: "Lapsed",
    Severity.SOON: "Due within 30 days",
    Severity.ROUTINE: "To do",
}
HIDDEN_TITLE = "Snoozed or dismissed"
BADGE_WORDS = {Severity.LAPSED: "Lapsed", Severity.SOON: "Due soon", Severity.ROUTINE: "To do"}
HIDDEN_BADGE = "Hidden"

_Index = QModelIndex | QPersistentModelIndex


def badge_colours(severity: Severity | None) -> tuple[QColor, QColor]:
    """(fill, text) of a severity's badge (None: a hidden row), readable in any palette."""
    palette = QGuiApplication.palette()
    if severity == Severity.LAPSED:
        return QColor("#b3261e"), QColor("#ffffff")
    if severity == Severity.SOON:
        return QColor("#f5b400"), QColor("#1f1b16")
    text = QColor("#e6e1e5") if is_dark(palette) else QColor("#3b3b3b")
    return track_colour(palette), text


@dataclass(frozen=True)
class Line:
    """One line of the table: a group's heading, a row, or a hidden row."""

    heading: str = ""  # "Lapsed · 7" on a heading line
    row: AttentionRow | None = None
    hidden: HiddenRow | None = None

    @property
    def badge(self) -> str:
        if self.hidden is not None:
            return HIDDEN_BADGE
        return BADGE_WORDS[self.row.severity] if self.row is not None else ""

    @property
    def severity(self) -> Severity | None:
        return self.row.severity if self.row is not None and self.hidden is None else None


def hidden_words(hidden: HiddenRow) -> str:
    decision = hidden.decision
    who = f" ({decision.decided_by})" if decision.decided_by else ""
    if decision.decision == SNOOZE and decision.snoozed_until is not None:
        return f"Snoozed until {format_date(decision.snoozed_until)}{who}"
    return f"Dismissed{who}: {decision.reason}"


class AttentionModel(QAbstractTableModel):
    """Heading lines and row lines, in the list's ranking order; hidden rows last if asked."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[Line] = []
        self.headings: list[int] = []  # the heading lines' numbers, in order

    def set_rows(self, rows: Sequence[AttentionRow], hidden: Sequence[HiddenRow] = ()) -> None:
        """One pass over the rows (tens of thousands in a big program, on the GUI thread)."""
        self.beginResetModel()
        counts = Counter(r.severity for r in rows)
        self.lines = []
        self.headings = []
        last: Severity | None = None
        for row in rows:
            if row.severity != last:
                last = row.severity
                self.headings.append(len(self.lines))
                self.lines.append(Line(f"{GROUP_TITLES[last]} · {counts[last]:,}"))
            self.lines.append(Line(row=row))
        if hidden:
            self.headings.append(len(self.lines))
            self.lines.append(Line(f"{HIDDEN_TITLE} · {len(hidden):,}"))
            self.lines += [Line(row=h.row, hidden=h) for h in hidden]
        self.endResetModel()

    def is_heading(self, line: int) -> bool:
        return 0 <= line < len(self.lines) and self.lines[line].row is None

    def row_at(self, line: int) -> AttentionRow | None:
        return self.lines[line].row if 0 <= line < len(self.lines) else None

    def hidden_at(self, line: int) -> HiddenRow | None:
        return self.lines[line].hidden if 0 <= line < len(self.lines) else None

    def line_of_key(self, key: str) -> int | None:
        found = (n for n, ln in enumerate(self.lines) if ln.row is not None and ln.row.key == key)
        return next(found, None)

    def item_rows(self) -> list[AttentionRow]:
        """The rows on the list (hidden ones left out), in order."""
        return [ln.row for ln in self.lines if ln.row is not None and ln.hidden is None]

    # -- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid() or self.is_heading(index.row()):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if line.row is None:
            return self._heading_data(line.heading, index.column(), role)
        return self._row_data(line, line.row, index.column(), role)

    def _heading_data(self, heading: str, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return heading if column == 0 else ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        palette = QGuiApplication.palette()
        if role == Qt.ItemDataRole.ForegroundRole:  # full strength, though not selectable
            return QBrush(palette.color(QPalette.ColorRole.WindowText))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(palette.color(QPalette.ColorRole.Window))
        return None

    def _row_data(self, line: Line, row: AttentionRow, column: int, role: int) -> Any:
        if role == ROW_ROLE:
            return row
        todo = hidden_words(line.hidden) if line.hidden is not None else row.todo
        texts = (line.badge, row.mentee_name, row.what, todo)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return texts[column]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                f"{line.badge}, {row.mentee_name}: {row.what}. {todo}" if column == BADGE else None
            )
        if column == BADGE and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(badge_colours(line.severity)[0])
        if column == BADGE and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(badge_colours(line.severity)[1])
        if column == BADGE and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
