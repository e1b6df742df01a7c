"""The Mentors view: who mentors whom, and which mentors carry more than they agreed to."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain.enums import AssignmentKind, label
from bridgedesk.errors import ValidationError
from bridgedesk.services.mentors.service import MAX_CAPACITY, MentorFields, MentorService
from bridgedesk.ui.colours import warning_colour
from bridgedesk.ui.models import mentor_load_model as cols
from bridgedesk.ui.models.mentor_load_model import LOAD_SHARE_ROLE, ROW_ID_ROLE, MentorLoadModel
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.date_fields import date_edit, date_of
from bridgedesk.ui.widgets.form_dialog import FormDialog
from bridgedesk.ui.widgets.mentee_picker import MenteePicker, mentee_choices


class LoadBarDelegate(QStyledItemDelegate):
    """Draws the Load cell as the style's progress bar, with the load in words on it."""

    def paint(
        self, painter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ):
        share = float(index.data(LOAD_SHARE_ROLE) or 0.0)
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.minimum, bar.maximum = 0, 100
        bar.progress = min(100, round(share * 100))
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bar.textVisible = True
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = QPalette(option.palette)
        if share > 1:  # over capacity: the warning colour, besides the words on the bar
            bar.palette.setColor(QPalette.ColorRole.Highlight, warning_colour(option.palette))
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        option.widget.style().drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


class NewMentorDialog(FormDialog):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, "New mentor", parent=parent)
        self.service = MentorService(env.ctx)
        self.name, self.native_name, self.email = QLineEdit(), QLineEdit(), QLineEdit()
        self.specialty, self.site = QLineEdit(), QLineEdit()
        self.former_img = QCheckBox("Trained abroad too (former IMG)")
        self.capacity = QSpinBox()
        self.capacity.setRange(0, MAX_CAPACITY)
        self.capacity.setValue(3)
        for name, text, editor in (
            ("name", "Name", self.name),
            ("native_name", "Name in own script", self.native_name),
            ("email", "Email", self.email),
            ("specialty", "Specialty", self.specialty),
            ("site", "Site", self.site),
            ("former_img", "Former IMG", self.former_img),
            ("capacity", "Capacity (mentees)", self.capacity),
        ):
            self.add_field(name, text, editor)
        self.mentor_id: int | None = None

    def fields(self) -> MentorFields:
        return MentorFields(
            name=self.name.text(),
            native_name=self.native_name.text(),
            email=self.email.text(),
            specialty=self.specialty.text(),
            former_img=self.former_img.isChecked(),
            capacity=self.capacity.value(),
            site=self.site.text(),
        )

    def submit(self) -> None:
        self.mentor_id = self.service.create(self.fields())


class AssignDialog(FormDialog):
    """Assign the chosen mentor to a mentee, as a given kind of mentor, from a start date."""

    def __init__(self, env: ViewEnv, mentor_id: int, mentor_name: str, parent=None) -> None:
        super().__init__(env, f"Assign {mentor_name}", f"Mentor: {mentor_name}", parent)
        self.service = MentorService(env.ctx)
        self.mentor_id = mentor_id
        self.mentee = MenteePicker()
        self.mentee.set_mentees(mentee_choices(env.ctx, active_only=True))
        self.kind = QComboBox()
        for kind in AssignmentKind:
            self.kind.addItem(label(kind), kind.value)
        self.start = date_edit(env.today())
        self.add_field("mentee_id", "Mentee", self.mentee)
        self.add_field("kind", "Kind", self.kind)
        self.add_field("start", "Start date", self.start)

    def submit(self) -> None:
        mentee_id = self.mentee.value()
        if mentee_id is None:
            raise ValidationError({"mentee_id": "Choose a mentee."})
        kind = AssignmentKind(self.kind.currentData())
        self.service.assign(mentee_id, self.mentor_id, kind, date_of(self.start))


class MentorsView(QWidget):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.service = MentorService(env.ctx)
        self.setAccessibleName("Mentors")
        self.current_dialog: QDialog | None = None

        self.model = MentorLoadModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Mentors table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setItemDelegateForColumn(cols.LOAD, LoadBarDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(cols.NAME, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(cols.LOAD, 200)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_mentees())

        self.mentees_title = QLabel("Select a mentor to see their mentees.")
        self.mentees_title.setWordWrap(True)
        self.mentees = QListWidget()
        self.mentees.setAccessibleName("Mentees of the selected mentor")
        self.summary = QLabel()
        self.summary.setAccessibleName("Mentor load summary")
        self.new_button = QPushButton("New mentor…")
        self.new_button.setAccessibleName("New mentor")
        self.new_button.clicked.connect(self.new_mentor)
        self.assign_button = QPushButton("Assign to mentee…")
        self.assign_button.setAccessibleName("Assign the selected mentor to a mentee")
        self.assign_button.clicked.connect(self.assign)

        side = QVBoxLayout()
        side.addWidget(self.mentees_title)
        side.addWidget(self.mentees, 1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 5)
        middle.addLayout(side, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary)
        bottom.addStretch(1)
        bottom.addWidget(self.assign_button)
        bottom.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        self.setTabOrder(self.table, self.mentees)
        self.setTabOrder(self.mentees, self.assign_button)
        self.setTabOrder(self.assign_button, self.new_button)
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected_mentor_id()
        self.model.set_rows(self.service.load())
        for column in (cols.SPECIALTY, cols.FORMER_IMG, cols.CAPACITY, cols.ACTIVE):
            self.table.resizeColumnToContents(column)
        over = self.model.over_capacity_count()
        total = self.model.rowCount()
        self.summary.setText(
            f"{total} active mentor{'s' if total != 1 else ''}"
            + (f"; {over} over capacity" if over else "")
        )
        if selected is not None:
            self.select_mentor(selected)
        self._show_mentees()

    def selected_mentor_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.data(index, ROW_ID_ROLE) if index.isValid() else None

    def select_mentor(self, mentor_id: int) -> None:
        row = self.model.row_of_id(mentor_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, cols.NAME))

    def _show_mentees(self) -> None:
        self.mentees.clear()
        index = self.table.currentIndex()
        self.assign_button.setEnabled(index.isValid())
        if not index.isValid():
            self.mentees_title.setText("Select a mentor to see their mentees.")
            return
        row = self.model.row_at(index.row())
        self.mentees_title.setText(f"Mentees of {row.name}")
        for _mentee_id, name, kind in self.service.mentees_of(row.id):
            self.mentees.addItem(f"{name} — {label(kind).lower()} mentor")
        if not self.mentees.count():
            self.mentees.addItem("No mentees at the moment")

    def new_mentor(self) -> NewMentorDialog:
        dialog = NewMentorDialog(self.env, self)
        dialog.accepted.connect(lambda: self._after(dialog.mentor_id))
        return self._open(dialog)

    def assign(self) -> AssignDialog | None:
        mentor_id = self.selected_mentor_id()
        if mentor_id is None:
            return None
        name = self.model.row_at(self.table.currentIndex().row()).name
        dialog = AssignDialog(self.env, mentor_id, name, self)
        dialog.accepted.connect(lambda: self._after(mentor_id))
        return self._open(dialog)

    def _open(self, dialog):
        self.current_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _after(self, mentor_id: int | None) -> None:
        self.refresh()
        if mentor_id is not None:
            self.select_mentor(mentor_id)
