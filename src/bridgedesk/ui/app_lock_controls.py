"""File > Lock BridgeDesk (Ctrl+L) and Set passphrase…, the lock page, and locking when idle.

Locking switches the main window's ``pages`` to the lock screen, so the workspace and any form
with unsaved edits live on underneath; menus, the toolbar and every window shortcut are off
until the right passphrase is typed. Open forms in their own windows are covered too.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QStackedWidget, QWidget

from bridgedesk.paths import DataPaths
from bridgedesk.services import app_lock
from bridgedesk.ui.dialogs import Dialogs
from bridgedesk.ui.idle_watch import IdleWatch
from bridgedesk.ui.lock_screen import WRONG_PASSPHRASE, DialogCover, LockScreen
from bridgedesk.ui.passphrase_dialog import PassphraseDialog


class AppLockControls(QObject):
    locked_changed = Signal(bool)

    def __init__(
        self, window: QMainWindow, pages: QStackedWidget, paths: DataPaths, dialogs: Dialogs
    ) -> None:
        super().__init__(window)
        self.window, self.pages, self.paths, self.dialogs = window, pages, paths, dialogs
        self.lock_action = QAction("&Lock BridgeDesk", window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.request_lock)
        self.passphrase_action = QAction("Set &passphrase…", window)
        self.passphrase_action.triggered.connect(self.ask_passphrase)
        window.addActions([self.lock_action, self.passphrase_action])
        self.screen = LockScreen()
        self.screen.unlock_requested.connect(self.try_unlock)
        pages.addWidget(self.screen)
        self.idle = IdleWatch(app_lock.idle_minutes(paths), self)
        self.idle.idle.connect(self._lock_when_idle)
        self.idle.start()
        self._back_to: QWidget | None = None
        self._actions_off: list[QAction] = []
        self._covers: list[DialogCover] = []

    @property
    def is_locked(self) -> bool:
        return self._back_to is not None

    # -- locking ---------------------------------------------------------------------------
    def request_lock(self) -> None:
        """Ctrl+L: lock now; without a passphrase, offer to set one first."""
        if not app_lock.is_enabled(self.paths):
            if not self.dialogs.confirm(
                self.window,
                "No passphrase yet",
                "BridgeDesk needs a passphrase before it can lock. Set one now?",
                "Set passphrase…",
            ):
                return
            if not self.ask_passphrase() or not app_lock.is_enabled(self.paths):
                return
        self.lock()

    def _lock_when_idle(self) -> None:
        if app_lock.is_enabled(self.paths):
            self.lock()

    def lock(self) -> None:
        if self.is_locked:
            return
        self._back_to = self.pages.currentWidget()
        # Hidden, not disabled: disabling would disable forms opened from it (child windows).
        self._actions_off = [a for a in self.window.actions() if a.isEnabled()]
        for action in self._actions_off:
            action.setEnabled(False)
        self.window.menuBar().setEnabled(False)
        self.window.statusBar().hide()  # its counts and due items are program data too
        for toolbar in self._toolbars():
            toolbar.setEnabled(False)
        self.screen.reset()
        self.pages.setCurrentWidget(self.screen)
        self._covers = [DialogCover(d) for d in self._open_dialogs()]
        for cover in self._covers:
            cover.screen.unlock_requested.connect(self.try_unlock)
        self._focus_topmost()
        self.locked_changed.emit(True)

    def try_unlock(self, passphrase: str) -> bool:
        if not self.is_locked:
            return True
        if not app_lock.verify(self.paths, passphrase):
            for screen in self._screens():
                screen.show_problem(WRONG_PASSPHRASE)
            self._focus_topmost()
            return False
        for cover in self._covers:
            cover.remove()
        self._covers = []
        back, self._back_to = self._back_to, None
        assert back is not None
        self.pages.setCurrentWidget(back)
        self.window.menuBar().setEnabled(True)
        self.window.statusBar().show()
        for toolbar in self._toolbars():
            toolbar.setEnabled(True)
        for action in self._actions_off:
            action.setEnabled(True)
        self._actions_off = []
        self.screen.reset()
        self.idle.start()
        self.locked_changed.emit(False)
        return True

    # -- the passphrase --------------------------------------------------------------------
    def ask_passphrase(self) -> bool:
        dialog = PassphraseDialog(self.paths, self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self.idle.set_minutes(app_lock.idle_minutes(self.paths))
        return accepted

    # -- helpers ---------------------------------------------------------------------------
    def _toolbars(self) -> list[QWidget]:
        from PySide6.QtWidgets import QToolBar

        return list(self.window.findChildren(QToolBar))

    def _open_dialogs(self) -> list[QWidget]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible() and w is not self.window
        ]

    def _screens(self) -> list[LockScreen]:
        return [self.screen, *(cover.screen for cover in self._covers)]

    def _focus_topmost(self) -> None:
        modal = QApplication.activeModalWidget()
        for cover in self._covers:
            if cover.dialog is modal:
                cover.screen.field.setFocus()
                return
        self.screen.field.setFocus()
