"""The window runs the weekly full check in the background and warns only on damage."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from bridgedesk.services.program_file import routine_check as service
from bridgedesk.ui.startup import routine_check
from tests.safety.test_routine_check import _closed_program, _rot


def test_damage_found_in_the_background_is_one_warning(qtbot, tmp_path, dialogs):
    paths = _closed_program(tmp_path)
    _rot(paths.database)
    window = QWidget()
    qtbot.addWidget(window)
    assert routine_check.schedule(window, paths, dialogs, after_ms=0)
    qtbot.waitUntil(lambda: dialogs.messages != [], timeout=10_000)
    ((kind, text),) = dialogs.messages
    assert kind == "warn"
    assert text.startswith("The weekly check found damage in the program file (")
    assert "No good backup was found" in text


def test_a_sound_file_says_nothing_and_is_not_checked_again_for_a_week(qtbot, tmp_path, dialogs):
    paths = _closed_program(tmp_path)
    window = QWidget()
    qtbot.addWidget(window)
    assert routine_check.schedule(window, paths, dialogs, after_ms=0)
    qtbot.waitUntil(lambda: not service.full_check_due(paths), timeout=10_000)
    assert dialogs.messages == []
    assert not routine_check.schedule(window, paths, dialogs, after_ms=0)
