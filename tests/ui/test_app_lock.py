"""Locking the window keeps unsaved edits, needs the right passphrase, and happens when idle."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program_file import app_lock
from bridgedesk.ui.lock.lock_screen import WRONG_PASSPHRASE, DialogCover
from bridgedesk.ui.lock.passphrase_dialog import PassphraseDialog
from bridgedesk.ui.main_window import MainWindow

PASS = "correct horse 2026"  # typed with QTest, which only knows Latin keys
NOTE = "half-written: ሰላም ተስፋዬ <b>&amp;</para> typed"


def open_window(qtbot, env, settings) -> MainWindow:
    window = MainWindow(env, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _mentee(ctx) -> int:
    fields = MenteeFields(given_names="Olga", family_name="Ivanova", start_date=dt.date(2026, 1, 5))
    return RosterService(ctx).create(fields)


def _type_and_enter(qtbot, screen, text: str) -> None:
    screen.field.clear()
    qtbot.keyClicks(screen.field, text)
    qtbot.keyClick(screen.field, Qt.Key.Key_Return)


def test_lock_keeps_the_typed_text_and_only_the_right_passphrase_unlocks(
    qtbot, env, settings, configured
):
    app_lock.set_passphrase(env.paths, PASS)
    mentee_id = _mentee(env.ctx)
    window = open_window(qtbot, env, settings)
    window.open_mentee(mentee_id)
    form = window.roster().current_form
    notes = form.editors["notes"]
    notes.insertPlainText(NOTE[:-8])  # QTest cannot type Ethiopic; the end is typed as keys
    qtbot.keyClicks(notes, NOTE[-8:])
    window.app_lock.lock_action.trigger()

    controls = window.app_lock
    assert controls.is_locked
    assert window.pages.currentWidget() is controls.screen
    assert not window.menuBar().isEnabled() and not window.toolbar.isEnabled()
    assert not window.new_mentee_action.isEnabled() and not window.find_action.isEnabled()
    assert form.isVisible()  # kept alive, only covered
    cover = form.findChild(DialogCover)
    assert cover is not None and cover.screen.isVisible()
    assert not form.save_button.isEnabled()
    assert form.windowTitle() == "BridgeDesk (locked)"

    _type_and_enter(qtbot, cover.screen, "wrong passphrase")
    qtbot.keyClick(cover.screen.field, Qt.Key.Key_Escape)  # must not close the form
    assert controls.is_locked and form.isVisible()
    assert cover.screen.problem.text() == WRONG_PASSPHRASE
    assert controls.screen.problem.text() == WRONG_PASSPHRASE
    assert cover.screen.field.text() == ""

    _type_and_enter(qtbot, cover.screen, PASS)
    assert not controls.is_locked
    assert window.pages.currentWidget() is window.workspace
    assert window.menuBar().isEnabled() and window.toolbar.isEnabled()
    assert window.new_mentee_action.isEnabled() and controls.lock_action.isEnabled()
    assert form.save_button.isEnabled() and form.windowTitle() == "Olga Ivanova — BridgeDesk"
    assert form.editors["notes"].toPlainText() == NOTE
    assert form.is_dirty()
    assert form.save()
    assert RosterService(env.ctx).get(mentee_id).fields.notes == NOTE


def test_lock_page_in_the_main_window_unlocks_with_the_button(qtbot, env, settings, configured):
    app_lock.set_passphrase(env.paths, PASS)
    window = open_window(qtbot, env, settings)
    window.show_view("mentors")
    window.app_lock.lock()
    screen = window.app_lock.screen
    qtbot.keyClicks(screen.field, "nope nope")
    screen.unlock_button.click()
    assert window.app_lock.is_locked and screen.problem.text() == WRONG_PASSPHRASE
    assert not window.statusBar().isVisible()  # no counts or due items while locked
    qtbot.keyClicks(screen.field, PASS)
    screen.unlock_button.click()
    assert not window.app_lock.is_locked
    assert window.current_key() == "mentors" and screen.problem.text() == ""
    assert window.statusBar().isVisible()


def test_lock_without_a_passphrase_offers_to_set_one(qtbot, env, settings, configured, dialogs):
    window = open_window(qtbot, env, settings)
    dialogs.confirm_answer = False
    window.app_lock.lock_action.trigger()
    assert dialogs.kinds() == ["confirm"]
    assert "needs a passphrase" in dialogs.messages[0][1]
    assert not window.app_lock.is_locked
    assert window.app_lock.lock_action.shortcut().toString() == "Ctrl+L"


def test_locks_itself_when_idle_only_with_a_passphrase(qtbot, env, settings, configured):
    window = open_window(qtbot, env, settings)
    idle = window.app_lock.idle
    with qtbot.waitSignal(idle.idle, timeout=2000):
        idle.set_interval_ms(5)
    assert not window.app_lock.is_locked  # no passphrase: nothing to lock with
    app_lock.set_passphrase(env.paths, PASS)
    idle.set_interval_ms(5)
    qtbot.waitUntil(lambda: window.app_lock.is_locked, timeout=2000)
    assert window.pages.currentWidget() is window.app_lock.screen


def test_input_restarts_the_idle_countdown(qtbot, env, settings, configured):
    window = open_window(qtbot, env, settings)
    idle = window.app_lock.idle
    idle.set_interval_ms(60_000)
    idle.timer.stop()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert idle.timer.isActive() and idle.timer.remainingTime() > 50_000


def test_passphrase_dialog_checks_repeat_and_current(qtbot, data_paths):
    dialog = PassphraseDialog(data_paths)
    qtbot.addWidget(dialog)
    assert not dialog.remove_button.isVisibleTo(dialog)
    dialog.new.setText(PASS)
    dialog.repeat.setText(PASS + "x")
    assert not dialog.save()
    assert dialog.problem.text() == "The two new passphrases are not the same."
    dialog.repeat.setText(PASS)
    dialog.idle.setValue(0)
    assert dialog.save()
    assert app_lock.verify(data_paths, PASS) and app_lock.idle_minutes(data_paths) == 0

    change = PassphraseDialog(data_paths)
    qtbot.addWidget(change)
    change.new.setText("a brand new one")
    change.repeat.setText("a brand new one")
    assert not change.save()
    assert change.problem.text() == "The current passphrase is not right."
    assert app_lock.verify(data_paths, PASS)
    change.current.setText(PASS)
    assert change.save()
    assert app_lock.verify(data_paths, "a brand new one")

    off = PassphraseDialog(data_paths)
    qtbot.addWidget(off)
    off.current.setText("a brand new one")
    assert off.turn_off()
    assert not app_lock.is_enabled(data_paths)
