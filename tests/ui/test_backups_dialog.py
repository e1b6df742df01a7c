"""Backups dialog: mentee counts per backup, back up now, restore round trip, server note."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from bridgedesk.bootstrap import open_program
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program_file import safety
from bridgedesk.storage.backup import list_backups
from bridgedesk.ui.models.backups_model import MENTEES, REASON, format_size
from bridgedesk.ui.screens.program_file.backups_dialog import SERVER_NOTE, BackupsDialog
from bridgedesk.ui.view_env import ViewEnv
from tests.ui.conftest import TODAY


@pytest.fixture
def sqlite_env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


def add_mentee(ctx, given: str, family: str) -> int:
    return RosterService(ctx, clock=lambda: TODAY).create(
        MenteeFields(given_names=given, family_name=family, start_date=dt.date(2025, 7, 1))
    )


def make_dialog(qtbot, env, opened=None) -> BackupsDialog:
    dialog = BackupsDialog(env, open_url=(opened.append if opened is not None else print))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def shown(dialog, row, column) -> str:
    return dialog.model.index(row, column).data()


@pytest.fixture
def two_backups(sqlite_env):
    """A backup with one mentee, then one with two (newest first in the list)."""
    add_mentee(sqlite_env.ctx, "Selam", "Tesfaye")
    older = safety.backup_now(sqlite_env.paths, reason="manual").path
    add_mentee(sqlite_env.ctx, "Mohammed", "Abdullah")
    newer = safety.backup_now(sqlite_env.paths, reason="before-import").path
    return older, newer


def test_lists_backups_newest_first_with_their_mentee_counts(qtbot, sqlite_env, two_backups):
    dialog = make_dialog(qtbot, sqlite_env)
    assert dialog.model.rowCount() == 2
    assert [shown(dialog, r, MENTEES) for r in range(2)] == ["2", "1"]
    assert [shown(dialog, r, REASON) for r in range(2)] == ["before import", "manual"]
    assert dialog.selected().path == two_backups[1]
    assert dialog.restore_button.isEnabled()


def test_back_up_now_adds_a_row(qtbot, sqlite_env):
    add_mentee(sqlite_env.ctx, "Olga", "Ivanova")
    dialog = make_dialog(qtbot, sqlite_env)
    assert dialog.model.rowCount() == 0
    assert dialog.status.text() == "There are no backups yet."
    assert not dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and not dialog.busy, timeout=10_000)
    assert shown(dialog, 0, MENTEES) == "1"
    taken = list_backups(sqlite_env.paths.backups)[0].path
    assert dialog.status.text().startswith(f"Backup taken and checked: {taken.name}.")


def test_restore_brings_back_the_earlier_roster(qtbot, sqlite_env, two_backups, data_paths):
    older, _ = two_backups
    dialog = make_dialog(qtbot, sqlite_env)
    dialog.table.selectRow(1)
    assert dialog.selected().path == older
    sqlite_env.dialogs.confirm_answer = True
    with qtbot.waitSignal(dialog.restored, timeout=10_000) as restored:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert restored.args == [older]
    kind, question = sqlite_env.dialogs.messages[0]
    assert kind == "confirm"
    assert "kept as a backup first" in question and "with 1 mentee." in question
    assert "BridgeDesk will close" in question
    reopened = open_program(data_paths, actor="tester")
    try:
        assert RosterService(reopened).count() == 1
    finally:
        reopened.db.dispose()
    reasons = [b.reason for b in list_backups(data_paths.backups)]
    assert "before-restore" in reasons  # the replaced program was kept


def test_declining_the_restore_changes_nothing(qtbot, sqlite_env, two_backups):
    dialog = make_dialog(qtbot, sqlite_env)
    dialog.table.selectRow(1)
    sqlite_env.dialogs.confirm_answer = False
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert RosterService(sqlite_env.ctx).count() == 2
    assert len(list_backups(sqlite_env.paths.backups)) == 2


def test_open_folder_opens_the_selected_backups_folder(qtbot, sqlite_env, two_backups):
    opened: list = []
    dialog = make_dialog(qtbot, sqlite_env, opened)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(sqlite_env.paths.backups)]


def test_a_server_database_lists_nothing_and_says_how_it_is_backed_up(
    qtbot, ctx, data_paths, dialogs
):
    env = ViewEnv(ctx, data_paths, dialogs, today=lambda: TODAY)
    on_file = ctx.db.engine.dialect.name == "sqlite"
    if on_file:
        safety.backup_now(data_paths)
    dialog = make_dialog(qtbot, env)
    if on_file:
        assert dialog.model.rowCount() == 1 and dialog.table.isVisible()
    else:
        assert dialog.note.text() == SERVER_NOTE
        assert "pg_dump" in SERVER_NOTE
        assert dialog.model.rowCount() == 0 and not dialog.table.isVisible()
        assert not dialog.backup_button.isEnabled() and not dialog.restore_button.isEnabled()


@pytest.mark.parametrize(
    ("size", "text"), [(10, "1 KB"), (840 * 1024, "840 KB"), (int(12.5 * 1024 * 1024), "12.5 MB")]
)
def test_sizes_read_at_a_glance(size, text):
    assert format_size(size) == text
