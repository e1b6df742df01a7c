"""Welcome page after an earlier damaged start, and restoring from it: the context accepts
the restored file and the window is told to close so the program reopens."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program_file import safety
from bridgedesk.services.program_file.startup_check import quarantine_if_damaged
from bridgedesk.ui.screens.welcome.welcome import WelcomeView
from bridgedesk.ui.view_env import ViewEnv
from tests.ui.conftest import TODAY

NAMES = [("Selam", "Tesfaye"), ("Priya", "Sharma"), ("Xiaoming", "Wang")]


def damaged_then_quit(paths: DataPaths):
    """Three mentees backed up, then the file damaged and set aside (the user chose Quit)."""
    ctx = open_program(paths, actor="tester")
    for given, family in NAMES:
        RosterService(ctx, clock=lambda: TODAY).create(
            MenteeFields(given_names=given, family_name=family, start_date=dt.date(2025, 7, 1))
        )
    ctx.db.dispose()
    good = safety.backup_now(paths).path
    paths.database.write_text("not a database", encoding="utf-8")
    assert quarantine_if_damaged(paths, now=dt.datetime(2026, 3, 10, 8, 15)) is not None
    return good


def make_welcome(qtbot, ctx, paths, dialogs) -> WelcomeView:
    view = WelcomeView(ViewEnv(ctx, paths, dialogs, today=lambda: TODAY))
    qtbot.addWidget(view)
    view.show()
    return view


def test_new_program_has_no_damage_line(qtbot, sqlite_ctx, data_paths, dialogs):
    view = make_welcome(qtbot, sqlite_ctx, data_paths, dialogs)
    assert not view.damage_note.isVisible() and not view.restore_good_button.isVisible()
    assert view.start_button.isDefault()


def test_earlier_damage_is_said_and_the_good_backup_restores(qtbot, data_paths, dialogs):
    good = damaged_then_quit(data_paths)
    ctx = open_program(data_paths, actor="tester")  # the next start: a fresh, empty file
    try:
        assert RosterService(ctx).count() == 0
        view = make_welcome(qtbot, ctx, data_paths, dialogs)
        taken = safety.backup_rows(data_paths)[0].taken_at
        assert view.damage_note.isVisible()
        assert view.damage_note.text() == (
            "An earlier program file was damaged and set aside on Mar 10, 2026. You can "
            f"restore the newest good backup ({taken:%b} {taken.day}, {taken.year}, 3 mentees)."
        )
        assert view.restore_good_button.isVisible() and view.restore_good_button.isDefault()
        dialogs.confirm_answer = True
        with qtbot.waitSignal(view.restored, timeout=10_000):
            qtbot.mouseClick(view.restore_good_button, Qt.MouseButton.LeftButton)
        assert dialogs.kinds() == ["confirm", "info"]
        assert "BridgeDesk will now close" in dialogs.messages[1][1]
        # the context was told about the new file: it reads and writes the restored program
        assert RosterService(ctx).count() == 3
        RosterService(ctx, clock=lambda: TODAY).create(
            MenteeFields(given_names="Olga", family_name="Ivanova", start_date=TODAY)
        )
    finally:
        ctx.db.dispose()
    reopened = open_program(data_paths, actor="tester")
    try:
        assert RosterService(reopened).count() == 4
    finally:
        reopened.db.dispose()
    assert good.exists()


def test_the_file_picker_starts_at_the_newest_good_backup(qtbot, data_paths, dialogs):
    good = damaged_then_quit(data_paths)
    ctx = open_program(data_paths, actor="tester")
    seen = []

    def pick(parent, title, folder, file_filter):
        seen.append(folder)
        return None  # cancelled

    dialogs.ask_open_path = pick
    try:
        view = make_welcome(qtbot, ctx, data_paths, dialogs)
        qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
        assert seen == [good] and dialogs.messages == []
        dialogs.confirm_answer = False  # declining the quick restore changes nothing
        qtbot.mouseClick(view.restore_good_button, Qt.MouseButton.LeftButton)
        assert RosterService(ctx).count() == 0
    finally:
        ctx.db.dispose()


def test_restore_from_a_chosen_file_keeps_the_context_usable(
    qtbot, sqlite_ctx, data_paths, dialogs
):
    RosterService(sqlite_ctx, clock=lambda: TODAY).create(
        MenteeFields(
            given_names="Mohammed",
            family_name="Abdullah",
            native_name="محمد عبد الله",
            start_date=TODAY,
        )
    )
    chosen = safety.backup_now(data_paths).path
    dialogs.open_path = chosen
    view = make_welcome(qtbot, sqlite_ctx, data_paths, dialogs)
    with qtbot.waitSignal(view.restored, timeout=10_000):
        qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
    assert dialogs.kinds() == ["info"]
    assert RosterService(sqlite_ctx).count() == 1  # no "file was replaced" refusal
