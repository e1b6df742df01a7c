"""The shared restore runner: off the GUI thread, context accepts the file, one-sentence errors."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from bridgedesk.errors import UserError
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program_file import safety
from bridgedesk.ui.screens.program_file import restore_runner
from bridgedesk.ui.screens.welcome.welcome import WelcomeView
from bridgedesk.ui.view_env import ViewEnv
from tests.ui.conftest import TODAY


def _backup_with_one_mentee(ctx, paths):
    RosterService(ctx, clock=lambda: TODAY).create(
        MenteeFields(given_names="Ánh", family_name="Nguyễn Thị", start_date=TODAY)
    )
    return safety.backup_now(paths).path


def test_restore_runs_off_the_gui_thread_and_reports_a_sentence(qtbot, sqlite_ctx, data_paths):
    chosen = _backup_with_one_mentee(sqlite_ctx, data_paths)
    threads: list[threading.Thread] = []
    real = safety.restore_from

    def watched(paths, source):
        threads.append(threading.current_thread())
        return real(paths, source)

    safety.restore_from = watched
    done: list[str] = []
    try:
        restore_runner.start_restore(sqlite_ctx, data_paths, chosen, done.append, done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    finally:
        safety.restore_from = real
    assert threads and threads[0] is not threading.main_thread()
    assert done == [
        f"{chosen.name} was restored. BridgeDesk will now close; open it again to use it."
    ]
    assert RosterService(sqlite_ctx).count() == 1  # the context accepts the restored file


def test_unexpected_failure_is_one_sentence_and_logged(
    qtbot, sqlite_ctx, data_paths, dialogs, monkeypatch, caplog
):
    chosen = _backup_with_one_mentee(sqlite_ctx, data_paths)

    def broken(paths, source):
        raise RuntimeError("disk said no <b>&amp;</para>")

    monkeypatch.setattr(safety, "restore_from", broken)
    dialogs.open_path = chosen
    view = WelcomeView(ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY))
    qtbot.addWidget(view)
    view.show()
    qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialogs.kinds() == ["error"], timeout=10_000)
    message = dialogs.messages[0][1]
    assert (
        message
        == f"{chosen.name} could not be restored (RuntimeError); the details are in the log."
    )
    assert "disk said no" in caplog.text  # the detail is in the log, not the sentence
    assert view.restore_button.isEnabled()  # the page is usable again


def test_user_error_passes_through_unchanged(qtbot, sqlite_ctx, data_paths, monkeypatch):
    def refused(paths, source):
        raise UserError("That file is not a BridgeDesk backup.")

    monkeypatch.setattr(safety, "restore_from", refused)
    failed: list[str] = []
    restore_runner.start_restore(
        sqlite_ctx, data_paths, data_paths.database, lambda s: None, failed.append
    )
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    assert failed == ["That file is not a BridgeDesk backup."]
