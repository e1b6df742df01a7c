"""One mentee's nearest deadline in each of the three tiers (hospital, accreditation, government)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
)

from bridgedesk.domain.enums import Tier, label
from bridgedesk.ui.formatting import format_date, inner
from bridgedesk.ui.models.deadlines_model import (
    band_text,
    when_text,
)


class TierPanel(QGroupBox):
    """One mentee's nearest deadline in each tier, in words."""

    def __init__(self) -> None:
        super().__init__("Selected mentee")
        self.setAccessibleName("Selected mentee's deadlines by tier")
        self.who = QLabel("Select a row to see that mentee's three tiers.")
        self.who.setWordWrap(True)
        self.tiers: dict[Tier, QLabel] = {}
        form = QFormLayout()
        for tier in Tier:
            text = QLabel("—")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
            text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            text.setAccessibleName(f"{label(tier)} tier")
            self.tiers[tier] = text
            form.addRow(f"<b>{label(tier)}</b>", text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addLayout(form)
        layout.addStretch(1)

    def show_mentee(self, name: str, tiers: dict) -> None:
        self.who.setText(name)
        for tier, text in self.tiers.items():
            row = tiers.get(tier)
            if row is None:
                text.setText("No dated credential")
            else:
                band = "" if row.band == "lapsed" else f" · {band_text(row.band) or 'Later'}"
                text.setText(
                    f"{row.kind_name}: {inner(row.what)}\n"
                    f"{format_date(row.expires_on)} · {when_text(row.days_left)}{band}"
                )
            text.setAccessibleDescription(text.text())

    def clear(self) -> None:
        self.who.setText("Select a row to see that mentee's three tiers.")
        for text in self.tiers.values():
            text.setText("—")
