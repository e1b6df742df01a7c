"""Every view in the registry: no icon-only button and no toolbar button goes without a tooltip
that says more than its label."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QScrollBar,
    QStyle,
    QTabBar,
    QToolBar,
    QToolButton,
    QWidget,
)

from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.program import details as program_settings
from bridgedesk.services.program.details import ProgramSettings
from bridgedesk.ui.main_window import MainWindow
from bridgedesk.ui.screens.registry import VIEWS
from bridgedesk.ui.view_env import ViewEnv
from tests.ui.conftest import TODAY

QT_OWN_PARENTS = (QTabBar, QLineEdit, QAbstractSpinBox, QComboBox, QScrollBar, QHeaderView)
"""Buttons Qt makes inside its own widgets (tab scrollers, clear buttons, arrows)."""


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


def bare(text: str) -> str:
    return text.replace("&", "").rstrip("…. ").strip().casefold()


def untold_buttons(root: QWidget) -> list[str]:
    """Icon-only buttons without a tooltip, and toolbar buttons whose tooltip is their label."""
    found: list[str] = []
    for button in root.findChildren(QAbstractButton):
        parent = button.parentWidget()
        if isinstance(parent, QT_OWN_PARENTS) or button.objectName().startswith("qt_"):
            continue
        if isinstance(parent, QAbstractItemView) and not button.text():
            continue  # the table's corner button
        in_toolbar = isinstance(parent, QToolBar)
        if in_toolbar and isinstance(button, QToolButton) and button.defaultAction() is not None:
            if bare(button.toolTip()) == bare(button.defaultAction().text()):
                found.append(f"toolbar button {button.defaultAction().text()!r}")
        elif not button.text().strip() and not button.toolTip().strip():
            found.append(f"icon-only {type(button).__name__} {button.accessibleName()!r}")
    return found


def test_every_view_explains_its_icon_and_toolbar_buttons(qtbot, env, settings):
    ctx = env.ctx
    program_settings.save(ctx, ProgramSettings("Hillside", "IMG Bridge", "Dr Ruth Okafor"))
    RosterService(ctx, clock=env.today).create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", start_date=TODAY)
    )
    MentorService(ctx).create(MentorFields(name="Dr Carol Jensen"))
    window = MainWindow(env, settings)
    qtbot.addWidget(window)
    window.show()
    problems: list[str] = [f"main window: {p}" for p in untold_buttons(window.toolbar)]
    for spec in VIEWS:
        view = window.show_view(spec.key)
        problems += [f"{spec.title}: {p}" for p in untold_buttons(view)]
    assert problems == []
    assert window.toolbar.findChildren(QToolButton)  # the toolbar was really walked


def test_the_walk_catches_an_unexplained_icon_button(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    icon = page.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon)
    silent = QPushButton(QIcon(icon), "", page)
    silent.setAccessibleName("Delete")
    assert untold_buttons(page) == ["icon-only QPushButton 'Delete'"]
    silent.setToolTip("Delete the selected check-in")
    assert untold_buttons(page) == []


def test_the_walk_catches_a_toolbar_button_that_only_repeats_its_label(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    toolbar = QToolBar(page)
    action = toolbar.addAction("&Find mentee")
    assert untold_buttons(page) == ["toolbar button '&Find mentee'"]
    action.setToolTip("Go to the search box of the Mentees view (Ctrl+F)")
    assert untold_buttons(page) == []
