"""``bridgedesk import roster`` / ``export roster`` through main(), as a person runs them."""

from __future__ import annotations

import csv

from bridgedesk.cli.main import main
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
    assert code == 0, err
    assert "Imported 25 mentees." in out
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
