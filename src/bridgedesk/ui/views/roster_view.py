"""The Mentees view: search in any script, filter, sort, and open one mentee's form."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain.enums import MenteeStatus, label
from bridgedesk.services.roster_rows import roster_rows
from bridgedesk.ui.models import roster_model as cols
from bridgedesk.ui.models.roster_model import (
    ROW_ID_ROLE,
    RosterFilter,
    RosterTableModel,
    distinct_mentors,
    distinct_values,
)
from bridgedesk.ui.views.mentee_form import MenteeForm
from bridgedesk.ui.views.registry import ViewEnv

SHORT_COLUMNS = (cols.PHASE, cols.NEXT_CHECKIN, cols.NEAREST_DEADLINE, cols.PROGRESS, cols.STATUS)
# Long texts (site names, mentors) get a capped width and elide; the tooltip has the full text.
CAPPED_COLUMNS = {
    cols.NATIVE_NAME: 130,
    cols.COUNTRY: 110,
    cols.SPECIALTY: 130,
    cols.SITE: 130,
    cols.PRIMARY_MENTOR: 130,
}
HIDDEN_AT_FIRST = (cols.COUNTRY,)  # shown again from the header's right-click menu


class FilterCombo(QComboBox):
    """A combo whose first entry means "any"; ``value()`` is None for it."""

    def __init__(self, any_text: str, accessible_name: str) -> None:
        super().__init__()
        self.any_text = any_text
        self.setAccessibleName(accessible_name)
        self.setToolTip(accessible_name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.set_choices([])

    def set_choices(self, choices: list[tuple[object, str]]) -> None:
        """Refill, keeping the current choice when it still exists."""
        current = self.value()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.any_text, None)
        for value, text in choices:
            self.addItem(text, value)
        found = self.findData(current)
        self.setCurrentIndex(found if current is not None and found >= 0 else 0)
        self.blockSignals(False)

    def value(self):
        return self.currentData()

    def select(self, value: object) -> None:
        found = self.findData(value)
        self.setCurrentIndex(max(found, 0))


class RosterView(QWidget):
    mentee_changed = Signal(int)
    report_requested = Signal(int)

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setAccessibleName("Mentees")
        self.current_form: MenteeForm | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search names in any script…")
        self.search.setAccessibleName("Search mentees by name")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)

        self.phase = FilterCombo("All phases", "Filter by phase")
        self.status = FilterCombo("All statuses", "Filter by status")
        self.status.set_choices([(s.value, label(s)) for s in MenteeStatus])
        self.status.select(MenteeStatus.ACTIVE.value)
        self.specialty = FilterCombo("All specialties", "Filter by specialty")
        self.site = FilterCombo("All sites", "Filter by site")
        self.mentor = FilterCombo("All mentors", "Filter by primary mentor")

        self.new_button = QPushButton("New mentee…")
        self.new_button.setAccessibleName("New mentee")
        self.new_button.clicked.connect(self.new_mentee)

        self.model = RosterTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Mentees table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(cols.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(cols.NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        for column, width in CAPPED_COLUMNS.items():
            header.resizeSection(column, width)
        self._add_column_menu(header)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)  # Enter on a row

        self.count_label = QLabel()
        self.count_label.setAccessibleName("Number of mentees shown")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for combo in (self.phase, self.status, self.specialty, self.site, self.mentor):
            filters.addWidget(combo)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.search.textChanged.connect(self.apply_filter)
        for combo in (self.phase, self.status, self.specialty, self.site, self.mentor):
            combo.currentIndexChanged.connect(self.apply_filter)
        order = [self.search, self.phase, self.status, self.specialty, self.site, self.mentor]
        for first, second in zip(
            [*order, self.table], [*order[1:], self.table, self.new_button], strict=True
        ):
            self.setTabOrder(first, second)
        self.refresh()

    # -- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload from the service (after a save, or when the view is shown again)."""
        rows = roster_rows(self.env.ctx, self.env.today())
        self.phase.set_choices([(v, v) for v in distinct_values(rows, "phase")])
        self.specialty.set_choices([(v, v) for v in distinct_values(rows, "specialty")])
        self.site.set_choices([(v, v) for v in distinct_values(rows, "site")])
        self.mentor.set_choices(list(distinct_mentors(rows)))
        self.model.set_rows(rows)
        self.apply_filter()
        for column in SHORT_COLUMNS:
            self.table.resizeColumnToContents(column)
        header = self.table.horizontalHeader()
        for column, cap in CAPPED_COLUMNS.items():
            header.resizeSection(
                column,
                min(cap, max(header.sectionSizeHint(column), self.table.sizeHintForColumn(column))),
            )

    def apply_filter(self) -> None:
        self.model.set_filter(
            RosterFilter(
                text=self.search.text(),
                phase=self.phase.value(),
                status=self.status.value(),
                specialty=self.specialty.value(),
                site=self.site.value(),
                mentor_id=self.mentor.value(),
            )
        )
        shown, total = self.model.rowCount(), self.model.total_count()
        self.count_label.setText(f"{shown:,} of {total:,} mentee{'s' if total != 1 else ''}")

    def _add_column_menu(self, header: QHeaderView) -> None:
        """Right-click on the header to choose the columns; the name column always stays."""
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for column in range(1, cols.COLUMN_COUNT):
            action = QAction(cols.HEADER_TIPS[column], header)
            action.setCheckable(True)
            action.setChecked(column not in HIDDEN_AT_FIRST)
            action.toggled.connect(lambda shown, c=column: self.table.setColumnHidden(c, not shown))
            header.addAction(action)
            self.table.setColumnHidden(column, column in HIDDEN_AT_FIRST)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- the form --------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_mentee(self.model.data(index, ROW_ID_ROLE))

    def new_mentee(self) -> None:
        self.open_mentee(None)

    def open_mentee(self, mentee_id: int | None) -> MenteeForm:
        """Open the form (window-modal, not blocking); the roster reloads after each save."""
        form = MenteeForm(self.env, mentee_id, self)
        form.saved.connect(self._after_save)
        form.deleted.connect(lambda _id: self.refresh())
        form.report_requested.connect(self.report_requested)
        form.finished.connect(lambda _code: self._forget(form))
        self.current_form = form
        form.open()
        return form

    def _after_save(self, mentee_id: int) -> None:
        self.refresh()
        self.mentee_changed.emit(mentee_id)
        row = self.model.row_of_id(mentee_id)
        if row is not None:
            self.table.selectRow(row)

    def _forget(self, form: MenteeForm) -> None:
        if self.current_form is form:
            self.current_form = None
        form.deleteLater()
