"""The welcome page at 1366x768: the name fields keep their natural height, centred, with
and without the earlier-damage notice and with every field's problem shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from bridgedesk.bootstrap import open_program
from bridgedesk.services.program import details as program_settings
from bridgedesk.ui.screens.welcome.welcome import WelcomeView
from bridgedesk.ui.view_env import ViewEnv
from tests.ui.conftest import TODAY
from tests.ui.test_welcome_recovery import damaged_then_quit


def shown_at_laptop_size(qtbot, ctx, paths, dialogs) -> tuple[QMainWindow, WelcomeView]:
    view = WelcomeView(ViewEnv(ctx, paths, dialogs, today=lambda: TODAY))
    window = QMainWindow()
    window.setCentralWidget(view)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window, view


def assert_calm(window: QMainWindow, view: WelcomeView) -> None:
    edits = [row.editor for row in view.rows.values()]
    for row in view.rows.values():  # the row, not only the input, must be tall enough:
        natural = row.editor.sizeHint().height()  # a short row clips the input it holds
        assert row.editor.height() >= natural, row.editor.accessibleName()
        assert row.height() >= row.sizeHint().height() >= natural
        if row.message.isVisible():
            assert row.message.geometry().top() > row.editor.geometry().bottom()
            assert row.message.geometry().bottom() < row.height()
    tops = [e.mapTo(window, e.rect().topLeft()).y() for e in edits]
    bottoms = [e.mapTo(window, e.rect().bottomLeft()).y() for e in edits]
    assert all(b < t for b, t in zip(bottoms, tops[1:], strict=False))  # no overlap
    # the column is centred left to right and nothing falls below the window
    first = edits[0]
    buttons = view.restore_button.mapTo(window, view.restore_button.rect().bottomRight())
    left = view.start_button.mapTo(window, view.start_button.rect().topLeft()).x()
    assert abs(left - (window.width() - buttons.x())) <= 2
    assert buttons.y() < window.height()
    assert first.width() > 300


def test_plain_first_start_fields_have_natural_height(qtbot, sqlite_ctx, data_paths, dialogs):
    window, view = shown_at_laptop_size(qtbot, sqlite_ctx, data_paths, dialogs)
    assert not view.damage_panel.isVisible()
    assert_calm(window, view)
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)  # all three missing
    assert all(row.problem() for row in view.rows.values())
    qtbot.waitUntil(lambda: all(r.message.isVisible() for r in view.rows.values()))
    assert_calm(window, view)
    assert program_settings.load(sqlite_ctx).program_name == ""


def test_with_earlier_damage_fields_have_natural_height(qtbot, data_paths, dialogs):
    damaged_then_quit(data_paths)
    ctx = open_program(data_paths, actor="tester")
    try:
        window, view = shown_at_laptop_size(qtbot, ctx, data_paths, dialogs)
        assert view.damage_panel.isVisible() and view.damage_note.isVisible()
        note = view.damage_note
        assert note.height() >= note.heightForWidth(note.width())  # the whole line shows
        assert_calm(window, view)
        for row, text in zip(
            view.rows.values(), ("ሰላም ተስፋዬ", "王小明", "محمد عبد الله"), strict=True
        ):
            row.editor.setText(text)  # QTest types Latin-1 only; IME text arrives whole
        qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
        assert program_settings.load(ctx).director_name == "محمد عبد الله"
    finally:
        ctx.db.dispose()
