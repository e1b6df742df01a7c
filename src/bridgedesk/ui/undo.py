"""Edit ▸ Undo and Redo for the director's last quick actions (ratings, check-ins, insights).

Why not QUndoStack's own actions: a quick action has already happened when it is pushed, and
an undo can be refused (somebody changed the record since). So each step holds two callables,
the history runs one and only then moves the stack's index; a refused undo shows its sentence
and stays undoable. The commands themselves do nothing in ``undo()``/``redo()``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from bridgedesk.errors import UserError, ValidationError
from bridgedesk.ui.dialogs import Dialogs

UNDO_LIMIT = 50
MAX_TEXT = 60  # characters of a step's text shown in the menu
REDO_KEYS = ("Ctrl+Shift+Z", "Ctrl+Y")  # both, whatever the platform's habit


class _Step(QUndoCommand):
    """One done action: ``undo_now``/``redo_now`` do the work, the stack only keeps the place."""

    def __init__(self, text: str, undo: Callable[[], object], redo: Callable[[], object]) -> None:
        super().__init__(text)
        self.undo_now = undo
        self.redo_now = redo


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


class UndoHistory(QObject):
    """The app's undo stack. ``changed`` fires after a successful undo or redo (reload views)."""

    changed = Signal()
    steps_changed = Signal()  # what Undo/Redo would do now (menu texts)

    def __init__(self, dialogs: Dialogs, window: QWidget | None = None) -> None:
        super().__init__(window)
        self.dialogs = dialogs
        self.parent_widget = window  # parent of the error box
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(UNDO_LIMIT)
        # Relayed through this object: its connections end before its child stack is deleted.
        for signal in (
            self.stack.indexChanged,
            self.stack.undoTextChanged,
            self.stack.redoTextChanged,
        ):
            signal.connect(self._relay)

    def _relay(self, *_args: object) -> None:
        self.steps_changed.emit()

    def push(self, text: str, undo: Callable[[], object], redo: Callable[[], object]) -> None:
        """Remember an action that has ALREADY happened (nothing is run now)."""
        self.stack.push(_Step(_short(text), undo, redo))

    def can_undo(self) -> bool:
        return self.stack.canUndo()

    def can_redo(self) -> bool:
        return self.stack.canRedo()

    def undo_text(self) -> str:
        return self.stack.undoText()

    def redo_text(self) -> str:
        return self.stack.redoText()

    def undo(self) -> bool:
        """Undo the last step; on a refusal show the sentence and keep the step undoable."""
        index = self.stack.index()
        if index == 0:
            return False
        step = self.stack.command(index - 1)
        assert isinstance(step, _Step)
        if not self._run(step.undo_now):
            return False
        self.stack.undo()
        self.changed.emit()
        return True

    def redo(self) -> bool:
        """Redo the step last undone; on a refusal it stays redoable."""
        index = self.stack.index()
        if index >= self.stack.count():
            return False
        step = self.stack.command(index)
        assert isinstance(step, _Step)
        if not self._run(step.redo_now):
            return False
        self.stack.redo()
        self.changed.emit()
        return True

    def _run(self, work: Callable[[], object]) -> bool:
        try:
            work()
        except ValidationError as error:
            self.dialogs.error(self.parent_widget, " ".join(error.problems.values()))
            return False
        except UserError as error:
            self.dialogs.error(self.parent_widget, str(error))
            return False
        return True


class EditActions(QObject):
    """Edit ▸ Undo / Redo, their texts following the stack ("Undo rating of 2.1")."""

    def __init__(self, window: QMainWindow, history: UndoHistory) -> None:
        super().__init__(window)  # a child: its connection ends with the window
        self.history = history
        self.undo_action = QAction("&Undo", window)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))  # Ctrl+Z
        self.undo_action.triggered.connect(history.undo)
        self.redo_action = QAction("&Redo", window)
        self.redo_action.setShortcuts([QKeySequence(k) for k in REDO_KEYS])
        self.redo_action.triggered.connect(history.redo)
        for action in (self.undo_action, self.redo_action):
            window.addAction(action)  # the shortcuts work while the menu is closed
        history.steps_changed.connect(self.update)
        self.update()

    def update(self, *_args: object) -> None:
        undo, redo = self.history.undo_text(), self.history.redo_text()
        self.undo_action.setText(f"&Undo {undo}" if undo else "&Undo")
        self.redo_action.setText(f"&Redo {redo}" if redo else "&Redo")
        self.undo_action.setEnabled(self.history.can_undo())
        self.redo_action.setEnabled(self.history.can_redo())


def add_edit_menu(window: QMainWindow, history: UndoHistory) -> EditActions:
    """Append the Edit menu to the window's menu bar (call it right after the File menu)."""
    actions = EditActions(window, history)
    menu: QMenu = window.menuBar().addMenu("&Edit")
    menu.addActions([actions.undo_action, actions.redo_action])
    return actions
