"""Put the getting-started list above the views of a new program, its buttons wired to the window.

Kept apart from the panel so the panel knows nothing of the main window: this module says
what each step's button does there (the form, the import, the Mentors and Reports views,
Program settings, the guide).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QVBoxLayout, QWidget

from bridgedesk.errors import UserError
from bridgedesk.services.program import details
from bridgedesk.services.program import getting_started as service
from bridgedesk.ui.screens.welcome.getting_started_panel import GettingStartedPanel, Steps
from bridgedesk.ui.view_env import ViewEnv


class MainWindow(Protocol):
    """What this module uses of the main window (not imported: it imports this module)."""

    env: ViewEnv
    data_actions: Any

    def new_mentee(self) -> None: ...
    def show_view(self, key: str) -> QWidget: ...
    def installEventFilter(self, watcher: QObject) -> None: ...  # noqa: N802 - Qt's name


def _add_mentor(window: MainWindow) -> None:
    view = window.show_view("mentors")
    new_mentor = getattr(view, "new_mentor", None)
    if callable(new_mentor):
        new_mentor()


def _settings_tab(window: MainWindow) -> str:
    """Program settings opens where the step is left to do: the names, else the sites."""
    names = details.load(window.env.ctx)
    named = names.hospital_name and names.program_name and names.director_name
    return "Sites" if named else "Details"


def steps_in(window: MainWindow, menus: MenuSteps) -> Steps:
    return Steps(
        new_mentee=window.new_mentee,
        import_roster=window.data_actions.import_action.trigger,
        add_mentor=lambda: _add_mentor(window),
        program_details=lambda: menus.program_settings(_settings_tab(window)),
        first_report=lambda: window.show_view("reports"),
        read_guide=menus.guide,
    )


@dataclass(frozen=True)
class MenuSteps:
    """What the window's menus open (given by the window, which owns the menus)."""

    program_settings: Callable[[str], object]  # opens on the tab named
    guide: Callable[[], object]


def offer_getting_started(
    window: MainWindow, column: QVBoxLayout, menus: MenuSteps
) -> GettingStartedPanel | None:
    """The panel on top of ``column`` when the program is new and the list not hidden."""
    try:
        state = service.offer_if_new(window.env.ctx, window.env.today())
    except UserError:  # a read-only file or a lost server: the window opens without the list
        return None
    if not state.shown:
        return None
    panel = GettingStartedPanel(window.env, steps_in(window, menus))
    column.insertWidget(0, panel)
    panel.setVisible(True)  # parented now: a widget added to a shown window stays hidden
    panel.show_state(state)
    window.installEventFilter(panel)  # ticks follow what the dialogs saved
    return panel
