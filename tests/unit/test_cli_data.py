"""``bridgedesk import roster`` / ``export roster`` through main(), as a person runs them."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from bridgedesk.cli.main import main
from tests.unit.hostile_files import LEGACY, legacy_csv, workbook_with_sheets
from tests.unit.roster_samples import sample_rows, write_csv


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def roster_size(tmp_path, capsys) -> int:
    out = tmp_path / "count.csv"
    code, _, _ = run(capsys, "export", "roster", str(out), "--data-dir", str(tmp_path / "data"))
    assert code == 0
    with open(out, encoding="utf-8-sig", newline="") as fh:
        return len(list(csv.reader(fh))) - 1


def test_import_then_export(tmp_path, capsys):
    rows = sample_rows(25)
    rows[0]["Shoe size"] = "9"
    path = write_csv(tmp_path / "roster.csv", rows, headers=[*rows[1], "Shoe size"])
    data = str(tmp_path / "data")
    code, out, err = run(capsys, "import", "roster", str(path), "--data-dir", data)
    assert code == 1 and "names sites the program does not have" in err  # asked, not guessed
    code, out, err = run(
        capsys, "import", "roster", str(path), "--create-sites", "--data-dir", data
    )
    assert code == 0, err
    assert "Imported 25 mentees." in out
    assert "New sites: Site 0, Site 1, Site 2." in out
    assert "for 25 active mentees from today (schedule version 1)." in out
    assert "Ignored columns: Shoe size." in out
    out_file = tmp_path / "out.xlsx"
    code, out, _ = run(capsys, "--data-dir", data, "export", "roster", str(out_file))
    assert code == 0
    assert "Exported 25 mentees" in out and "personnel data" in out
    assert out_file.stat().st_size > 0


def test_dry_run_writes_nothing(tmp_path, capsys):
    path = write_csv(tmp_path / "roster.csv", sample_rows(10))
    code, out, _ = run(
        capsys, "import", "roster", str(path), "--dry-run", "--data-dir", str(tmp_path / "data")
    )
    assert code == 0
    assert "Would import 10 mentees; nothing was written." in out
    assert "Sites the program does not have yet: “Site 0” (lines 2, 8, 14" in out
    assert "--create-sites" in out
    assert roster_size(tmp_path, capsys) == 0


def test_bad_rows_exit_1_and_list_lines(tmp_path, capsys):
    rows = sample_rows(10)
    for row in rows:
        row["Notes"] = "one line"
    rows[3]["Start date"] = "later"
    path = write_csv(tmp_path / "roster.csv", rows)
    code, out, err = run(
        capsys, "import", "roster", str(path), "--data-dir", str(tmp_path / "data")
    )
    assert code == 1
    assert "Nothing was imported" in err and "line 5:" in err and "later" in err
    assert roster_size(tmp_path, capsys) == 0


def test_unreadable_files_one_sentence_exit_1(tmp_path, capsys):
    data = str(tmp_path / "data")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    missing_col = write_csv(tmp_path / "m.csv", [{"Given names": "A", "Family name": "B"}])
    for path, words in [
        (empty, "is empty"),
        (binary, "not a text file"),
        (missing_col, "Start date"),
        (tmp_path / "absent.csv", "does not exist"),
    ]:
        code, out, err = run(capsys, "import", "roster", str(path), "--data-dir", data)
        assert code == 1
        assert words in err
        assert err.count("\n") == 1 and out == ""


def test_export_refuses_other_formats(tmp_path, capsys):
    code, _, err = run(
        capsys, "export", "roster", str(tmp_path / "x.txt"), "--data-dir", str(tmp_path / "data")
    )
    assert code == 1 and ".csv or .xlsx" in err


def import_roster_cli(capsys, tmp_path, path, *options):
    return run(
        capsys, "import", "roster", str(path), *options, "--data-dir", str(tmp_path / "data")
    )


def test_dry_run_names_the_encoding_and_the_first_mentee(tmp_path, capsys):
    rows = [{"Given names": "José", "Family name": "Müller", "Start date": "2025-07-01"}]
    for encoding, label in [
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8 with BOM"),
        ("cp1252", "Windows-1252"),
    ]:
        path = write_csv(tmp_path / f"{encoding}.csv", rows, encoding=encoding)
        code, out, err = import_roster_cli(capsys, tmp_path, path, "--dry-run")
        assert code == 0, err
        assert out.splitlines()[0] == f'Read as {label} text; the first mentee reads "José Müller".'


def test_legacy_encoding_is_refused_then_read_with_the_encoding_option(tmp_path, capsys):
    codec, names, label, option = LEGACY[1]  # KOI8-R
    path = legacy_csv(tmp_path / "koi8.csv", codec, names)
    code, out, err = import_roster_cli(capsys, tmp_path, path, "--dry-run")
    assert code == 1 and out == ""
    assert err == (
        f"bridgedesk: The file koi8.csv is not UTF-8 or Windows-1252 text; it looks like {label}, "
        'so save it from your spreadsheet program as "CSV UTF-8" or import it with '
        f"--encoding {option}.\n"
    )
    code, out, err = import_roster_cli(capsys, tmp_path, path, "--encoding", option, "--dry-run")
    assert code == 0, err
    assert f'Read as {label} text; the first mentee reads "Ольга Иванова".' in out
    code, out, err = import_roster_cli(capsys, tmp_path, path, "--encoding", option)
    assert code == 0 and "Imported 4 mentees." in out
    exported = tmp_path / "out.csv"
    run(capsys, "export", "roster", str(exported), "--data-dir", str(tmp_path / "data"))
    with open(exported, encoding="utf-8-sig", newline="") as fh:
        stored = [(r["Given names"], r["Family name"]) for r in csv.DictReader(fh)]
    assert stored == names


def test_a_folder_and_a_named_pipe_in_a_real_process(tmp_path):
    folder = tmp_path / "roster.xlsx"
    folder.mkdir()
    pipe = tmp_path / "roster.csv"
    os.mkfifo(pipe)  # nobody writes to it: opening it for reading would wait forever
    for path, what in [(folder, "a folder"), (pipe, "a named pipe (FIFO)")]:
        done = bridgedesk_process(tmp_path, "import", "roster", str(path), "--dry-run")
        assert (done.returncode, done.stdout) == (1, "")
        assert done.stderr == (
            f"bridgedesk: {path} is {what}, not a file; choose the roster file itself.\n"
        )


def test_sheet_option_chooses_the_roster_sheet(tmp_path, capsys):
    roster = [["Given names", "Family name", "Start date"], ["민준", "김", "2025-07-01"]]
    path = workbook_with_sheets(tmp_path / "two.xlsx", [("Notes", []), ("Roster", roster)])
    code, out, err = import_roster_cli(capsys, tmp_path, path)
    assert code == 1 and err.count("\n") == 1
    assert '"Notes", is empty; its sheets are "Notes" and "Roster"' in err
    assert "--sheet NAME" in err
    code, out, err = import_roster_cli(capsys, tmp_path, path, "--sheet", "Roster")
    assert code == 0, err
    assert out.splitlines()[0] == (
        'Read the sheet "Roster" (the workbook\'s sheets are "Notes" and "Roster"); '
        'the first mentee reads "민준 김".'
    )
    assert "Imported 1 mentee." in out


def test_errors_file_holds_every_problem_as_csv(tmp_path, capsys):
    rows = sample_rows(130)
    for i, row in enumerate(rows):
        row["Notes"] = "one line"
        if i % 2:
            row["Start date"] = "=HYPERLINK(1)" if i == 1 else "later"
    path = write_csv(tmp_path / "roster.csv", rows)
    code, _, err = import_roster_cli(capsys, tmp_path, path)
    assert code == 1
    assert "... and 15 more" in err and "add --errors FILE.csv" in err
    errors = tmp_path / "problems.csv"
    code, out, err = import_roster_cli(capsys, tmp_path, path, "--errors", str(errors))
    assert code == 1 and out == ""
    assert err.endswith(f"Read as UTF-8 text.\nThe 65 problems are listed in {errors}.\n")
    with open(errors, encoding="utf-8-sig", newline="") as fh:
        listed = list(csv.reader(fh))
    assert listed[0] == ["Line", "Column", "Problem"]
    assert [row[0] for row in listed[1:]] == [str(i + 2) for i in range(1, 130, 2)]
    assert {row[1] for row in listed[1:]} == {"Start date"}
    assert listed[1][2].startswith("the start date '=HYPERLINK(1)' is not a date")
    assert not [cell for row in listed for cell in row if cell[:1] in "=+-@"]
    assert roster_size(tmp_path, capsys) == 0
    good = write_csv(tmp_path / "good.csv", sample_rows(3))
    code, _, err = import_roster_cli(
        capsys, tmp_path, good, "--errors", str(errors), "--create-sites"
    )
    assert code == 0, err
    with open(errors, encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh)) == [["Line", "Column", "Problem"]]  # the old list is gone


def test_errors_file_never_replaces_the_roster_or_a_non_csv_file(tmp_path, capsys):
    path = write_csv(tmp_path / "roster.csv", sample_rows(2))
    before = path.read_bytes()
    code, _, err = import_roster_cli(capsys, tmp_path, path, "--errors", str(path))
    assert code == 1 and "must not be the roster file" in err
    code, _, err = import_roster_cli(capsys, tmp_path, path, "--errors", str(tmp_path / "x.db"))
    assert code == 1 and "must end in .csv" in err
    assert path.read_bytes() == before and not (tmp_path / "x.db").exists()


def bridgedesk_process(tmp_path, *argv, timeout=60):
    """``bridgedesk ARGV`` as its own process, with this checkout's source."""
    import bridgedesk

    env = {**os.environ, "PYTHONPATH": str(Path(bridgedesk.__file__).parents[1])}
    return subprocess.run(
        [sys.executable, "-m", "bridgedesk", *argv, "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
