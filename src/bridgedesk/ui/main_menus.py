"""The main window's menus, toolbar and shortcuts, built in one place.

The window keeps to navigation; this module only makes its actions and arranges them. The
actions stay attributes of the window (``new_mentee_action``, ``view_actions``, ``app_lock``…)
because the lock controls, the welcome page and the tests reach them there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QToolBar, QWidget

from bridgedesk import APP_NAME
from bridgedesk.ui.lock.app_lock_controls import AppLockControls
from bridgedesk.ui.screens.program_file.data_actions import DataActions
from bridgedesk.ui.screens.registry import VIEWS
from bridgedesk.ui.undo import add_edit_menu

if TYPE_CHECKING:
    from bridgedesk.ui.main_window import MainWindow


def window_action(
    window: QMainWindow,
    text: str,
    slot: Callable[..., object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
) -> QAction:
    """An action on the window itself, so its shortcut works while the menus are closed."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def build_menus_and_toolbar(window: MainWindow) -> None:
    """File, Edit, View and Help menus and the main toolbar, in the order the user sees them."""
    env = window.env
    window.new_mentee_action = window_action(window, "&New mentee…", window.new_mentee, "Ctrl+N")
    window.quit_action = window_action(window, "&Quit", window.close, QKeySequence.StandardKey.Quit)
    window.find_action = window_action(
        window, "&Find mentee", window.focus_search, QKeySequence.StandardKey.Find
    )
    window.about_action = window_action(window, f"&About {APP_NAME}", window.show_about)
    window.guide_action = window_action(
        window,
        "&User guide",
        lambda: open_user_guide(window),
        QKeySequence.StandardKey.HelpContents,
    )
    window.guide_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # in dialogs too
    window.view_actions = [
        window_action(
            window,
            spec.title,
            lambda _=False, i=i: window.show_view(VIEWS[i].key),
            f"Ctrl+{i + 1}",
        )
        for i, spec in enumerate(VIEWS)
    ]
    menus = window.menuBar()
    file_menu = menus.addMenu("&File")
    file_menu.addAction(window.new_mentee_action)
    window.program_settings_action = window_action(
        window, "Program &settings…", lambda: open_program_settings(window)
    )
    file_menu.addAction(window.program_settings_action)
    file_menu.addSeparator()
    window.data_actions = DataActions(window, env)
    window.data_actions.imported.connect(window._after_import)
    window.data_actions.restored.connect(window.close)  # reopening loads the restored file
    file_menu.addActions([window.data_actions.import_action, window.data_actions.export_action])
    file_menu.addSeparator()
    file_menu.addActions([window.data_actions.backups_action, window.data_actions.database_action])
    file_menu.addSeparator()
    window.app_lock = AppLockControls(window, window.pages, env.paths, env.dialogs)
    file_menu.addActions([window.app_lock.lock_action, window.app_lock.passphrase_action])
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    assert env.undo is not None  # the main window makes its UndoHistory before its menus
    window.edit_actions = add_edit_menu(window, env.undo)
    view_menu = menus.addMenu("&View")
    view_menu.addActions(window.view_actions)
    view_menu.addSeparator()
    view_menu.addAction(window.find_action)
    help_menu = menus.addMenu("&Help")
    help_menu.addAction(window.guide_action)
    help_menu.addSeparator()
    help_menu.addAction(window.about_action)
    toolbar = QToolBar("Main toolbar")
    toolbar.setObjectName("main_toolbar")
    toolbar.setAccessibleName("Main toolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.addAction(window.new_mentee_action)
    toolbar.addAction(window.find_action)
    window.new_mentee_action.setToolTip("Add a mentee to the program (Ctrl+N)")
    window.find_action.setToolTip("Go to the search box of the Mentees view (Ctrl+F)")
    window.toolbar = toolbar
    window.addToolBar(toolbar)


def open_program_settings(window: MainWindow, tab: str = "") -> QDialog:
    """File ▸ Program settings: details, schedule, sites, exit reasons (window-modal)."""
    from bridgedesk.ui.screens.program_settings.settings_dialog import ProgramSettingsDialog

    dialog = ProgramSettingsDialog(window.env, window, tab)
    dialog.changed.connect(window.after_program_settings)
    dialog.finished.connect(lambda _code: dialog.deleteLater())
    window.program_settings_dialog = dialog
    dialog.open()
    return dialog


def guide_page(window: MainWindow) -> str:
    """The page F1 opens: the window in front's own page, else the view on screen."""
    from bridgedesk.ui.screens.help.help_pages import WELCOME_PAGE, page_for_view
    from bridgedesk.ui.screens.help.help_window import page_in_front

    if window.on_welcome:
        return WELCOME_PAGE
    return page_in_front() or page_for_view(window.current_key())


def open_user_guide(window: MainWindow, page: str = "") -> QWidget:
    """Help ▸ User guide (F1): the guide's window on ``page`` or on the page for the screen."""
    from bridgedesk.ui.screens.help.help_window import HelpWindow

    guide = window.help_window
    if not isinstance(guide, HelpWindow):
        guide = window.help_window = HelpWindow()
    guide.show_page(page or guide_page(window))
    return guide
