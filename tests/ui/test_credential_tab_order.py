"""Tab through the credential dialog in reading order: a kind's own fields are made when the
kind is chosen, after the buttons, and still come before them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from bridgedesk.ui.screens.deadlines.credential_dialog import CredentialDialog
from bridgedesk.ui.view_env import ViewEnv

from .conftest import TODAY


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


def tab_stops(qtbot, dialog: QWidget, start: QWidget) -> list[QWidget]:
    """The widgets Tab gives the focus to, from ``start`` until it comes back round."""
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    stops: list[QWidget] = []
    for _ in range(60):
        dialog.focusNextChild()
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused is start:
            return stops
        assert focused not in stops, f"Tab goes round without {start.accessibleName()!r}"
        stops.append(focused)
    raise AssertionError("Tab never came back to where it started")


def test_the_kinds_own_fields_come_before_the_buttons(qtbot, env):
    dialog = CredentialDialog(env)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    with_fields = [i for i in range(dialog.kind.count()) if dialog.kind.itemData(i)]
    checked = 0
    for index in with_fields:
        dialog.kind.setCurrentIndex(index)
        editors = [e.focusProxy() or e for e in dialog.kind_fields.editors.values()]
        if not editors:
            continue
        qtbot.waitUntil(lambda eds=editors: all(e.isVisible() for e in eds))  # shown queued
        stops = tab_stops(qtbot, dialog, dialog.note)
        names = [w.accessibleName() for w in stops]
        missing = [e.accessibleName() for e in editors if e not in stops]
        assert missing == [], (missing, names)
        where = [stops.index(e) for e in editors]
        assert where == sorted(where), names
        assert max(where) < stops.index(dialog.cancel_button) < stops.index(dialog.save_button)
        assert where[0] == 0, names  # straight after the note
        checked += 1
    assert checked >= 2  # kinds with fields of their own (a board, a date certified)
