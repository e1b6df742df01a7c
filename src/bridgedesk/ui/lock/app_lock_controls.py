"""File > Lock BridgeDesk (Ctrl+L) and Set passphrase…, the lock page, and locking when idle.

Locking switches the main window's ``pages`` to the lock screen, so the workspace and any form
with unsaved edits live on underneath; menus, the toolbar and every window shortcut are off
until the right passphrase is typed. Open forms in their own windows are covered too, and so
is any dialog or message box that appears while locked (a background job finishing, say): an
application-wide event filter covers each new window as it is shown, before it is painted.

After a few wrong passphrases each try waits longer (``app_lock.retry_delay``), with Unlock
off and a line saying so. A damaged lock file keeps the lock on and says how to recover.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QStackedWidget, QWidget

from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import app_lock
from bridgedesk.ui.dialogs import Dialogs
from bridgedesk.ui.lock.idle_watch import IdleWatch
from bridgedesk.ui.lock.lock_screen import WRONG_PASSPHRASE, DialogCover, LockScreen, waiting_text
from bridgedesk.ui.lock.passphrase_dialog import PassphraseDialog


class AppLockControls(QObject):
    locked_changed = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        pages: QStackedWidget,
        paths: DataPaths,
        dialogs: Dialogs,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.clock = clock  # seconds; tests pass a fake one to skip the waits
        self.window, self.pages, self.paths, self.dialogs = window, pages, paths, dialogs
        self.lock_action = QAction("&Lock BridgeDesk", window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setToolTip("Hide the program until the passphrase is typed (Ctrl+L)")
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
        self.wrong_tries = 0
        self._wait_until = 0.0
        self._wait_timer = QTimer(self)
        self._wait_timer.setSingleShot(True)
        self._wait_timer.timeout.connect(self.refresh_wait)

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
        self._covers = []
        for dialog in self._open_dialogs():
            self._cover(dialog)
        app = QApplication.instance()
        assert app is not None  # there are windows to lock
        app.installEventFilter(self)  # windows shown while locked
        self._show_state()
        self._focus_topmost()
        self.locked_changed.emit(True)

    def _cover(self, dialog: QWidget) -> None:
        cover = DialogCover(dialog)
        cover.screen.unlock_requested.connect(self.try_unlock)
        dialog.destroyed.connect(lambda *_: self._forget(cover))
        self._covers.append(cover)

    def _forget(self, cover: DialogCover) -> None:
        if cover in self._covers:
            self._covers.remove(cover)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """While locked, cover every window about to appear (Show comes before painting)."""
        if (
            event.type() == QEvent.Type.Show
            and self.is_locked
            and isinstance(watched, QWidget)
            and self._needs_cover(watched)
        ):
            self._cover(watched)
            self._show_state()
            self._focus_topmost()
        return False

    def _needs_cover(self, widget: QWidget) -> bool:
        if not widget.isWindow() or widget is self.window or not self.window.isVisible():
            return False  # a closed main window (tests make many) covers nothing
        if widget.windowType() not in (
            Qt.WindowType.Window,
            Qt.WindowType.Dialog,
            Qt.WindowType.Sheet,
        ):
            return False  # menus, tooltips and pop-ups hold no program data
        owner = widget
        while (parent := owner.parentWidget()) is not None:
            owner = parent
        if isinstance(owner, QMainWindow) and owner is not self.window:
            return False  # another main window or its dialog: that window's lock decides
        return all(cover.dialog is not widget for cover in self._covers)

    def try_unlock(self, passphrase: str) -> bool:
        if not self.is_locked:
            return True
        if self.seconds_to_wait() > 0:  # Enter in the field during the wait: still no
            self._show_state()
            return False
        if app_lock.is_damaged(self.paths):  # fail closed: nothing to check against
            for screen in self._screens():
                screen.show_problem(app_lock.damaged_sentence(self.paths))
            self._focus_topmost()
            return False
        if not app_lock.verify(self.paths, passphrase):
            self.wrong_tries += 1
            self._wait_until = self.clock() + app_lock.retry_delay(self.wrong_tries)
            for screen in self._screens():
                screen.show_problem(WRONG_PASSPHRASE)
            self._show_state()
            self._focus_topmost()
            return False
        self.wrong_tries = 0
        self._wait_until = 0.0
        self._wait_timer.stop()
        app = QApplication.instance()
        assert app is not None  # there are windows to unlock
        app.removeEventFilter(self)
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

    # -- waiting after wrong passphrases, and a damaged lock file ----------------------------
    def seconds_to_wait(self) -> int:
        """Whole seconds (rounded up) before Unlock may be tried again; 0 when it may now."""
        left = self._wait_until - self.clock()
        return max(0, int(-(-left // 1)))

    def refresh_wait(self) -> None:
        """Turn Unlock back on when the wait is over (the timer calls this; tests may too)."""
        self._show_state()

    def _show_state(self) -> None:
        if not self.is_locked:
            return
        damaged = app_lock.is_damaged(self.paths)
        wait = self.seconds_to_wait()
        for screen in self._screens():
            if damaged:
                screen.problem.setText(app_lock.damaged_sentence(self.paths))
            screen.set_waiting("" if damaged or not wait else waiting_text(wait))
        if wait and not damaged:  # wake at the next whole second, so the count goes down
            left = self._wait_until - self.clock()
            self._wait_timer.start(int((left % 1 or 1) * 1000) + 1)

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
            if isinstance(w, QDialog) and w.isVisible()  # the main window is no QDialog
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
