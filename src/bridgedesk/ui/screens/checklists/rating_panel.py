"""The quick-rating form beside the checklist grid: pick a level, Enter saves.

Built for rating thirty items in a row: the observer, role, method and date stay filled
between saves (one observer usually rates many items in one sitting), only the evidence is
cleared, and problems (a future date, a missing observer) show under their field, not in a box.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain.enums import AssessmentMethod, ObserverRole, label
from bridgedesk.errors import UserError, ValidationError
from bridgedesk.services.checklists.ratings import ChecklistService, Rating
from bridgedesk.ui.widgets.date_edit import DateEdit
from bridgedesk.ui.widgets.field_row import FieldRow

_ROLE_DEFAULT_METHOD = {
    ObserverRole.SELF: AssessmentMethod.SELF_REPORT,
    ObserverRole.MENTOR: AssessmentMethod.DIRECT_OBSERVATION,
}


def _combo(name: str, choices: Sequence[tuple[object, str]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for value, text in choices:
        combo.addItem(text, value)
    return combo


class RatingPanel(QWidget):
    """Rates ``item_id`` for ``mentee_id``; emits ``saved(item_id)`` after a stored rating."""

    saved = Signal(int)

    def __init__(
        self,
        service: ChecklistService,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.today = today
        self.mentee_id: int | None = None
        self.item_id: int | None = None
        self.last_saved: tuple[int, int, Rating] | None = None  # (mentee, assessment id) for undo
        self.setAccessibleName("Rate the selected item")

        self.item_label = QLabel("Select an item in the grid.")
        self.item_label.setWordWrap(True)
        self.item_label.setAccessibleName("Item being rated")
        self.item_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.level = _combo("Level", [])
        self.level.setToolTip("Keys 0–4 in the grid pick the level")
        self.date = DateEdit(today(), "Date observed", today=today)
        self.date_row = FieldRow(self.date)
        self.observer = QLineEdit()
        self.observer.setToolTip(
            "The name of the person who observed (or the mentee, for a self-rating)"
        )
        self.observer.setAccessibleName("Observer")
        self.observer.setPlaceholderText("Who observed")
        self.observer_row = FieldRow(self.observer)
        self.role = _combo("Observer role", [(r.value, label(r)) for r in ObserverRole])
        self.role.setToolTip("Who rated: the mentee themself, the mentor, or another observer")
        self.method = _combo("Method", [(m.value, label(m)) for m in AssessmentMethod])
        self.method.setToolTip(
            "How the level was judged: direct observation, a case discussion, feedback, a self-report…"
        )
        self.evidence = QLineEdit()
        self.evidence.setToolTip("What was seen or said that supports the level (optional)")
        self.evidence.setAccessibleName("Evidence")
        self.evidence.setPlaceholderText("What was seen or said (optional)")
        self.message = FieldRow(QLabel())
        self.message.editor.setVisible(False)
        self.save_button = QPushButton("Save and next")
        self.save_button.setAccessibleName("Save rating and go to the next item")
        self.save_button.setToolTip("Enter")
        self.save_button.clicked.connect(self.save)

        form = QFormLayout()
        form.addRow("&Level", self.level)
        form.addRow("&Date", self.date_row)
        form.addRow("&Observer", self.observer_row)
        form.addRow("&Role", self.role)
        form.addRow("&Method", self.method)
        form.addRow("&Evidence", self.evidence)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.item_label)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)

        self.role.currentIndexChanged.connect(self._role_changed)
        # Enter in the text fields: QLineEdit ignores the key, so keyPressEvent below saves.
        self.set_item(None, "")

    # -- feeding ---------------------------------------------------------------------------
    def set_levels(self, levels: Sequence[tuple]) -> None:
        """The template's scale as ``(value, label, proficient)``; keeps the chosen level."""
        current = self.level.currentData()
        self.level.clear()
        for value, text, *_rest in levels:
            self.level.addItem(f"{value} — {text}", value)
        self.set_level(current if current is not None else levels[0][0] if levels else 0)

    def set_item(self, item_id: int | None, text: str) -> None:
        self.item_id = item_id
        self.item_label.setText(text if item_id is not None else "Select an item in the grid.")
        self.save_button.setEnabled(item_id is not None and self.mentee_id is not None)
        self._show_problems({})

    def set_mentee(self, mentee_id: int | None) -> None:
        self.mentee_id = mentee_id
        self.save_button.setEnabled(self.item_id is not None and mentee_id is not None)

    def set_level(self, value: int) -> bool:
        """Pick a level by its value; False when the scale has no such level."""
        found = self.level.findData(value)
        if found < 0:
            return False
        self.level.setCurrentIndex(found)
        return True

    def _role_changed(self) -> None:
        method = _ROLE_DEFAULT_METHOD.get(ObserverRole(self.role.currentData()))
        if method is not None:
            self.method.setCurrentIndex(self.method.findData(method.value))

    # -- saving ----------------------------------------------------------------------------
    def rating(self) -> Rating:
        """What the panel holds; the date must read (``save`` refuses first when not)."""
        assessed_on = self.date.value()
        assert assessed_on is not None
        return Rating(
            item_id=self.item_id or 0,
            level=int(self.level.currentData() or 0),
            assessed_on=assessed_on,
            observer=self.observer.text().strip(),
            observer_role=ObserverRole(self.role.currentData()),
            method=AssessmentMethod(self.method.currentData()),
            evidence=self.evidence.text().strip(),
        )

    def save(self) -> bool:
        """Store the rating; on success clear the evidence and emit ``saved``."""
        if self.mentee_id is None or self.item_id is None:
            self._show_problems({"": "Choose a mentee and an item to rate."})
            return False
        if self.date.problem():
            self._show_problems({"assessed_on": self.date.problem()})
            return False
        rating = self.rating()
        problems: dict[str, str] = {}
        if not rating.observer:
            problems["observer"] = "Name who observed."
        if rating.assessed_on > self.today():
            problems["assessed_on"] = "A rating cannot be dated in the future."
        if not problems:
            try:
                assessment_id = self.service.rate(self.mentee_id, rating, today=self.today())
            except ValidationError as error:
                problems = error.problems
            except UserError as error:
                problems = {"": str(error)}
        self._show_problems(problems)
        if problems:
            return False
        self.last_saved = (self.mentee_id, assessment_id, rating)
        self.evidence.clear()
        self.saved.emit(rating.item_id)
        return True

    def _show_problems(self, problems: dict[str, str]) -> None:
        problems = dict(problems)
        self.date_row.set_problem(problems.pop("assessed_on", ""))
        self.observer_row.set_problem(problems.pop("observer", ""))
        rest = " ".join(problems.values())
        self.message.set_problem(rest)

    def problems_shown(self) -> list[str]:
        rows = (self.date_row, self.observer_row, self.message)
        return [r.problem() for r in rows if r.problem()]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter anywhere in the panel (combos, date) saves, as it does in the text fields."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return
        super().keyPressEvent(event)
