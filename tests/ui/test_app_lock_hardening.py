"""The lock holds: windows that appear while locked are covered, guessing slows down, and a
damaged lock file keeps BridgeDesk locked with a sentence on how to recover."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QVBoxLayout

from bridgedesk.services.program_file import app_lock
from bridgedesk.ui.lock.lock_screen import WRONG_PASSPHRASE, DialogCover
from bridgedesk.ui.main_window import MainWindow

PASS = "correct horse 2026"
SECRET = "Mentee ሰላም ተስፋዬ: credential expired"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def open_locked(qtbot, env, settings) -> MainWindow:
    app_lock.set_passphrase(env.paths, PASS)
    window = MainWindow(env, settings)
    qtbot.addWidget(window)
    window.show()
    window.app_lock.lock()
    assert window.app_lock.is_locked
    return window


def _unlock(qtbot, screen, text: str) -> None:
    screen.field.clear()
    qtbot.keyClicks(screen.field, text)
    screen.unlock_button.click()


def test_a_dialog_opened_after_locking_is_covered_until_unlock(qtbot, env, settings, configured):
    window = open_locked(qtbot, env, settings)
    late = QDialog(window)  # e.g. a background job's result, arriving while locked
    late.setWindowTitle("Import finished")
    label = QLabel(SECRET, late)
    QVBoxLayout(late).addWidget(label)
    late.show()
    qtbot.waitExposed(late)
    cover = late.findChild(DialogCover)
    assert cover is not None and cover.screen.isVisible()
    assert cover.screen.geometry() == late.rect()  # the whole dialog, data and all
    assert not label.isEnabled() and late.windowTitle() == "BridgeDesk (locked)"
    late.close()  # closing is refused while locked, so the result is not lost
    assert late.isVisible()

    _unlock(qtbot, cover.screen, PASS)
    assert not window.app_lock.is_locked
    assert late.findChild(DialogCover) is None or not cover.screen.isVisible()
    assert label.isEnabled() and late.windowTitle() == "Import finished"
    # after unlocking, new dialogs are left alone
    fresh = QDialog(window)
    fresh.show()
    assert fresh.findChild(DialogCover) is None


def test_a_message_box_shown_modally_while_locked_is_covered(qtbot, env, settings, configured):
    window = open_locked(qtbot, env, settings)
    seen: dict[str, object] = {}

    def inspect_then_unlock() -> None:
        box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
        cover = box.findChild(DialogCover)
        seen["covered"] = cover is not None and cover.screen.isVisible()
        seen["title"] = box.windowTitle()
        _unlock(qtbot, cover.screen, PASS)
        seen["after"] = box.windowTitle()
        box.accept()

    QTimer.singleShot(0, inspect_then_unlock)
    QMessageBox.information(window, "Backup finished", SECRET)  # blocks until accepted
    assert seen == {"covered": True, "title": "BridgeDesk (locked)", "after": "Backup finished"}
    assert not window.app_lock.is_locked


def test_wrong_passphrases_make_unlock_wait_longer_each_time(qtbot, env, settings, configured):
    window = open_locked(qtbot, env, settings)
    controls, screen = window.app_lock, window.app_lock.screen
    clock = FakeClock()
    controls.clock = clock
    for _ in range(2):
        _unlock(qtbot, screen, "wrong guess")
        assert screen.unlock_button.isEnabled() and screen.problem.text() == WRONG_PASSPHRASE
    _unlock(qtbot, screen, "wrong guess")  # the third wrong one: wait 1 s
    assert not screen.unlock_button.isEnabled()
    assert screen.problem.text() == "Too many wrong passphrases: wait 1 second, then try again."
    assert not controls.try_unlock(PASS)  # even the right one is not checked during the wait
    assert controls.is_locked

    clock.now += 1.0
    controls.refresh_wait()
    assert screen.unlock_button.isEnabled()
    _unlock(qtbot, screen, "wrong again")  # the fourth: 2 s
    assert screen.problem.text() == "Too many wrong passphrases: wait 2 seconds, then try again."
    clock.now += 1.0
    controls.refresh_wait()
    assert screen.problem.text() == "Too many wrong passphrases: wait 1 second, then try again."
    clock.now += 1.0
    controls.refresh_wait()
    _unlock(qtbot, screen, "still wrong")  # the fifth: 4 s
    assert "wait 4 seconds" in screen.problem.text()
    for _ in range(10):  # never more than 30 s
        clock.now += 60.0
        controls.refresh_wait()
        _unlock(qtbot, screen, "wrong")
    assert "wait 30 seconds" in screen.problem.text()

    clock.now += 30.0
    controls.refresh_wait()
    _unlock(qtbot, screen, PASS)
    assert not controls.is_locked and controls.wrong_tries == 0


def test_damaged_lock_file_keeps_it_locked_and_says_how_to_recover(
    qtbot, env, settings, configured
):
    window = open_locked(qtbot, env, settings)
    app_lock.lock_file(env.paths).write_text("{damaged", encoding="utf-8")
    screen = window.app_lock.screen
    _unlock(qtbot, screen, PASS)
    assert window.app_lock.is_locked
    assert screen.problem.text() == app_lock.damaged_sentence(env.paths)
    assert "remove that file" in screen.problem.text()
    # locking again (e.g. when idle) shows the sentence at once
    app_lock.lock_file(env.paths).unlink()
    app_lock.set_passphrase(env.paths, PASS)
    _unlock(qtbot, screen, PASS)
    assert not window.app_lock.is_locked
    app_lock.lock_file(env.paths).write_text("[]", encoding="utf-8")
    assert app_lock.is_enabled(env.paths)  # fail closed: the idle lock still locks
    window.app_lock._lock_when_idle()
    assert window.app_lock.is_locked
    assert screen.problem.text() == app_lock.damaged_sentence(env.paths)
    app_lock.lock_file(env.paths).unlink()  # the recovery the sentence describes
    app_lock.set_passphrase(env.paths, PASS)
    _unlock(qtbot, screen, PASS)
    assert not window.app_lock.is_locked
