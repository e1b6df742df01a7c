"""Import roster dialog: every problem with its line and column, all-or-nothing, backup first."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt

from bridgedesk.services.importing.preview import WHOLE_FILE, column_of, split_reason
from bridgedesk.services.importing.with_backup import import_with_backup
from bridgedesk.services.mentees.roster import RosterService
from bridgedesk.storage.backup import list_backups, mentee_count
from bridgedesk.ui.models.import_preview_model import COLUMN, LINE, PROBLEM
from bridgedesk.ui.screens.program_file.import_dialog import CancelGate, ImportDialog
from bridgedesk.ui.view_env import ViewEnv
from tests.ui.conftest import TODAY
from tests.unit.hostile_files import LEGACY, legacy_csv, workbook_with_sheets

HEADER = ["Given names", "Family name", "Native name", "Start date", "Notes"]
ETHIOPIC = "ሰላም ተስፋዬ"
ARABIC = "محمد عبد الله"


@pytest.fixture
def sqlite_env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


def write_csv(path, rows, header=HEADER):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def checked_dialog(qtbot, env, path) -> ImportDialog:
    dialog = ImportDialog(env)
    qtbot.addWidget(dialog)
    dialog.show()
    env.dialogs.open_path = path
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    return dialog


def shown(dialog, row, column) -> str:
    return dialog.model.index(row, column).data()


def test_bad_rows_are_listed_by_line_and_column_and_nothing_is_imported(
    qtbot, sqlite_env, tmp_path
):
    before = RosterService(sqlite_env.ctx).count()
    path = write_csv(
        tmp_path / "roster.csv",
        [
            ["Selam", "Tesfaye", ETHIOPIC, "2025-07-01", "x" * 10_000],  # line 2: fine
            ["Mohammed", "Abdullah", ARABIC, "2025-02-30", ""],  # line 3: no such date
            ["", "Sharma", "प्रिया शर्मा", "2025-07-01", ""],  # line 4: no given names
            ["Olga", "Ivanova", "Ольга Иванова", "", "<b>&amp;</para>"],  # line 5: no date
        ],
    )
    dialog = checked_dialog(qtbot, sqlite_env, path)
    problems = [
        (shown(dialog, r, LINE), shown(dialog, r, COLUMN), shown(dialog, r, PROBLEM))
        for r in range(dialog.model.rowCount())
    ]
    assert [(line, column) for line, column, _ in problems] == [
        ("3", "Start date"),
        ("4", "Given names"),
        ("5", "Start date"),
    ]
    assert "2025-02-30" in problems[0][2]
    assert "3 problems on 3 lines" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.recheck_button.isEnabled()
    assert RosterService(sqlite_env.ctx).count() == before
    assert list_backups(sqlite_env.paths.backups) == []


def test_a_native_script_name_shows_in_the_problem_text(qtbot, sqlite_env, tmp_path):
    path = write_csv(
        tmp_path / "names.csv", [[ETHIOPIC.split()[0], "2025-07-01"]], ["Name", "Start"]
    )
    dialog = checked_dialog(qtbot, sqlite_env, path)
    assert dialog.model.rowCount() == 1
    assert shown(dialog, 0, COLUMN) == "Full name"
    assert ETHIOPIC.split()[0] in shown(dialog, 0, PROBLEM)


def test_a_file_that_is_not_csv_says_where_it_breaks(qtbot, sqlite_env, tmp_path):
    path = tmp_path / "huge-cell.csv"
    path.write_text(
        "Given names,Family name,Start date\nAnn,Lee,2025-01-01\n" + f'Bob,"{"y" * 200_000}",x\n',
        encoding="utf-8",
    )
    dialog = checked_dialog(qtbot, sqlite_env, path)
    assert dialog.model.rowCount() == 1
    assert shown(dialog, 0, COLUMN) == WHOLE_FILE
    assert shown(dialog, 0, LINE) == "3"
    assert "not valid CSV" in shown(dialog, 0, PROBLEM)
    assert not dialog.import_button.isEnabled()


def test_clean_file_imports_native_names_after_a_backup(qtbot, sqlite_env, tmp_path):
    roster = RosterService(sqlite_env.ctx)
    before = roster.count()
    path = write_csv(
        tmp_path / "new.csv",
        [
            ["Selam", "Tesfaye", ETHIOPIC, "2025-07-01", ""],
            ["Mohammed", "Abdullah", ARABIC, "2025-08-15", "<b>&amp;</para>"],
        ],
    )
    dialog = checked_dialog(qtbot, sqlite_env, path)
    assert dialog.model.rowCount() == 0
    assert "2 new mentees would be added" in dialog.summary.text()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args == [2]
    assert roster.count() == before + 2
    assert {roster.get(i).fields.native_name for i, _ in roster.find("Tesfaye")} == {ETHIOPIC}
    assert {roster.get(i).fields.native_name for i, _ in roster.find("Abdullah")} == {ARABIC}
    backups = list_backups(sqlite_env.paths.backups)
    assert [b.reason for b in backups] == ["before-import"]
    assert mentee_count(backups[0].path) == before  # taken before anything was written
    kind, text = sqlite_env.dialogs.messages[-1]
    assert kind == "info"
    assert text == (
        "Imported 2 mentees. Planned 26 check-ins and 10 milestones from today. "
        f"A backup was taken first: {backups[0].path.name}."
    )
    assert not dialog.import_button.isEnabled()  # the same file cannot be imported twice


def test_cancel_before_the_write_imports_nothing(sqlite_env, tmp_path):
    before = RosterService(sqlite_env.ctx).count()
    path = write_csv(tmp_path / "new.csv", [["Ann", "Lee", "", "2025-07-01", ""]])
    gate = CancelGate()
    assert gate.cancel()
    stages: list[str] = []
    env = sqlite_env
    outcome = import_with_backup(
        env.ctx, env.paths, path, TODAY, gate.begin, on_stage=stages.append
    )
    assert outcome.cancelled and outcome.count == 0
    assert RosterService(env.ctx).count() == before
    assert stages[-1] == "Taking a backup of the program first…"  # the import never began
    assert not [s for s in stages if s.startswith("Importing")]


def test_cancel_after_the_write_began_is_refused():
    gate = CancelGate()
    assert gate.begin()
    assert not gate.cancel()
    assert gate.started and not gate.cancelled


@pytest.mark.parametrize(
    ("problem", "column"),
    [
        ("the start date 2025-02-30 is not a real date", "Start date"),
        ("the family name cell is empty", "Family name"),
        ("the visa is 300 characters long (at most 120)", "Visa"),
        ("the graduation year 'abc' is not a year", "Graduation year"),
        ("duplicate of line 3", "Name and start date"),
        ("already on the roster as #7", "Name and start date"),
    ],
)
def test_problem_sentences_name_their_column(problem, column):
    assert column_of(problem) == column


def test_a_problem_holding_a_semicolon_stays_one_problem():
    reason = (
        "the start date 31/31/2025 is month/day but line 5 of the same column is day/month; "
        "use one order (or ISO dates like 2025-07-01); the role 'consultant' is not resident "
        "or attending"
    )
    problems = split_reason(7, reason)
    assert [(p.line, p.column) for p in problems] == [(7, "Start date"), (7, "Role")]
    assert problems[0].message.endswith("use one order (or ISO dates like 2025-07-01)")


def test_more_than_fifty_bad_rows_are_all_listed(qtbot, sqlite_env, tmp_path):
    rows = [
        [f"Name{i}", "Lee", "", "2025-02-30" if i % 2 else "2025-07-01", ""] for i in range(240)
    ]
    dialog = checked_dialog(qtbot, sqlite_env, write_csv(tmp_path / "many.csv", rows))
    assert dialog.model.rowCount() == 120
    assert [shown(dialog, r, LINE) for r in range(120)] == [str(i + 2) for i in range(1, 240, 2)]
    assert "120 problems on 120 lines" in dialog.summary.text()


def test_a_utf8_file_shows_its_encoding_and_the_first_name(qtbot, sqlite_env, tmp_path):
    path = write_csv(tmp_path / "r.csv", [["Selam", "Tesfaye", ETHIOPIC, "2025-07-01", ""]])
    dialog = checked_dialog(qtbot, sqlite_env, path)
    assert "Read as UTF-8 text; the first mentee reads “Selam Tesfaye”." in dialog.summary.text()
    assert dialog.encoding_box.isVisible() and dialog.encoding_box.currentData() is None
    assert not dialog.sheet_box.isVisible()


def test_a_legacy_encoding_is_refused_until_chosen_then_imports_the_names(
    qtbot, sqlite_env, tmp_path
):
    codec, names, label, option = LEGACY[1]  # KOI8-R
    path = legacy_csv(tmp_path / "koi8.csv", codec, names)
    dialog = checked_dialog(qtbot, sqlite_env, path)
    assert dialog.model.rowCount() == 1 and shown(dialog, 0, COLUMN) == WHOLE_FILE
    assert shown(dialog, 0, PROBLEM).endswith(f"or choose {label} under Encoding.")
    assert "choose the encoding of koi8.csv above" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.encoding_box.isVisible()

    dialog.encoding_box.setCurrentIndex(dialog.encoding_box.findData(option))  # rechecks
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=10_000)
    assert dialog.model.rowCount() == 0
    assert f"Read as {label} text; the first mentee reads “Ольга Иванова”." in (
        dialog.summary.text()
    )
    roster = RosterService(sqlite_env.ctx)
    before = roster.count()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert roster.count() == before + len(names)
    assert [n for n, _ in roster.find("Иванова")] and [n for n, _ in roster.find("Новикова")]


def test_a_workbook_with_several_sheets_offers_them_and_imports_the_chosen_one(
    qtbot, sqlite_env, tmp_path
):
    roster_rows = [["Given names", "Family name", "Start date"], ["Selam", "Tesfaye", "2025-07-01"]]
    path = workbook_with_sheets(
        tmp_path / "two.xlsx", [("Notes", [["Read me first"]]), ("Roster", roster_rows)]
    )
    dialog = checked_dialog(qtbot, sqlite_env, path)
    assert shown(dialog, 0, PROBLEM) == (
        'The first sheet of two.xlsx, "Notes", has no roster columns; its sheets are "Notes" '
        'and "Roster", so choose the roster\'s sheet under Sheet.'
    )
    assert dialog.sheet_box.isVisible() and not dialog.encoding_box.isVisible()
    assert [dialog.sheet_box.itemText(i) for i in range(dialog.sheet_box.count())] == [
        "Notes",
        "Roster",
    ]
    assert not dialog.import_button.isEnabled()

    dialog.sheet_box.setCurrentIndex(1)  # rechecks with the chosen sheet
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=10_000)
    assert dialog.preview.clean and dialog.sheet_box.currentText() == "Roster"
    assert "Read from the sheet “Roster”" in dialog.summary.text()
    roster = RosterService(sqlite_env.ctx)
    before = roster.count()
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args == [1] and roster.count() == before + 1
