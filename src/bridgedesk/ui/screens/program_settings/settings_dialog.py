"""File ▸ Program settings: the program's details, its schedule, its sites and its exit reasons,
one tab each. Each tab saves on its own; Close leaves."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from bridgedesk.ui.screens.program_settings.details_page import DetailsPage
from bridgedesk.ui.screens.program_settings.exit_reasons_page import ExitReasonsPage
from bridgedesk.ui.screens.program_settings.schedule_page import SchedulePage
from bridgedesk.ui.screens.program_settings.sites_page import SitesPage
from bridgedesk.ui.view_env import ViewEnv

TABS = ("Details", "Schedule", "Sites", "Exit reasons")


class ProgramSettingsDialog(QDialog):
    changed = Signal()  # something was saved: the window's title and views may show it

    def __init__(self, env: ViewEnv, parent: QWidget | None = None, tab: str = "") -> None:
        super().__init__(parent)
        self.env = env
        self.setWindowTitle("Program settings — BridgeDesk")
        self.setAccessibleName("Program settings")
        self.resize(860, 700)
        self.details = DetailsPage(env)
        self.schedule = SchedulePage(env)
        self.sites = SitesPage(env)
        self.exit_reasons = ExitReasonsPage(env)
        self.tabs = QTabWidget()
        for title, page in zip(
            TABS, (self.details, self.schedule, self.sites, self.exit_reasons), strict=True
        ):
            self.tabs.addTab(page, title)
        if tab in TABS:
            self.tabs.setCurrentIndex(TABS.index(tab))
        self.details.saved.connect(self.changed.emit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def done(self, result: int) -> None:
        self.changed.emit()  # sites renamed or merged, reasons changed: views reload
        super().done(result)
