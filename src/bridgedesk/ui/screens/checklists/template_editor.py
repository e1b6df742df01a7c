"""Edit the checklist's domains and items; saving writes the next template version.

An edit never rewrites the version ratings were made against: old assessments keep the
wording they were rated on, and items keep their key so their history carries on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.errors import UserError, ValidationError
from bridgedesk.services.checklists import templates as checklist_templates
from bridgedesk.services.checklists.ratings import ChecklistService, TemplateView
from bridgedesk.services.checklists.templates import DomainSpec
from bridgedesk.services.context import ServiceContext
from bridgedesk.ui.widgets.field_row import FieldRow

KEY_ROLE = Qt.ItemDataRole.UserRole + 1

NOTE = (
    "Saving makes a new version of the checklist. Ratings already made keep the wording "
    "they were rated against; an item keeps its history when only its wording changes."
)


class TemplateEditor(QDialog):
    """Domains as top-level rows, items beneath; double-click or F2 edits the text."""

    saved = Signal(int)  # the new template id

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.template: TemplateView = ChecklistService(ctx).current_template()
        self.setWindowTitle(f"Edit checklist — {self.template.name}")
        self.setAccessibleName("Edit checklist template")
        self.resize(760, 560)

        note = QLabel(NOTE)
        note.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Domains and items")
        self.tree.setHeaderLabels(["Domain / item", "Key"])
        self.tree.setColumnWidth(0, 520)
        self.tree.setEditTriggers(
            QTreeWidget.EditTrigger.DoubleClicked
            | QTreeWidget.EditTrigger.EditKeyPressed
            | QTreeWidget.EditTrigger.AnyKeyPressed
        )
        self._fill()

        self.add_domain_button = QPushButton("Add domain")
        self.add_item_button = QPushButton("Add item")
        self.remove_button = QPushButton("Remove")
        for button, name in (
            (self.add_domain_button, "Add a domain"),
            (self.add_item_button, "Add an item to the selected domain"),
            (self.remove_button, "Remove the selected domain or item"),
        ):
            button.setAccessibleName(name)
        self.add_domain_button.clicked.connect(self.add_domain)
        self.add_item_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_selected)

        self.versions = QListWidget()
        self.versions.setAccessibleName("Template versions")
        self.versions.setMaximumHeight(4 * self.fontMetrics().height() + 12)
        for row in checklist_templates.template_versions(ctx):
            current = ", current" if row.is_current else ""
            self.versions.addItem(
                f"{row.name} v{row.version}{current}: {row.n_assessments:,} ratings"
            )

        self.message = FieldRow(QLabel())
        self.message.editor.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Save as new version")
        self.save_button.setAccessibleName("Save as a new version")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        edit_buttons = QHBoxLayout()
        for button in (self.add_domain_button, self.add_item_button, self.remove_button):
            edit_buttons.addWidget(button)
        edit_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tree, 1)
        layout.addLayout(edit_buttons)
        layout.addWidget(QLabel("Versions"))
        layout.addWidget(self.versions)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    # -- editing ---------------------------------------------------------------------------
    def _fill(self) -> None:
        for domain, items in self.template.domains:
            top = self._domain_row(domain)
            for _item_id, key, text in items:
                self._item_row(top, text, key)
        self.tree.expandAll()

    def _domain_row(self, name: str) -> QTreeWidgetItem:
        row = QTreeWidgetItem(self.tree, [name, ""])
        font = row.font(0)
        font.setBold(True)
        row.setFont(0, font)
        row.setFlags(row.flags() | Qt.ItemFlag.ItemIsEditable)
        return row

    def _item_row(self, domain: QTreeWidgetItem, text: str, key: str | None) -> QTreeWidgetItem:
        row = QTreeWidgetItem(domain, [text, key or "new"])
        row.setData(0, KEY_ROLE, key)
        row.setFlags(row.flags() | Qt.ItemFlag.ItemIsEditable)
        return row

    def add_domain(self) -> QTreeWidgetItem:
        row = self._domain_row("New domain")
        self.tree.setCurrentItem(row)
        self.tree.editItem(row, 0)
        return row

    def add_item(self) -> QTreeWidgetItem | None:
        current = self.tree.currentItem()
        if current is None:
            self.message.set_problem("Select a domain to add the item to.")
            return None
        domain = current.parent() or current
        row = self._item_row(domain, "New item", None)
        domain.setExpanded(True)
        self.tree.setCurrentItem(row)
        self.tree.editItem(row, 0)
        return row

    def remove_selected(self) -> None:
        current = self.tree.currentItem()
        if current is None:
            return
        parent = current.parent()
        if parent is None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(current))
        else:
            parent.removeChild(current)

    def domains(self) -> list[DomainSpec]:
        """What the tree holds, in the form ``save_new_version`` takes."""
        out: list[DomainSpec] = []
        for d in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(d)
            assert top is not None  # d < topLevelItemCount()
            children = (top.child(i) for i in range(top.childCount()))
            items = [(c.data(0, KEY_ROLE), c.text(0)) for c in children if c is not None]
            out.append((top.text(0), items))
        return out

    def save(self) -> None:
        try:
            new_id = checklist_templates.save_new_version(
                self.ctx, self.template.name, self.template.levels, self.domains()
            )
        except ValidationError as error:
            self.message.set_problem(" ".join(dict.fromkeys(error.problems.values())))
            return
        except UserError as error:
            self.message.set_problem(str(error))
            return
        self.saved.emit(new_id)
        self.accept()
