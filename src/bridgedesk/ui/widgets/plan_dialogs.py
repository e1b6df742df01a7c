"""The planning dialogs the Timeline view and the mentee record share: plan or edit a check-in,
add or edit a milestone, add or edit an agreed action.

Each takes the call that saves (a service method wrapped by the caller, with its undo step) so
the dialog only gathers and shows; problems land under their fields and the dialog keeps what
was typed (:class:`FormDialog`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from bridgedesk.domain.enums import Tier, label
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.date_edit import DateEdit, checked_date, required_date
from bridgedesk.ui.widgets.form_dialog import FormDialog

NO_MENTOR = "Any mentor"


class CheckinPlanDialog(FormDialog):
    """Plan a check-in (title, date, who holds it), or change a planned one."""

    def __init__(
        self,
        env: ViewEnv,
        save: Callable[[str, dt.date, int | None], object],
        heading: str,
        mentors: Sequence[tuple[int, str]] = (),
        title: str = "Check-in",
        planned: dt.date | None = None,
        mentor_id: int | None = None,
        window_title: str = "Plan check-in",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, window_title, heading, parent)
        self._save = save
        self.title_edit = QLineEdit(title)
        self.title_edit.setMaxLength(200)
        self.planned = DateEdit(planned or env.today(), "Planned for", today=env.today)
        self.mentor = QComboBox()
        self.mentor.addItem(NO_MENTOR, None)
        for mentor, name in mentors:
            self.mentor.addItem(name, mentor)
        self.mentor.setCurrentIndex(max(self.mentor.findData(mentor_id), 0))
        self.add_field("title", "Title", self.title_edit)
        self.add_field("planned", "Planned for", self.planned)
        self.add_field("mentor_id", "Held by", self.mentor)

    def submit(self) -> None:
        mentor = self.mentor.currentData()
        self._save(
            self.title_edit.text(),
            required_date(self.planned, "planned"),
            mentor if isinstance(mentor, int) else None,
        )


class MilestoneDialog(FormDialog):
    """Add a milestone (name, due date, tier, note), or change one."""

    def __init__(
        self,
        env: ViewEnv,
        save: Callable[[str, dt.date, Tier, str], object],
        heading: str,
        name: str = "",
        due: dt.date | None = None,
        tier: Tier = Tier.HOSPITAL,
        note: str = "",
        window_title: str = "Add milestone",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, window_title, heading, parent)
        self._save = save
        self.name = QLineEdit(name)
        self.name.setMaxLength(200)
        self.name.setPlaceholderText("e.g. First independent call")
        self.due = DateEdit(due or env.today(), "Due on", today=env.today)
        self.tier = QComboBox()
        for value in Tier:
            self.tier.addItem(label(value), value.value)
        self.tier.setCurrentIndex(max(self.tier.findData(Tier(tier).value), 0))
        self.tier.setToolTip("Which side it belongs to: hospital, accreditation or government")
        self.note = QPlainTextEdit(note)
        self.note.setTabChangesFocus(True)
        self.add_field("name", "Milestone", self.name)
        self.add_field("due", "Due on", self.due)
        self.add_field("tier", "Tier", self.tier)
        self.add_field("note", "Note", self.note)
        # After FieldRow, which pins an editor's minimum height to its (tall) size hint.
        self.note.setFixedHeight(self.fontMetrics().height() * 3 + 12)

    def submit(self) -> None:
        self._save(
            self.name.text(), required_date(self.due, "due"), Tier(self.tier.currentData()),
            self.note.toPlainText(),
        )  # fmt: skip


class ActionDialog(FormDialog):
    """Add an agreed action (what, who, by when), or change one."""

    def __init__(
        self,
        env: ViewEnv,
        save: Callable[[str, dt.date | None, str], object],
        heading: str,
        description: str = "",
        owner: str = "",
        due: dt.date | None = None,
        window_title: str = "Add action",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, window_title, heading, parent)
        self._save = save
        self.description = QLineEdit(description)
        self.owner = QLineEdit(owner)
        self.owner.setMaxLength(200)
        self.owner.setPlaceholderText("Who will do it (optional)")
        self.due = DateEdit(due, "Due", optional=True, today=env.today)
        self.add_field("description", "Action", self.description)
        self.add_field("owner", "Owner", self.owner)
        self.add_field("due", "Due", self.due)

    def submit(self) -> None:
        due = checked_date(self.due, "due")
        self._save(self.description.text(), due, self.owner.text().strip())
