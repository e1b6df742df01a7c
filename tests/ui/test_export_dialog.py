"""Export roster dialog: the personnel-data warning, then a file that round-trips names."""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess

import pytest
from PySide6.QtCore import Qt

from bridgedesk.services.importing.headers import EXPORT_HEADERS
from bridgedesk.services.importing.roster_import import import_roster
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.ui.screens.program_file.export_dialog import PRIVACY_WARNING, ExportDialog
from bridgedesk.ui.view_env import ViewEnv
from tests.safety.test_storage_faults import _fill
from tests.ui.conftest import TODAY
from tests.unit.roster_samples import sample_rows, write_csv

NAMES = [
    ("Selam", "Tesfaye", "ሰላም ተስፋዬ"),
    ("Mohammed", "Abdullah", "محمد عبد الله"),
    ("Xiaoming", "Wang", "王小明"),
]


@pytest.fixture
def sqlite_env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


def add_mentees(ctx) -> None:
    roster = RosterService(ctx, clock=lambda: TODAY)
    for given, family, native in NAMES:
        roster.create(
            MenteeFields(
                given_names=given,
                family_name=family,
                native_name=native,
                start_date=dt.date(2025, 7, 1),
                notes="<b>&amp;</para>",
            )
        )


def test_export_warns_then_writes_a_csv_that_round_trips_names(qtbot, sqlite_env, tmp_path):
    add_mentees(sqlite_env.ctx)
    dialog = ExportDialog(sqlite_env)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.warning.isVisible()
    assert dialog.warning.text() == PRIVACY_WARNING
    assert "personnel data" in dialog.warning.text()
    assert dialog.format_radios[".csv"].isChecked()
    target = tmp_path / "out" / "roster"  # no ending typed: the chosen format's is added
    target.parent.mkdir()
    sqlite_env.dialogs.save_path = target
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as exported:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    written = target.with_name("roster.csv")
    assert exported.args == [written, 3]
    with open(written, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == EXPORT_HEADERS
    native = EXPORT_HEADERS.index("Native name")
    assert [r[native] for r in rows[1:]] == [n for _, _, n in NAMES]
    assert ("info", f"Wrote 3 mentees to {written}.") in sqlite_env.dialogs.messages
    assert str(written) in dialog.result_label.text()


def test_export_to_excel_and_a_missing_folder_is_one_sentence(qtbot, sqlite_env, tmp_path):
    add_mentees(sqlite_env.ctx)
    dialog = ExportDialog(sqlite_env)
    qtbot.addWidget(dialog)
    dialog.format_radios[".xlsx"].setChecked(True)
    sqlite_env.dialogs.save_path = tmp_path / "nowhere" / "roster.xlsx"
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "error" in sqlite_env.dialogs.kinds(), timeout=10_000)
    assert "does not exist" in sqlite_env.dialogs.messages[-1][1]
    assert dialog.export_button.isEnabled()
    sqlite_env.dialogs.save_path = tmp_path / "roster.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "roster.xlsx", read_only=True).worksheets[0]
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[2][EXPORT_HEADERS.index("Native name")] == "محمد عبد الله"


def test_cancelling_the_save_dialog_writes_nothing(qtbot, sqlite_env, tmp_path):
    dialog = ExportDialog(sqlite_env)
    qtbot.addWidget(dialog)
    sqlite_env.dialogs.save_path = None
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.written is None and not dialog.busy
    assert sqlite_env.dialogs.messages == []


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs for the export only (the program file stays on the ordinary disk)."""
    assert os.geteuid() == 0, "this test mounts a tmpfs and must run as root (CI does)"
    point = tmp_path / "disk"
    point.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(point)], check=True)
    try:
        yield point
    finally:
        if subprocess.run(["umount", str(point)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(point)], check=True)


def test_full_disk_is_one_sentence_and_the_previous_export_stays(
    qtbot, sqlite_env, tmp_path, small_disk
):
    add_mentees(sqlite_env.ctx)
    dialog = ExportDialog(sqlite_env)
    qtbot.addWidget(dialog)
    dialog.format_radios[".xlsx"].setChecked(True)
    target = small_disk / "roster.xlsx"
    sqlite_env.dialogs.save_path = target
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    before = target.read_bytes()
    more = sample_rows(600)
    import_roster(
        sqlite_env.ctx, write_csv(tmp_path / "more.csv", more), today=TODAY, create_sites=True
    )
    _fill(small_disk)

    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "error" in sqlite_env.dialogs.kinds(), timeout=10_000)
    sentence = "There is not enough room on the disk for roster.xlsx; the earlier roster.xlsx is unchanged."
    assert sqlite_env.dialogs.messages[-1] == ("error", sentence)
    assert dialog.result_label.text() == sentence
    assert target.read_bytes() == before
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler.bin", "roster.xlsx"]
    assert dialog.export_button.isEnabled()
