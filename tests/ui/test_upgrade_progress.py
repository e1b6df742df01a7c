"""The first start after an upgrade shows why it takes a while, and still opens the program."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from bridgedesk.bootstrap import open_program
from bridgedesk.errors import DatabaseError
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import RosterService
from bridgedesk.services.program_file.window_session import upgrade_due as needs_upgrade
from bridgedesk.ui.startup.upgrade_progress import run_with_progress

OLD_SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "schema_0001.db"


def _old_program(tmp_path) -> DataPaths:
    paths = DataPaths(tmp_path / "data").ensure()
    shutil.copyfile(OLD_SCHEMA, paths.database)
    return paths


def _progress_windows() -> list[QProgressDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def test_only_an_older_file_of_ours_needs_the_upgrade_window(tmp_path, data_paths):
    assert needs_upgrade(_old_program(tmp_path).database)
    assert not needs_upgrade(tmp_path / "missing.db")
    open_program(data_paths).db.dispose()
    assert not needs_upgrade(data_paths.database)  # already current
    text = tmp_path / "notes.db"
    text.write_text("not a database <&>", encoding="utf-8")
    assert not needs_upgrade(text)


def test_the_window_shows_while_the_work_runs_and_the_result_comes_back(qtbot):
    seen: list[str] = []
    release = threading.Event()

    def look() -> None:
        seen.extend(w.labelText() for w in _progress_windows())
        release.set()

    QTimer.singleShot(0, look)
    assert run_with_progress(lambda: release.wait(10) and 42) == 42
    assert seen and "Upgrading your program file" in seen[0]
    assert not _progress_windows()


def test_a_refusal_in_the_work_reaches_the_caller(qtbot):
    def refuse() -> None:
        raise DatabaseError("The program file could not be upgraded.")

    with pytest.raises(DatabaseError, match="could not be upgraded"):
        run_with_progress(refuse)
    assert not _progress_windows()


def test_an_old_program_is_upgraded_behind_the_window_and_keeps_its_data(qtbot, tmp_path):
    paths = _old_program(tmp_path)
    ctx = run_with_progress(lambda: open_program(paths))
    try:
        assert RosterService(ctx).count() == 2
        assert any("before-migration" in p.name for p in paths.backups.iterdir())
        assert not needs_upgrade(paths.database)
    finally:
        ctx.db.dispose()
