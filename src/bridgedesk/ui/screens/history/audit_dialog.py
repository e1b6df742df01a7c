"""History of one record: who changed which field, when, from what to what (read-only).

Rows come from :func:`bridgedesk.services.history.audit_wording.plain_history`, one per changed
field, newest first, in plain words. Long values (notes) are cut short in the table; the
tooltip holds the full text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.services.history.audit_wording import plain_history
from bridgedesk.ui.formatting import plural
from bridgedesk.ui.models.audit_model import BEFORE, FIELD, WHAT, WHEN, WHO, AuditModel
from bridgedesk.ui.view_env import ViewEnv


class AuditDialog(QDialog):
    """ "History of <name>": a read-only table; a mentee's may include their related records."""

    def __init__(
        self,
        env: ViewEnv,
        entity: str,
        entity_id: int,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.env, self.entity, self.entity_id = env, entity, entity_id
        self.setWindowTitle(f"History of {name}")
        self.resize(1000, 560)
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(f"History of {name}")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(WHEN, Qt.SortOrder.DescendingOrder)
        self.related = QCheckBox("Include check-ins, milestones, ratings and other records")
        self.related.setAccessibleName("Include related records")
        self.related.setToolTip(
            "Also list the changes to this mentee's check-ins, milestones, ratings, "
            "credentials, insights and mentors"
        )
        self.related.setVisible(entity == "mentee")
        self.related.toggled.connect(self.reload)
        self.count_label = QLabel()
        close = QPushButton("Close")
        close.setAccessibleName("Close")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.related)
        bottom.addStretch(1)
        bottom.addWidget(self.count_label)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        rows = plain_history(
            self.env.ctx, self.entity, self.entity_id, include_related=self.related.isChecked()
        )
        self.model.set_rows(rows)
        self.count_label.setText(plural(len(rows), "entry", "entries"))
        for column, width in ((WHEN, 130), (WHO, 190), (WHAT, 150), (FIELD, 140), (BEFORE, 170)):
            self.table.setColumnWidth(column, width)
        if rows:
            self.table.setCurrentIndex(self.model.index(0, 0, QModelIndex()))
