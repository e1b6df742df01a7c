"""The Deadlines view: every watched credential of every active mentee, most urgent first.

Beside the list, the selected mentee's three tiers (hospital, accreditation body,
government) at a glance, each with its nearest deadline: the three must stay aligned.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain.enums import Tier, label
from bridgedesk.errors import UserError
from bridgedesk.services.calendar.ics_export import export_calendar
from bridgedesk.services.credentials.service import CredentialService
from bridgedesk.services.mentees.directory import mentee_directory
from bridgedesk.ui.models import deadlines_model as cols
from bridgedesk.ui.models.deadlines_model import (
    MENTEE_ID_ROLE,
    ROW_ID_ROLE,
    DeadlineFilter,
    DeadlinesTableModel,
)
from bridgedesk.ui.screens.deadlines.credential_dialog import CredentialDialog
from bridgedesk.ui.screens.deadlines.reminders_panel import RemindersPanel
from bridgedesk.ui.screens.deadlines.rules_editor import RulesEditor
from bridgedesk.ui.screens.deadlines.tier_panel import TierPanel
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.clear_button import with_clear_button
from bridgedesk.ui.widgets.filter_combo import FilterCombo

BANDS = [("lapsed", "Lapsed only"), (30, "Lapsed or within 30 days"), (90, "… within 90 days")]
BANDS += [(180, "… within 180 days")]


class DeadlinesView(QWidget):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.followed: int | None = None  # the current mentee this view last filtered to
        self.service = CredentialService(env.ctx)
        self.setAccessibleName("Deadlines")
        self.current_dialog: CredentialDialog | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search mentee names in any script…")
        self.search.setAccessibleName("Search deadlines by mentee name")
        self.search.setToolTip(
            "Show only the deadlines of mentees whose name holds this text, in any script"
        )
        with_clear_button(self.search)  # a clear button with a name
        self.search.setMinimumWidth(200)
        self.band = FilterCombo("Any date", "Filter by how soon")
        self.band.set_choices(list(BANDS))
        self.tier = FilterCombo("All tiers", "Filter by tier")
        self.tier.set_choices([(t.value, label(t)) for t in Tier])
        self.site = FilterCombo("All sites", "Filter by site")

        self.model = DeadlinesTableModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName("Deadlines table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(cols.EXPIRES, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(cols.CREDENTIAL, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.panel = TierPanel()
        self.panel.setMinimumWidth(230)
        self.panel.setMaximumWidth(300)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Number of deadlines shown")
        self.add_button = QPushButton("Add credential…")
        self.add_button.setToolTip("Record a licence, registration, visa or waiver for a mentee")
        self.add_button.setAccessibleName("Add credential")
        self.add_button.clicked.connect(self.add_credential)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip("Change the selected credential (for example after a renewal)")
        self.edit_button.setAccessibleName("Edit the selected credential")
        self.edit_button.clicked.connect(lambda: self._open_index(self.table.currentIndex()))
        self.rules_button = QPushButton("Deadline &rules…")
        self.rules_button.setToolTip(
            "The rules that turn a credential into dated deadlines, with their sources; edits are kept as versions"
        )
        self.rules_button.setAccessibleName("Edit the deadline rules")
        self.rules_button.clicked.connect(self.edit_rules)
        self.calendar_button = QPushButton("Export &calendar…")
        self.calendar_button.setToolTip(
            "Write the deadlines to a calendar file (.ics) for Outlook, Google or Apple Calendar"
        )
        self.calendar_button.setAccessibleName("Export the deadlines as a calendar file")
        self.calendar_button.clicked.connect(self.export_calendar)
        self.reminders = RemindersPanel(env)
        self.reminders.acknowledged.connect(self.refresh)
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setAccessibleName("Guidance and rule of the selected credential")
        self.guidance.setMaximumWidth(300)  # as wide as the tier panel above it

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for combo in (self.band, self.tier, self.site):
            filters.addWidget(combo)
        side = QVBoxLayout()
        side.addWidget(self.panel, 1)
        side.addWidget(self.guidance)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(side)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.rules_button)
        bottom.addWidget(self.calendar_button)
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.reminders)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)

        self.search.textChanged.connect(self.apply_filter)
        for combo in (self.band, self.tier, self.site):
            combo.currentIndexChanged.connect(self.apply_filter)
        reminders = [self.reminders.list, self.reminders.ack_button]  # above the table
        order = [self.search, self.band, self.tier, self.site, *reminders, self.table, self.panel]
        for first, second in zip(order, [*order[1:], self.edit_button], strict=True):
            self.setTabOrder(first, second)
        self.setTabOrder(self.edit_button, self.add_button)
        self.refresh()

    def refresh(self) -> None:
        """Reload from the service; filters and the selection stay."""
        selected = self.selected_credential_id()
        mentees = mentee_directory(self.env.ctx)
        self.site.set_choices(
            [(s, s) for s in sorted({m.site for m in mentees.values() if m.site})]
        )
        self.model.set_rows(self.service.deadlines(self.env.today()), mentees)
        self.apply_filter()
        current = self.env.current.mentee_id
        if current is not None and current != self.followed:  # chosen in another view
            self.select_mentee(current)
        for column in (cols.TIER, cols.EXPIRES, cols.WHEN, cols.BAND):
            self.table.resizeColumnToContents(column)
        # Capped so the stretched Credential column keeps room at 1366 pixels wide.
        caps = ((cols.MENTEE, 160), (cols.SITE, 100), (cols.NUMBER, 90), (cols.WHAT, 160))
        for column, cap in caps:
            self.table.setColumnWidth(column, min(cap, self.table.sizeHintForColumn(column) + 12))
        if selected is not None:
            self.select_credential(selected)
        self.reminders.refresh()

    def apply_filter(self) -> None:
        band = self.band.value()
        self.model.set_filter(
            DeadlineFilter(
                text=self.search.text(),
                within=band if isinstance(band, int) else None,
                lapsed_only=band == "lapsed",
                tier=self.tier.value(),
                site=self.site.value(),
            )
        )
        shown, total = self.model.rowCount(), self.model.total_count()
        self.count_label.setText(f"{shown:,} of {total:,} deadline{'s' if total != 1 else ''}")
        self.edit_button.setEnabled(False)
        self.panel.clear()
        self.guidance.clear()

    def select_mentee(self, mentee_id: int) -> None:
        """Only this mentee's deadlines (from the mentee record's "Open in Deadlines")."""
        self.followed = mentee_id
        label = mentee_directory(self.env.ctx).get(mentee_id)
        if label is not None:
            self.band.setCurrentIndex(0)
            self.tier.setCurrentIndex(0)
            self.site.setCurrentIndex(0)
            self.search.setText(label.legal_name)

    def selected_credential_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.data(index, ROW_ID_ROLE) if index.isValid() else None

    def select_item(self, kind: str, item_id: int) -> bool:
        """Select one credential's row (a Dashboard row's "Open")."""
        return kind == "credential" and self.select_credential(item_id)

    def select_credential(self, credential_id: int) -> bool:
        row = self.model.row_of_id(credential_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, cols.MENTEE))
        return True

    def _selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        self.edit_button.setEnabled(bool(indexes))
        if not indexes:
            self.panel.clear()
            return
        row = self.model.row_at(indexes[0].row())
        self.followed = row.mentee_id  # chosen here: Timeline and Checklists follow
        self.env.current.choose(row.mentee_id)
        self.panel.show_mentee(row.mentee_name, self.service.tiers(row.mentee_id, self.env.today()))
        rules = self.service.kind_rules().get(row.kind_code)
        parts = [f"{row.what}: {row.source}" if row.source else ""]
        parts.append(rules.guidance if rules else "")
        if row.no_work:
            parts.insert(0, "The physician may not work now (the grace period allows no work).")
        self.guidance.setText("\n\n".join(p for p in parts if p))

    # -- the dialog ------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_dialog(self.model.data(index, ROW_ID_ROLE))

    def add_credential(self) -> CredentialDialog:
        index = self.table.currentIndex()
        mentee_id = self.model.data(index, MENTEE_ID_ROLE) if index.isValid() else None
        return self.open_dialog(None, mentee_id)

    def open_dialog(self, credential_id: int | None, mentee_id: int | None = None):
        dialog = CredentialDialog(self.env, credential_id, mentee_id, self)
        dialog.saved.connect(self._after_save)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self.current_dialog = dialog
        dialog.open()
        return dialog

    def _after_save(self, credential_id: int) -> None:
        self.refresh()
        self.select_credential(credential_id)

    def _forget(self, dialog: CredentialDialog) -> None:
        if self.current_dialog is dialog:
            self.current_dialog = None
        dialog.deleteLater()

    # -- rules and calendar ------------------------------------------------------------------
    def edit_rules(self) -> RulesEditor:
        editor = RulesEditor(self.env, self)
        editor.accepted.connect(self.refresh)
        editor.open()
        return editor

    def export_calendar(self) -> Path | None:
        today = self.env.today()
        path = self.env.dialogs.ask_save_path(
            self, "Export calendar", Path.home() / f"bridgedesk-deadlines-{today.isoformat()}.ics",
            "Calendar (*.ics)",
        )  # fmt: skip
        if path is None:
            return None
        if path.suffix.lower() != ".ics":
            path = path.with_suffix(".ics")
        try:
            count = export_calendar(self.env.ctx, path, today)
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
            return None
        self.env.dialogs.info(
            self, "Calendar exported",
            f"{count} events written to {path.name}. Import it into Outlook or Thunderbird; "
            "importing a newer file updates these events. The file holds personnel data.",
        )  # fmt: skip
        return path
