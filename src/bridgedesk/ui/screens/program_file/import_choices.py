"""What the user decides before an import writes: how each new mentee's schedule is planned,
and whether the sites the file names that the program lacks should be created.

A site the program does not have is never created quietly (a typo would become a site): the
dry run lists each, with the existing site it may be a misspelling of, and Import waits until
"Create these sites" is ticked.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.services.importing.database_checks import NewSite
from bridgedesk.services.timeline.schedule import PlanFrom
from bridgedesk.ui.formatting import plural

PLAN_WORDS = {
    PlanFrom.TODAY: "Plan from today (leave out check-ins and milestones already past)",
    PlanFrom.START: "Plan from the start date (past ones too, to log them late)",
}


class ImportChoices(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plan_box = QGroupBox("Each new mentee gets the program's check-ins and milestones")
        plan_row = QHBoxLayout(plan_box)
        self.plan_group = QButtonGroup(self)
        self.plan_buttons: dict[PlanFrom, QRadioButton] = {}
        for value, words in PLAN_WORDS.items():
            button = QRadioButton(words)
            button.setAccessibleName(words)
            self.plan_group.addButton(button)
            self.plan_buttons[value] = button
            plan_row.addWidget(button)
        plan_row.addStretch(1)
        self.plan_buttons[PlanFrom.TODAY].setChecked(True)
        self.sites_box = QGroupBox("Sites the program does not have yet")
        self.sites_text = QLabel()
        self.sites_text.setTextFormat(Qt.TextFormat.PlainText)
        self.sites_text.setWordWrap(True)
        self.sites_text.setAccessibleName("New sites named in the file")
        self.create_box = QCheckBox("Create these sites (otherwise correct them in the file)")
        self.create_box.toggled.connect(lambda _on: self.changed.emit())
        sites = QVBoxLayout(self.sites_box)
        sites.addWidget(self.sites_text)
        sites.addWidget(self.create_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(plan_box)
        layout.addWidget(self.sites_box)
        self.new_sites: list[NewSite] = []
        self.sites_box.hide()

    def show_new_sites(self, sites: Sequence[NewSite], word: str) -> None:
        self.new_sites = list(sites)
        self.create_box.setChecked(False)
        self.sites_box.setVisible(bool(sites))
        self.sites_box.setTitle(f"{plural(len(sites), 'site')} the program does not have yet")
        self.sites_text.setText("\n".join(site.describe(word) for site in sites))
        self.changed.emit()

    def plan_from(self) -> PlanFrom:
        return next(v for v, button in self.plan_buttons.items() if button.isChecked())

    def create_sites(self) -> bool:
        return bool(self.new_sites) and self.create_box.isChecked()

    def ready(self) -> bool:
        """Import may start: no new sites, or their creation confirmed."""
        return not self.new_sites or self.create_box.isChecked()
