"""The History table: one row per changed field, sortable, long values cut short with the full text in the tooltip."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from bridgedesk.services.history.audit_rows import AuditRow
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.models.table_base import Index, SortedTableModel

WHEN, WHO, WHAT, FIELD, BEFORE, AFTER = range(6)
HEADERS = ("When", "Who", "What", "Field", "Before", "After")
HEADER_TIPS = (
    "When the change was saved, in this computer's time",
    "The person who saved it: the program director named in the program details",
    "Which record, and whether it was added, changed or deleted",
    "The field that changed",
    "The value before the change",
    "The value after the change",
)
SHOWN_CHARACTERS = 80
TOOLTIP_CHARACTERS = 2000
ENTITY_LABELS = {
    "mentee": "Profile",
    "mentor": "Mentor",
    "mentor_assignment": "Mentor assignment",
    "checkin": "Check-in",
    "action": "Action",
    "milestone": "Milestone",
    "goal": "Goal",
    "goal_task": "Goal task",
    "assessment": "Assessment",
    "credential": "Credential",
    "insight": "Insight",
    "schedule": "Schedule",
    "credential_rules": "Deadline rules",
    "reminder_acknowledgement": "Reminder",
    "attention_decision": "Attention decision",
    "matching_weights": "Matching weights",
    "site": "Site",
    "exit_reason": "Exit reason",
    "schedule_template": "Schedule version",
    "program_details": "Program details",
    "checkin_pulse": "Pulse",
    "fit_check": "Fit question",
    "survey_template": "Survey questions",
    "survey_response": "Survey answers",
}
ACTION_LABELS = {
    "create": "added",
    "update": "changed",
    "delete": "deleted",
    "import": "imported",
}


def local_time(when: dt.datetime) -> dt.datetime:
    """The audit trail keeps UTC without a zone; people read their own clock."""
    aware = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return aware.astimezone()


def format_when(when: dt.datetime) -> str:
    local = local_time(when)
    return f"{format_date(local.date())} {local:%H:%M}"


def what_label(row: AuditRow) -> str:
    entity = ENTITY_LABELS.get(row.entity, row.entity.replace("_", " ").capitalize())
    return f"{entity} {ACTION_LABELS.get(row.action, row.action)}"


def readable(value: str) -> str:
    """ISO dates and times as the rest of BridgeDesk shows them (12 Mar 2026, 12 Mar 2026
    14:05); anything else as the service worded it."""
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            if len(value) == 10:
                return format_date(dt.date.fromisoformat(value))
            return format_when(dt.datetime.fromisoformat(value))
        except ValueError:
            return value
    return value


def shortened(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    """One line, at most ``limit`` characters, with … when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class AuditModel(SortedTableModel):
    headers = HEADERS
    header_tips = HEADER_TIPS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sort_column, self._sort_order = WHEN, Qt.SortOrder.DescendingOrder

    def set_rows(self, rows: list[AuditRow]) -> None:
        """``rows`` newest first, as the service gives them."""
        self.beginResetModel()
        self._rows = list(rows)
        self._visible = self._sorted(list(range(len(self._rows))))
        self.endResetModel()

    def row(self, position: int) -> AuditRow:
        return self._rows[self._visible[position]]

    def _text(self, row: AuditRow, column: int) -> str:
        return (
            format_when(row.when),
            row.who,
            what_label(row),
            row.field,  # worded by services.history.audit_wording
            readable(row.before),
            readable(row.after),
        )[column]

    def _sorted(self, indices: list[int]) -> list[int]:
        column = self._sort_column

        def key(i: int) -> tuple[Any, int]:
            row = self._rows[i]
            value: Any = row.when if column == WHEN else self._text(row, column).casefold()
            return (value, -i)  # -i: within one save, the service's order

        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(indices, key=key, reverse=descending)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index.row())
        text = self._text(row, index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return shortened(text) if index.column() in (BEFORE, AFTER) else text
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == WHEN:
                when = local_time(row.when)
                return f"{format_date(when.date())} {when:%H:%M:%S %Z}"
            if index.column() in (BEFORE, AFTER) and shortened(text) != text:
                return text[:TOOLTIP_CHARACTERS] + ("…" if len(text) > TOOLTIP_CHARACTERS else "")
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return text
        return None
