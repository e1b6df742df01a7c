"""The Mentees view: search in any script, filter, sort, and open one mentee's form.

Big programs load off the GUI thread: with ``background_from`` rows or more (the main window
passes :data:`BACKGROUND_FROM`), the view shows "Loading mentees…" and fills when the worker
reports, so the window paints and answers at once even with 10,000 mentees. Smaller programs
(and tests) load in the constructor. Either way ``loaded`` is emitted once the rows are shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

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
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.roster import RosterService
from bridgedesk.services.roster_rows import RosterRow, roster_rows
from bridgedesk.ui import workers
from bridgedesk.ui.formatting import format_date, format_share
from bridgedesk.ui.models import roster_model as cols
from bridgedesk.ui.models.roster_model import (
    ROW_ID_ROLE,
    RosterFilter,
    RosterTableModel,
    distinct_mentors,
    distinct_values,
    search_keys,
)
from bridgedesk.ui.views.mentee_form import MenteeForm
from bridgedesk.ui.views.registry import ViewEnv

BACKGROUND_FROM = 1_500
"""Programs with this many mentees or more load off the GUI thread (about 100 ms of work)."""
LOADING = "Loading mentees…"

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


@dataclass(frozen=True)
class RosterData:
    """Everything the view shows, computed off the GUI thread for big programs."""

    rows: list[RosterRow]
    keys: list[str]
    phases: list[str]
    specialties: list[str]
    sites: list[str]
    countries: list[str]
    mentors: list[tuple[int, str]]


def load_roster(ctx: ServiceContext, today: dt.date) -> RosterData:
    """The roster rows, their search keys and the filter choices (any thread: no widgets)."""
    rows = roster_rows(ctx, today)
    return RosterData(
        rows,
        search_keys(rows),
        distinct_values(rows, "phase"),
        distinct_values(rows, "specialty"),
        distinct_values(rows, "site"),
        distinct_values(rows, "country"),
        distinct_mentors(rows),
    )


class FilterCombo(QComboBox):
    """A combo whose first entry means "any"; ``value()`` is None for it.

    The values live in a Python list, not in Qt item data: PySide6 6.12 on Python 3.11 drops
    a reference to None each time item data holding None is read, and the process aborts
    ("deallocating None") once enough reads have piled up.
    """

    def __init__(self, any_text: str, accessible_name: str) -> None:
        super().__init__()
        self.any_text = any_text
        self._values: list[object] = []
        self.setAccessibleName(accessible_name)
        self.setToolTip(accessible_name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.set_choices([])

    def set_choices(self, choices: Sequence[tuple[object, str]]) -> None:
        """Refill, keeping the current choice when it still exists."""
        current = self.value()
        self.blockSignals(True)
        self.clear()
        self._values = [None, *(value for value, _text in choices)]
        self.addItems([self.any_text, *(text for _value, text in choices)])
        self.setCurrentIndex(self._index_of(current))
        self.blockSignals(False)

    def _index_of(self, value: object) -> int:
        try:
            return self._values.index(value) if value is not None else 0
        except ValueError:
            return 0

    def value(self):  # noqa: ANN201 - whatever the choices hold
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def select(self, value: object) -> None:
        self.setCurrentIndex(self._index_of(value))


class RosterView(QWidget):
    mentee_changed = Signal(int)
    report_requested = Signal(int)
    open_view_requested = Signal(str, int)  # a record's "Open in Timeline": (view key, mentee id)
    loaded = Signal()  # the rows on screen are fresh (benchmarks and tests wait for it)

    def __init__(
        self, env: ViewEnv, parent: QWidget | None = None, background_from: int | None = None
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.background_from = background_from  # None: always load in the GUI thread
        self.loading = False
        self._generation = 0
        self._select_after_load: int | None = None
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
    def _in_background(self) -> bool:
        if self.background_from is None:
            return False
        known = self.model.total_count() or RosterService(self.env.ctx).count()
        return known >= self.background_from

    def refresh(self, select_id: int | None = None) -> None:
        """Reload from the service (after a save, or when the view is shown again).

        A newer refresh wins over an older one still running; ``select_id`` is selected once
        the rows are in.
        """
        self._generation += 1
        generation = self._generation
        self._select_after_load = select_id
        ctx, today = self.env.ctx, self.env.today()
        if not self._in_background():
            self._show_data(generation, load_roster(ctx, today))
            return
        self.loading = True
        self.count_label.setText(LOADING)
        workers.start(
            lambda: load_roster(ctx, today),
            lambda data: self._show_data(generation, data),
            lambda message: self._failed(generation, message),
        )

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.loading = False
            self.count_label.setText("The mentees could not be loaded.")
            self.env.dialogs.error(self, message)

    def _show_data(self, generation: int, data: RosterData) -> None:
        if generation != self._generation:
            return
        self.phase.set_choices([(v, v) for v in data.phases])
        self.specialty.set_choices([(v, v) for v in data.specialties])
        self.site.set_choices([(v, v) for v in data.sites])
        self.mentor.set_choices(data.mentors)
        self.model.set_rows(data.rows, data.keys)
        self.apply_filter()
        self._fit_columns(data)
        self.loading = False
        if self._select_after_load is not None:
            row = self.model.row_of_id(self._select_after_load)
            if row is not None:
                self.table.selectRow(row)
        self.loaded.emit()

    def _fit_columns(self, data: RosterData) -> None:
        """Widths from the texts a column can hold, measured once each: asking the table
        (resizeColumnToContents) calls ``data()`` for up to 1,000 rows per column."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        dates = [format_date(dt.date(2000, month, 28)) for month in range(1, 13)]
        texts: dict[int, Sequence[str]] = {
            cols.PHASE: data.phases,
            cols.NEXT_CHECKIN: dates,
            cols.NEAREST_DEADLINE: dates,
            cols.PROGRESS: [format_share(1.0) or ""],
            cols.STATUS: [label(s) for s in MenteeStatus],
            cols.NATIVE_NAME: [r.native_name for r in data.rows[:200]],
            cols.COUNTRY: data.countries,
            cols.SPECIALTY: data.specialties,
            cols.SITE: data.sites,
            cols.PRIMARY_MENTOR: [name for _id, name in data.mentors[:500]],
        }
        for column, column_texts in texts.items():
            widest = max((metrics.horizontalAdvance(t) for t in column_texts), default=0)
            width = max(header.sectionSizeHint(column), widest + 2 * metrics.averageCharWidth())
            header.resizeSection(column, min(width, CAPPED_COLUMNS.get(column, width)))

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
        form.open_view_requested.connect(self.open_view_requested)
        form.finished.connect(lambda _code: self._forget(form))
        self.current_form = form
        form.open()
        return form

    def _after_save(self, mentee_id: int) -> None:
        self.refresh(select_id=mentee_id)
        self.mentee_changed.emit(mentee_id)

    def _forget(self, form: MenteeForm) -> None:
        if self.current_form is form:
            self.current_form = None
        form.deleteLater()
