"""The mentee's credentials under the three sides that must stay aligned: hospital,
accreditation body and government; expiry tinted by reminder band exactly as in Deadlines."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from bridgedesk.domain.enums import Tier, label
from bridgedesk.domain.reminders import NONE
from bridgedesk.services.mentees.record import TIER_ORDER, MenteeCredentialRow, credentials_of
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.models.deadlines_model import band_colour, band_text, when_text
from bridgedesk.ui.screens.mentees.sections.common import button, button_row, plain_label
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.column_padding import pad_columns

NAME, NUMBER, STATUS, EXPIRES, WHEN = range(5)
HEADERS = ("Credential", "Number", "Status", "Expires", "When")
TIER_TITLES = {
    Tier.HOSPITAL: "Hospital",
    Tier.ACCREDITATION: "Accreditation body",
    Tier.GOVERNMENT: "Government",
}
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def when_cell(row: MenteeCredentialRow) -> str:
    """``In 40 days — within 60 days``; for undated or closed credentials just the status."""
    if row.band == NONE:
        return "" if row.expires_on is None else "Not watched"
    text = when_text(row.days_left)
    band = band_text(row.band)
    if band.startswith("Within"):
        return f"{text} — {band.lower()}"
    return text


class CredentialsSection(QWidget):
    open_view_requested = Signal(str, int)

    def __init__(self, env: ViewEnv, mentee_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.mentee_id = env, mentee_id
        self.summary = plain_label(
            "Row colour shows how close the expiry is, as in the Deadlines view; "
            "the When column says it in words."
        )
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Credentials by tier")
        self.tree.setHeaderLabels(HEADERS)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(True)
        pad_columns(self.tree)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.open_button = button("Open in Deadlines", "Add or renew credentials in Deadlines")
        self.open_button.clicked.connect(
            lambda: self.open_view_requested.emit("deadlines", self.mentee_id)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(button_row(self.open_button))
        self.refresh()

    def refresh(self) -> None:
        rows = credentials_of(self.env.ctx, self.mentee_id, self.env.today())
        self.tree.clear()
        bold = self.tree.font()
        bold.setBold(True)
        for tier in TIER_ORDER:
            own = [r for r in rows if r.tier == tier]
            title = f"{TIER_TITLES[tier]} ({len(own)})" if own else f"{TIER_TITLES[tier]}: none"
            group = QTreeWidgetItem(self.tree, [title])
            group.setFirstColumnSpanned(True)
            group.setFont(NAME, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for row in own:
                self._add(group, row)
            group.setExpanded(True)

    def _add(self, group: QTreeWidgetItem, row: MenteeCredentialRow) -> None:
        texts = [
            row.kind_name, row.number, label(row.status), format_date(row.expires_on),
            when_cell(row),
        ]  # fmt: skip
        item = QTreeWidgetItem(group, texts)
        item.setData(NAME, ID_ROLE, row.credential_id)
        for column, text in enumerate(texts):
            item.setToolTip(column, text)
        colour = band_colour(row.band, self.tree.palette())
        if colour is not None:
            for column in range(len(HEADERS)):
                item.setBackground(column, QBrush(colour))

    def tier_rows(self, tier: Tier) -> list[list[str]]:
        """The texts shown under one tier (for tests and screen readers)."""
        group = self.tree.topLevelItem(TIER_ORDER.index(tier))
        assert group is not None  # refresh() makes one group per tier, in TIER_ORDER
        children = (group.child(n) for n in range(group.childCount()))
        return [
            [item.text(c) for c in range(len(HEADERS))] for item in children if item is not None
        ]
