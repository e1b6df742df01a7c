"""The Checklists view: one mentee's cultural-fluency ratings, rated quickly by keyboard.

Left, the current template's items with the latest self and mentor levels and the gap
(or, on the second tab, growth per domain as bars); right, the rating panel and the chosen
item's history across template versions. In the grid, keys 0–4 pick the level and Enter
saves and moves on, so a mentor can rate a whole checklist without the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.domain.enums import label
from bridgedesk.errors import UserError
from bridgedesk.services.checklists.ratings import ChecklistService
from bridgedesk.ui.formatting import format_date, plural
from bridgedesk.ui.models import checklist_grid_model as cols
from bridgedesk.ui.models.checklist_grid_model import ChecklistGridModel
from bridgedesk.ui.screens.checklists.rating_panel import RatingPanel
from bridgedesk.ui.screens.checklists.template_editor import TemplateEditor
from bridgedesk.ui.undo_steps import push_rating
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.mentee_labels import picker_note, whose_title
from bridgedesk.ui.widgets.mentee_picker import MenteePicker, mentee_choices
from bridgedesk.ui.widgets.progress_bars import DomainProgressBars

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}
HISTORY_HEADERS = ("Date", "Level", "Observer", "Role", "Method", "Version", "Wording", "Evidence")


class ChecklistsView(QWidget):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.service = ChecklistService(env.ctx)
        self.setAccessibleName("Checklists")
        self.editor: TemplateEditor | None = None

        self.mentee = MenteePicker(min_chars=36)
        self.grid_title = whose_title("Whose checklist is shown")
        self.note = picker_note()
        self.summary = QLabel()
        self.summary.setAccessibleName("Checklist summary")
        self.edit_button = QPushButton("Edit template…")
        self.edit_button.setToolTip(
            "Change the checklist's domains and items; earlier ratings keep the wording they were given against"
        )
        self.edit_button.setAccessibleName("Edit the checklist template")
        self.edit_button.clicked.connect(self.open_editor)

        self.model = ChecklistGridModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName("Checklist items")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(cols.ITEM, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(cols.DOMAIN, 150)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._item_changed())

        self.bars = DomainProgressBars()
        bars_scroll = QScrollArea()
        bars_scroll.setWidget(self.bars)
        bars_scroll.setWidgetResizable(True)
        bars_scroll.setAccessibleName("Progress by domain")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, "&Items")
        self.tabs.addTab(bars_scroll, "&Progress by domain")

        self.panel = RatingPanel(self.service, env.today)
        self.panel.saved.connect(self._after_save)
        self.history = QTreeWidget()
        self.history.setAccessibleName("Rating history of the selected item")
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels(list(HISTORY_HEADERS))
        self.history.setAlternatingRowColors(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.panel)
        right_layout.addWidget(QLabel("History (newest first)"))
        right_layout.addWidget(self.history, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([740, 460])  # the history's columns need room to be read

        top = QHBoxLayout()
        mentee_label = QLabel("&Mentee")
        mentee_label.setBuddy(self.mentee)
        top.addWidget(mentee_label)
        top.addWidget(self.mentee)
        top.addWidget(self.summary, 1)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.grid_title)
        layout.addWidget(splitter, 1)

        self.mentee.mentee_chosen.connect(self._chosen)
        self.mentee.not_found.connect(self._not_found)
        self.setTabOrder(self.mentee, self.edit_button)
        self.setTabOrder(self.edit_button, self.tabs)
        self.setTabOrder(self.tabs, self.table)
        progress = self.tabs.widget(1)  # the other page: after the tabs, before the rating too
        assert progress is not None
        self.setTabOrder(self.table, progress)
        self.setTabOrder(progress, self.panel.level)
        self.refresh()

    # -- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload mentees and the current template (it may have a new version)."""
        chosen = self.mentee_id()
        self.template = self.service.current_template()
        self.panel.set_levels(self.template.levels)
        self.mentee.set_mentees(
            mentee_choices(self.env.ctx),
            first_if_none=chosen is None,
            prefer=self.env.current.mentee_id,  # chosen in another view: shown here too
        )
        self.load_mentee()

    def mentee_id(self) -> int | None:
        return self.mentee.value()

    def select_mentee(self, mentee_id: int) -> None:
        self.mentee.select(mentee_id)

    def _chosen(self, mentee_id: int | None) -> None:
        self.note.setVisible(False)
        if mentee_id is not None:
            self.env.current.choose(mentee_id)
        self.load_mentee()

    def _not_found(self, sentence: str) -> None:
        self.note.setText(sentence)
        self.note.setVisible(True)

    def load_mentee(self, keep_item: int | None = None) -> None:
        mentee_id = self.mentee_id()
        self.panel.set_mentee(mentee_id)
        self.note.setVisible(False)  # a "no one matches" note is about the mentee before
        self.grid_title.setText(
            f"Checklist of {self.mentee.itemText(self.mentee.findData(mentee_id))}"
            if mentee_id is not None
            else "No mentee chosen: type part of a name in the Mentee box."
        )
        rows = self.service.grid(mentee_id) if mentee_id is not None else []
        self.model.set_rows(rows, self.template.levels)
        max_level = max((v for v, *_ in self.template.levels), default=4)
        self.bars.set_progress(
            self.service.progress(mentee_id) if mentee_id is not None else [], max_level
        )
        if mentee_id is not None:
            stale = self.service.stale_items(mentee_id, self.env.today())
            rated = sum(1 for r in rows if r.latest_on is not None)
            self.summary.setText(
                f"{rated} of {plural(len(rows), 'item')} rated · "
                f"{plural(stale, 'item')} not rated in 6 months"
            )
        else:
            self.summary.setText("No mentees yet.")
        for column in (cols.SELF, cols.MENTOR, cols.GAP, cols.LAST_ON):
            self.table.resizeColumnToContents(column)
        row = self.model.row_of_item(keep_item) if keep_item is not None else None
        if self.model.rowCount():
            self.table.selectRow(row if row is not None else 0)
        self._item_changed()

    def _item_changed(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.panel.set_item(None, "")
            self.history.clear()
            return
        row = self.model.row_at(index.row())
        self.panel.set_item(row.item_id, f"{row.domain}\n{row.key}  {row.item_text}")
        self._fill_history(row.key)

    def _fill_history(self, key: str) -> None:
        self.history.clear()
        mentee_id = self.mentee_id()
        if mentee_id is None:
            return
        for h in self.service.history(mentee_id, key):
            item = QTreeWidgetItem(
                [
                    format_date(h.assessed_on), h.level_label, h.observer, label(h.observer_role),
                    label(h.method), f"v{h.template_version}", h.item_text, h.evidence,
                ]
            )  # fmt: skip
            item.setToolTip(6, h.item_text)
            item.setToolTip(7, h.evidence)
            self.history.addTopLevelItem(item)
        for column in range(6):
            self.history.resizeColumnToContents(column)

    def history_rows(self) -> list[list[str]]:
        """What the history list shows, row by row (for tests and screen readers)."""
        items = (self.history.topLevelItem(r) for r in range(self.history.topLevelItemCount()))
        return [
            [item.text(c) for c in range(len(HISTORY_HEADERS))]
            for item in items
            if item is not None
        ]

    # -- rating by keyboard ----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the grid, digits pick the level and Enter saves the rating."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return False
            if event.key() in _DIGITS:
                return self.panel.set_level(_DIGITS[event.key()])
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.panel.save()
                return True
        return super().eventFilter(watched, event)

    def _after_save(self, item_id: int) -> None:
        """Reload, then move to the next item and give the grid the keyboard again."""
        self._offer_undo(item_id)
        self.load_mentee(keep_item=item_id)
        row = self.model.row_of_item(item_id)
        if row is not None and row + 1 < self.model.rowCount():
            self.table.selectRow(row + 1)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _offer_undo(self, item_id: int) -> None:
        """Edit ▸ Undo takes back the rating just saved (named by the item's key)."""
        row = self.model.row_of_item(item_id)
        if self.env.undo is None or self.panel.last_saved is None or row is None:
            return
        mentee_id, assessment_id, rating = self.panel.last_saved
        key = self.model.row_at(row).key
        push_rating(
            self.env.undo, self.service, mentee_id, rating, assessment_id, key, self.env.today
        )

    # -- template --------------------------------------------------------------------------
    def open_editor(self) -> TemplateEditor | None:
        try:
            editor = TemplateEditor(self.env.ctx, self)
        except UserError as error:
            self.env.dialogs.error(self, str(error))
            return None
        editor.saved.connect(lambda _id: self.refresh())
        editor.finished.connect(lambda _code: self._forget(editor))
        self.editor = editor
        editor.open()
        return editor

    def _forget(self, editor: TemplateEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()
