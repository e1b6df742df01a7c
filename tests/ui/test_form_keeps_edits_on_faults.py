"""A save that the disk or the file refuses: one plain sentence, the typing stays in the form.

Real faults: a 3 MB tmpfs filled to the last byte, and the program file deleted under an open
window. The app keeps running and the same form saves once the fault is gone.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.storage import db_errors
from bridgedesk.ui.screens.mentees.mentee_form import MenteeForm
from bridgedesk.ui.view_env import ViewEnv
from tests.safety.test_storage_faults import _fill
from tests.ui.conftest import TODAY, RecordingDialogs

LONG_NOTE = ("ሰላም <b>&amp;</para> " * 600)[:9_999] + "."


@pytest.fixture
def disk(tmp_path):
    assert os.geteuid() == 0, "this test mounts a tmpfs and must run as root (CI does)"
    point = tmp_path / "disk"
    point.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(point)], check=True)
    try:
        yield point
    finally:
        if subprocess.run(["umount", str(point)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(point)], check=True)


@pytest.fixture
def window_env(disk):
    paths = DataPaths(disk / "data")
    ctx = open_program(paths, actor="tester")
    RosterService(ctx).create(
        MenteeFields(given_names="Amal", family_name="Awad", start_date=dt.date(2025, 7, 1))
    )
    env = ViewEnv(ctx, paths, RecordingDialogs(), today=lambda: TODAY)
    try:
        yield env
    finally:
        ctx.db.dispose()


def _type_new_mentee(qtbot, env: ViewEnv) -> MenteeForm:
    form = MenteeForm(env, None)
    qtbot.addWidget(form)
    form.editors["given_names"].setText("Selam")
    form.editors["family_name"].setText("Tesfaye")
    form.editors["native_name"].setText("ሰላም ተስፋዬ")
    form.editors["notes"].setPlainText(LONG_NOTE)
    return form


def test_full_disk_keeps_the_typed_record_and_saves_once_there_is_room(qtbot, window_env, disk):
    env = window_env
    with env.ctx.read() as session:  # an empty WAL, so the save must grow a file
        session.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    form = _type_new_mentee(qtbot, env)
    filler = _fill(disk)

    assert form.save() is False
    assert ("error", db_errors.DISK_FULL) in env.dialogs.messages
    assert form.editors["notes"].toPlainText() == LONG_NOTE
    assert form.editors["native_name"].text() == "ሰላም ተስፋዬ"
    assert RosterService(env.ctx).count() == 1

    filler.unlink()
    assert form.save() is True
    saved = RosterService(env.ctx).get(form.mentee_id)
    assert saved.fields.notes == LONG_NOTE and saved.fields.native_name == "ሰላም ተስፋዬ"


def test_file_removed_under_the_window_keeps_the_typing(qtbot, window_env):
    env = window_env
    form = _type_new_mentee(qtbot, env)
    for suffix in ("", "-wal", "-shm"):
        Path(str(env.paths.database) + suffix).unlink(missing_ok=True)

    assert form.save() is False
    assert ("error", db_errors.FILE_GONE) in env.dialogs.messages
    assert form.editors["notes"].toPlainText() == LONG_NOTE
    assert not env.paths.database.exists()  # no new empty file was made behind her back
