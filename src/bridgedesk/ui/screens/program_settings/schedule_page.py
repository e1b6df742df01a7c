"""The program's schedule: which check-ins and milestones a new mentee gets, on which day.

Saving writes the next version of the schedule (like the checklist): mentees already on the
roster keep their plan, mentees added from then on are planned from the new version.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain.enums import ScheduleItemKind, Tier, label
from bridgedesk.errors import UserError, ValidationError
from bridgedesk.services.program import schedule_template as schedule
from bridgedesk.services.program.schedule_template import TemplateItem
from bridgedesk.ui.formatting import format_date, plural
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.choice_cells import (
    VALUE,
    ChoiceCellDelegate,
    NumberCellDelegate,
    choice_item,
    number_item,
)
from bridgedesk.ui.widgets.field_row import FieldRow
from bridgedesk.ui.widgets.settings_lists import list_page_buttons, plain_text

KIND, NAME, DAY, TIER = range(4)
HEADERS = ("Kind", "Name", "Day", "Tier")
KINDS = [(ScheduleItemKind.CHECKIN.value, "Check-in"),
         (ScheduleItemKind.MILESTONE.value, "Milestone")]  # fmt: skip
TIERS = [(tier.value, label(tier)) for tier in Tier]
NOTE = (
    "Days count from the start date (negative: before it). Saving makes a new version: "
    "mentees already on the roster keep their plan; mentees added afterwards get this one."
)


class SchedulePage(QWidget):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setAccessibleName("Schedule: check-ins and milestones by day")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (KIND, DAY, TIER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        # Cells edited in place (F2, a double-click, or typing), one Tab stop for the table.
        self.table.setItemDelegateForColumn(KIND, ChoiceCellDelegate(KINDS, "kind", self))
        self.table.setItemDelegateForColumn(
            DAY,
            NumberCellDelegate(
                schedule.EARLIEST_DAY, schedule.LATEST_DAY, "day from the start date", self
            ),
        )
        self.table.setItemDelegateForColumn(TIER, ChoiceCellDelegate(TIERS, "tier", self))
        row_buttons, buttons = list_page_buttons(
            ("Add check-in", lambda: self.add_row(ScheduleItemKind.CHECKIN)),
            ("Add milestone", lambda: self.add_row(ScheduleItemKind.MILESTONE)),
            ("Remove row", self.remove_row),
        )
        self.add_checkin_button, self.add_milestone_button, self.remove_button = row_buttons
        self.note = QLineEdit()
        self.note.setPlaceholderText("What changed, in a few words (kept with the version)")
        self.note.setAccessibleName("What changed")
        self.message = FieldRow(self.note)
        self.save_button = QPushButton("Save as new version")
        self.save_button.setAccessibleName("Save the schedule as a new version")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        save_row = QHBoxLayout()
        save_row.addWidget(self.message, 1)
        save_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        self.versions = QListWidget()
        self.versions.setAccessibleName("Schedule versions")
        self.versions.setFixedHeight(3 * (self.fontMetrics().height() + 4) + 8)
        self.phases = plain_text("")
        layout = QVBoxLayout(self)
        layout.addWidget(plain_text(NOTE))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addLayout(save_row)
        layout.addWidget(QLabel("Versions"))
        layout.addWidget(self.versions)
        layout.addWidget(self.phases)
        self.refresh()

    def refresh(self) -> None:
        self.table.setRowCount(0)
        for item in schedule.current_items(self.env.ctx):
            self._append(item)
        self.versions.clear()
        for v in schedule.versions(self.env.ctx):
            current = " (current)" if v.is_current else ""
            note = f": {v.note}" if v.note else ""
            self.versions.addItem(
                f"Version {v.version}{current}, {format_date(v.created.date())}, "
                f"{plural(len(v.items), 'item')}, {plural(v.mentees_planned, 'mentee')} "
                f"planned from it{note}"
            )
        self.phases.setText("Phases: " + "; ".join(self._phase_words()))

    def _phase_words(self) -> list[str]:
        """``Orientation: days 0 to 13``: the spans a mentee's phase follows from."""
        words = []
        for name, first, last in schedule.phase_spans(self.env.ctx):
            span = f"from day {first}" if last is None else f"days {first} to {last - 1}"
            words.append(f"{name}: {span}")
        return words

    # -- rows ------------------------------------------------------------------------------
    def _append(self, item: TemplateItem) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, KIND, choice_item(ScheduleItemKind(item.kind).value, KINDS))
        self.table.setItem(row, NAME, QTableWidgetItem(item.name))
        self.table.setItem(row, DAY, number_item(item.day))
        self.table.setItem(row, TIER, choice_item(Tier(item.tier).value, TIERS))
        return row

    def add_row(self, kind: ScheduleItemKind) -> int:
        """A new row after the selected one's day (or at the end), its name ready to type."""
        current = self.table.currentRow()
        day = self._day(current) + 30 if current >= 0 else 0
        row = self._append(TemplateItem(kind, "", min(day, schedule.LATEST_DAY)))
        self.table.setCurrentCell(row, NAME)
        name = self.table.item(row, NAME)
        if name is not None:
            self.table.editItem(name)
        return row

    def remove_row(self) -> None:
        current = self.table.currentRow()
        if current >= 0:
            self.table.removeRow(current)

    def _value(self, row: int, column: int) -> Any:  # noqa: ANN401 - a cell holds any value
        item = self.table.item(row, column)
        return item.data(VALUE) if item is not None else None

    def _day(self, row: int) -> int:
        return int(self._value(row, DAY) or 0)

    def items(self) -> list[TemplateItem]:
        out = []
        for row in range(self.table.rowCount()):
            name = self.table.item(row, NAME)
            out.append(
                TemplateItem(
                    ScheduleItemKind(self._value(row, KIND)), name.text() if name else "",
                    self._day(row), Tier(self._value(row, TIER)),
                )
            )  # fmt: skip
        return out

    def set_row(self, row: int, name: str, day: int) -> None:
        """Fill a row's name and day (for tests and keyboard users alike)."""
        self.table.setItem(row, NAME, QTableWidgetItem(name))
        self.table.setItem(row, DAY, number_item(day))

    def save(self) -> bool:
        try:
            version = schedule.save_new_version(self.env.ctx, self.items(), self.note.text())
        except ValidationError as exc:
            self.message.set_problem(" ".join(dict.fromkeys(exc.problems.values())))
            rows = [int(k[6:-1]) for k in exc.problems if k.startswith("items[")]
            if rows:  # the first row with a problem, in view and selected
                self.table.setCurrentCell(min(rows) - 1, NAME)
            return False
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
            return False
        self.message.set_problem("")
        self.note.clear()
        self.refresh()
        self.env.dialogs.info(
            self, "Schedule saved",
            f"Version {version} of the schedule is saved. Mentees added from now on are "
            "planned from it; mentees already on the roster keep their plan.",
        )  # fmt: skip
        return True
