"""The Mentees view: search in any script, filter, sort, and open one mentee's form.

Big programs load off the GUI thread: with ``background_from`` rows or more (the main window
passes :data:`BACKGROUND_FROM`), the view shows "Loading mentees…" and fills when the worker
reports, so the window paints and answers at once even with 10,000 mentees. Smaller programs
(and tests) load in the constructor. Either way ``loaded`` is emitted once the rows are shown.

The current mentee (chosen in Timeline, Checklists or Deadlines, or a record opened) is the
row selected and scrolled to, when the filters show it; the filters are never changed for it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.domain.enums import label as status_label
from bridgedesk.domain.figures import ACTIVE_MENTEES, MENTEES_ON_ROSTER, definition, label
from bridgedesk.services.mentees.roster import RosterService
from bridgedesk.services.mentees.status_counts import MenteeCounts
from bridgedesk.ui import workers
from bridgedesk.ui.models import roster_model as cols
from bridgedesk.ui.models.roster_model import ROW_ID_ROLE, RosterFilter, RosterTableModel
from bridgedesk.ui.screens.mentees.mentee_form import MenteeForm
from bridgedesk.ui.screens.mentees.roster_columns import fit_columns, set_up_columns
from bridgedesk.ui.screens.mentees.roster_loading import RosterData, load_roster
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.clear_button import with_clear_button
from bridgedesk.ui.widgets.filter_combo import FilterCombo

__all__ = ["BACKGROUND_FROM", "LOADING", "FilterCombo", "RosterData", "RosterView", "load_roster"]

BACKGROUND_FROM = 1_500
"""Programs with this many mentees or more load off the GUI thread (about 100 ms of work)."""
LOADING = "Loading mentees…"


class RosterView(QWidget):
    mentee_changed = Signal(int)  # saved, archived or deleted
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
        self._counts: MenteeCounts | None = None
        self.setAccessibleName("Mentees")
        self.current_form: MenteeForm | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search names in any script…")
        self.search.setAccessibleName("Search mentees by name")
        self.search.setToolTip("Names match in any script and with or without accents (Ctrl+F)")
        with_clear_button(self.search)  # a clear button with a name
        self.search.setMinimumWidth(220)

        self.phase = FilterCombo("All phases", "Filter by phase")
        self.status = FilterCombo("All statuses", "Filter by status")
        self.status.set_choices([(s.value, status_label(s)) for s in MenteeStatus])
        self.status.select(MenteeStatus.ACTIVE.value)
        self.specialty = FilterCombo("All specialties", "Filter by specialty")
        self.site = FilterCombo("All sites", "Filter by site")
        self.mentor = FilterCombo("All mentors", "Filter by primary mentor")

        self.new_button = QPushButton("New mentee…")
        self.new_button.setAccessibleName("New mentee")
        self.new_button.clicked.connect(self.new_mentee)

        self.model = RosterTableModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
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
        set_up_columns(self.table)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)  # Enter on a row

        self.count_label = QLabel()
        self.count_label.setAccessibleName("Number of mentees shown")
        self.count_label.setToolTip(
            f"{label(MENTEES_ON_ROSTER)}: {definition(MENTEES_ON_ROSTER)}\n"
            f"{label(ACTIVE_MENTEES)}: {definition(ACTIVE_MENTEES)}"
        )

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
        self.env.current.changed.connect(self._current_changed)
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
        self._select_after_load = select_id if select_id is not None else self.env.current.mentee_id
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
        self._counts = data.counts
        self.apply_filter()
        fit_columns(self.table, data)
        self.loading = False
        self.select_mentee_row(self._select_after_load)
        self.loaded.emit()

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
        self.count_label.setText(footer_text(self.model.rowCount(), self._counts))
        if not self.loading:  # a new filter keeps the current mentee selected when shown
            self.select_mentee_row(self.env.current.mentee_id, scroll=False)

    def select_mentee_row(self, mentee_id: int | None, scroll: bool = True) -> bool:
        """Select and scroll to ``mentee_id``'s row if the filters show it (else select
        nothing, so no other mentee looks current); True when the row is shown."""
        row = self.model.row_of_id(mentee_id) if mentee_id is not None else None
        if row is None:
            self.table.clearSelection()
            return False
        self.table.selectRow(row)
        if scroll:
            self.table.scrollTo(self.model.index(row, cols.NAME))
        return True

    def _current_changed(self, mentee_id: int | None) -> None:
        if self.loading:
            self._select_after_load = mentee_id
        else:
            self.select_mentee_row(mentee_id)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        index = self.table.currentIndex()  # laid out only now: scroll to the row selected
        if index.isValid() and self.table.selectionModel().isSelected(index):
            self.table.scrollTo(index)

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
        """Open the form (window-modal, not blocking); the roster reloads after each save.

        The mentee opened becomes the current one: Timeline, Checklists and Deadlines show it.
        """
        if mentee_id is not None:
            self.env.current.choose(mentee_id)
        form = MenteeForm(self.env, mentee_id, self)
        form.saved.connect(self._after_save)
        form.deleted.connect(self._after_delete)
        form.report_requested.connect(self.report_requested)
        form.open_view_requested.connect(self.open_view_requested)
        form.finished.connect(lambda _code: self._forget(form))
        self.current_form = form
        form.open()
        return form

    def _after_save(self, mentee_id: int) -> None:
        self.env.current.choose(mentee_id)  # a new mentee is the one being worked on
        self.refresh(select_id=mentee_id)
        self.mentee_changed.emit(mentee_id)

    def _after_delete(self, mentee_id: int) -> None:
        self.refresh()
        self.mentee_changed.emit(mentee_id)  # the counts elsewhere (status bar) follow

    def _forget(self, form: MenteeForm) -> None:
        if self.current_form is form:
            self.current_form = None
        form.deleteLater()


def footer_text(shown: int, counts: MenteeCounts | None) -> str:
    """ "20 of 24 mentees shown · 20 active": the filter's rows, then the roster's figures."""
    if counts is None:
        return f"{shown:,} shown"
    total = counts.on_roster
    return (
        f"{shown:,} of {total:,} mentee{'s' if total != 1 else ''} shown · {counts.active:,} active"
    )
