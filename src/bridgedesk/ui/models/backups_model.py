"""The backups of the program file as a table, newest first, as the service lists them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from bridgedesk.services.program_file.safety import BackupRow
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.models.table_base import HeaderedTableModel, Index

TAKEN = 0
SIZE = 1
REASON = 2
MENTEES = 3
LOCATION = 4

LOCATIONS = {"primary": "Backups folder", "second": "Second folder"}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def format_size(size_bytes: int) -> str:
    """``840 KB`` / ``12.5 MB``: enough to compare backups at a glance."""
    if size_bytes < 1024 * 1024:
        return f"{max(1, round(size_bytes / 1024)):,} KB"
    return f"{size_bytes / (1024 * 1024):,.1f} MB"


def format_reason(reason: str) -> str:
    """``before-import`` reads "before import"; an upgrade's revision id means nothing to people."""
    if reason.startswith("before-migration"):
        return "before upgrade"
    return reason.replace("-", " ") or "not recorded"


def format_taken(row: BackupRow) -> str:
    return f"{format_date(row.taken_at.date())} {row.taken_at:%H:%M}"


class BackupsModel(HeaderedTableModel):
    headers = ("Taken", "Size", "Reason", "Mentees", "Location")
    header_tips = (
        "When the backup was taken",
        "Size of the backup file",
        "Why it was taken",
        "How many mentees the backup holds",
        "Backups folder (in the data folder) or the second folder; hover for the full path",
    )

    def set_rows(self, rows: list[BackupRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def backup(self, row: int) -> BackupRow:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row: BackupRow = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TAKEN:
                return format_taken(row)
            if column == SIZE:
                return format_size(row.size_bytes)
            if column == REASON:
                return format_reason(row.reason)
            if column == MENTEES:
                return "unreadable" if row.mentee_count is None else f"{row.mentee_count:,}"
            return f"{LOCATIONS.get(row.location, row.location)}: {row.path.parent}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(row.path)  # the full location, folder and file name
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (SIZE, MENTEES):
            return _RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
