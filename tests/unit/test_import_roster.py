"""Importing a roster file: encodings, separators, dates, all-or-nothing and duplicates."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from bridgedesk.domain.enums import MenteeRole
from bridgedesk.errors import UserError
from bridgedesk.services.importing.dates import DateProblem, parse_date
from bridgedesk.services.importing.formulas import neutralise, unquote
from bridgedesk.services.importing.headers import match_headers, normalise
from bridgedesk.services.importing.readers import EncodingNotClear, SheetNotChosen
from bridgedesk.services.importing.roster_import import ImportRejected, import_roster
from bridgedesk.services.mentees.roster_rows import roster_rows
from bridgedesk.storage.models import AuditEntry, Mentee, Site
from tests.unit.hostile_files import (
    LEGACY,
    legacy_csv,
    workbook_cut_short,
    workbook_with_broken_xml,
    workbook_with_cut_part,
    workbook_with_doctype,
    workbook_with_lying_sizes,
    workbook_with_sheets,
    zip_bomb,
)
from tests.unit.roster_samples import SCRIPT_NAMES, sample_rows, write_csv

TODAY = dt.date(2025, 8, 1)


def count(ctx, model=Mentee) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def mentees(ctx) -> list[Mentee]:
    with ctx.read() as s:
        return list(s.scalars(select(Mentee).order_by(Mentee.id)))


def test_imports_every_script_and_audits(ctx, tmp_path):
    rows = sample_rows(300)
    path = write_csv(tmp_path / "roster.csv", rows)
    result = import_roster(ctx, path, today=TODAY, create_sites=True)
    assert result.count == 300 and len(result.mentee_ids) == 300
    assert result.sites_created == ["Site 0", "Site 1", "Site 2"]
    stored = mentees(ctx)
    assert [m.native_name for m in stored] == [r["Native name"] for r in rows]
    assert [m.given_names for m in stored] == [r["Given names"] for r in rows]
    assert stored[0].medical_school == "<b>&amp;</para>"
    assert stored[2].medical_school == "=SUM(A1)"
    assert stored[0].role == MenteeRole.ATTENDING and stored[1].role == MenteeRole.RESIDENT
    assert stored[0].notes == "note 0: <b>&amp;</para>\nsecond line"
    assert stored[0].site.name == "Site 0"
    assert count(ctx, Site) == 3
    with ctx.read() as s:
        audited = s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "import")
        )
    assert audited == 300
    assert {n for _, _, n in SCRIPT_NAMES} <= {m.native_name for m in stored}


def test_phase_is_set_from_start_date(ctx, tmp_path):
    path = write_csv(
        tmp_path / "p.csv",
        [
            {"Given names": "Ana", "Family name": "Silva", "Start date": "2025-07-25"},
            {"Given names": "Bo", "Family name": "Lee", "Start date": "2025-09-01"},
            {"Given names": "Cy", "Family name": "Ng", "Start date": "2020-01-01"},
        ],
    )
    import_roster(ctx, path, today=TODAY)
    names = {r.legal_name.split()[0]: (r.phase, r.phase_by_hand) for r in roster_rows(ctx, TODAY)}
    assert names == {
        "Ana": ("Orientation", False),
        "Bo": ("Pre-arrival", False),
        "Cy": ("Completion", False),
    }
    with ctx.read() as s:
        assert s.scalars(select(Mentee.phase_override_id)).all() == [None, None, None]


def test_one_bad_row_in_1000_imports_nothing_and_names_its_line(ctx, tmp_path):
    rows = sample_rows(1000)
    for row in rows:
        row["Notes"] = row["Notes"].replace("\n", " ")  # one file line per record
    rows[536]["Start date"] = "2025-13-45"  # data row 537 = file line 538 (after the header)
    path = write_csv(tmp_path / "big.csv", rows)
    with pytest.raises(ImportRejected) as caught:
        import_roster(ctx, path, today=TODAY)
    assert [b.line for b in caught.value.bad_rows] == [538]
    assert "line 538" in str(caught.value) and "2025-13-45" in str(caught.value)
    assert count(ctx) == 0 and count(ctx, Site) == 0


def test_line_numbers_count_multiline_cells(ctx, tmp_path):
    rows = sample_rows(3)  # notes hold a newline: each record takes two file lines
    rows[2]["Start date"] = "someday"
    path = write_csv(tmp_path / "ml.csv", rows)
    with pytest.raises(ImportRejected) as caught:
        import_roster(ctx, path, today=TODAY)
    assert caught.value.bad_rows[0].line == 6


def test_utf8_bom_cp1252_and_semicolons(ctx, tmp_path):
    bom = write_csv(
        tmp_path / "bom.csv",
        [{"First Name": "Ольга", "Surname": "Иванова", "Start date": "2025-07-01"}],
        encoding="utf-8-sig",
    )
    cp = write_csv(
        tmp_path / "cp.csv",
        [{"Forename": "José", "Last name": "Müller", "Start Date": "1 Jul 2025"}],
        encoding="cp1252",
        delimiter=";",
    )
    tab = write_csv(
        tmp_path / "tab.csv",
        [{"Given name(s)": "Zoë", "FAMILY_NAME": "Ðorđe", "start-date": "Jul 2, 2025"}],
        delimiter="\t",
    )
    for path in (bom, cp, tab):
        import_roster(ctx, path, today=TODAY)
    got = [(m.given_names, m.family_name, m.start_date) for m in mentees(ctx)]
    assert got == [
        ("Ольга", "Иванова", dt.date(2025, 7, 1)),
        ("José", "Müller", dt.date(2025, 7, 1)),
        ("Zoë", "Ðorđe", dt.date(2025, 7, 2)),
    ]


def test_full_name_is_split_on_last_space_and_unknown_columns_named(ctx, tmp_path):
    path = write_csv(
        tmp_path / "full.csv",
        [{"Full name": "Nguyễn Thị Ánh", "Start date": "2025-07-01", "Shoe size": "9"}],
    )
    result = import_roster(ctx, path, today=TODAY)
    assert result.ignored_columns == ["Shoe size"]
    (m,) = mentees(ctx)
    assert (m.given_names, m.family_name) == ("Nguyễn Thị", "Ánh")


def test_missing_required_column_is_one_sentence(ctx, tmp_path):
    path = write_csv(tmp_path / "m.csv", [{"Given names": "A", "Family name": "B"}])
    with pytest.raises(UserError, match='no "Start date" column'):
        import_roster(ctx, path, today=TODAY)
    path = write_csv(tmp_path / "n.csv", [{"Given names": "A", "Start date": "2025-07-01"}])
    with pytest.raises(UserError, match="Family name"):
        import_roster(ctx, path, today=TODAY)


def test_slashed_dates_are_month_day_unless_the_column_says_otherwise(ctx, tmp_path):
    us = write_csv(
        tmp_path / "us.csv",
        [
            {"Given names": "A", "Family name": "One", "Start date": "03/04/2025"},
            {"Given names": "B", "Family name": "Two", "Start date": "07/25/2025"},
        ],
    )
    import_roster(ctx, us, today=TODAY)
    eu = write_csv(
        tmp_path / "eu.csv",
        [
            {"Given names": "C", "Family name": "Three", "Start date": "03/04/2025"},
            {"Given names": "D", "Family name": "Four", "Start date": "25/07/2025"},
        ],
    )
    import_roster(ctx, eu, today=TODAY)
    assert [m.start_date for m in mentees(ctx)] == [
        dt.date(2025, 3, 4),
        dt.date(2025, 7, 25),
        dt.date(2025, 4, 3),
        dt.date(2025, 7, 25),
    ]


def test_column_with_both_date_orders_is_a_bad_row(ctx, tmp_path):
    path = write_csv(
        tmp_path / "mixed.csv",
        [
            {"Given names": "A", "Family name": "One", "Start date": "25/07/2025"},
            {"Given names": "B", "Family name": "Two", "Start date": "07/26/2025"},
        ],
    )
    with pytest.raises(ImportRejected) as caught:
        import_roster(ctx, path, today=TODAY)
    (bad,) = caught.value.bad_rows
    assert bad.line == 3 and "line 2" in bad.reason
    assert count(ctx) == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-07-01", dt.date(2025, 7, 1)),
        ("2025-07-01 00:00:00", dt.date(2025, 7, 1)),
        ("07/01/2025", dt.date(2025, 7, 1)),
        ("1 Jul 2025", dt.date(2025, 7, 1)),
        ("1 July 2025", dt.date(2025, 7, 1)),
        ("July 1, 2025", dt.date(2025, 7, 1)),
        (dt.datetime(2025, 7, 1, 0, 0), dt.date(2025, 7, 1)),
    ],
)
def test_date_formats(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "2025-02-30", "13/13/2025", "1 Foo 2025", "soon"])
def test_bad_dates(text):
    with pytest.raises(DateProblem):
        parse_date(text)


def test_duplicates_in_file_and_on_roster(ctx, tmp_path):
    first = write_csv(
        tmp_path / "a.csv",
        [{"Given names": "Selam", "Family name": "Tesfaye", "Start date": "2025-07-01"}],
    )
    import_roster(ctx, first, today=TODAY)
    again = write_csv(
        tmp_path / "b.csv",
        [
            {"Given names": "Ana", "Family name": "Silva", "Start date": "2025-07-01"},
            {"Given names": "selam", "Family name": "TESFAYE", "Start date": "07/01/2025"},
            {"Given names": "Ana", "Family name": "Silva", "Start date": "1 Jul 2025"},
        ],
    )
    with pytest.raises(ImportRejected) as caught:
        import_roster(ctx, again, today=TODAY)
    reasons = {b.line: b.reason for b in caught.value.bad_rows}
    existing_id = mentees(ctx)[0].id
    assert reasons == {3: f"already on the roster as #{existing_id}", 4: "duplicate of line 2"}
    assert count(ctx) == 1


def test_too_long_text_is_a_bad_row(ctx, tmp_path):
    path = write_csv(
        tmp_path / "long.csv",
        [
            {"Given names": "A", "Family name": "x" * 201, "Start date": "2025-07-01", "Notes": ""},
            {
                "Given names": "B",
                "Family name": "Ok",
                "Start date": "2025-07-01",
                "Notes": "n" * 20_001,
            },
            {
                "Given names": "C",
                "Family name": "Fine",
                "Start date": "2025-07-01",
                "Notes": "n" * 10_000,
            },
        ],
    )
    with pytest.raises(ImportRejected) as caught:
        import_roster(ctx, path, today=TODAY)
    lines = {b.line: b.reason for b in caught.value.bad_rows}
    assert set(lines) == {2, 3}
    assert "family name" in lines[2] and "notes" in lines[3]
    assert count(ctx) == 0


def test_ten_thousand_character_notes_import(ctx, tmp_path):
    note = "ሰ<&>" * 2_500
    path = write_csv(
        tmp_path / "n.csv",
        [{"Given names": "A", "Family name": "B", "Start date": "2025-07-01", "Notes": note}],
    )
    import_roster(ctx, path, today=TODAY)
    assert mentees(ctx)[0].notes == note


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \r\n\r\n", "is empty"),
        (b"Given names,Family name,Start date\r\n", "no mentees"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a text file"),
        (b"PK\x03\x04\x14\x00\x00\x00", "Excel workbook"),
    ],
)
def test_unreadable_files_are_one_sentence(ctx, tmp_path, content, message):
    path = tmp_path / "f.csv"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message) as caught:
        import_roster(ctx, path, today=TODAY)
    assert "\n" not in str(caught.value)


def test_dry_run_writes_nothing(ctx, tmp_path):
    path = write_csv(tmp_path / "d.csv", sample_rows(20))
    result = import_roster(ctx, path, dry_run=True, today=TODAY)
    assert result.count == 20 and result.dry_run
    assert count(ctx) == 0 and count(ctx, Site) == 0


def test_xlsx_with_date_cells_and_numbers(ctx, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Given names", "Family name", "Start date", "Graduation year", "Phone"])
    ws.append(["Ольга", "Иванова", dt.datetime(2025, 7, 1), 2012, 5550100])
    ws.append(["王", "小明", "07/02/2025", 2014.0, None])
    path = tmp_path / "r.xlsx"
    wb.save(path)
    import_roster(ctx, path, today=TODAY)
    a, b = mentees(ctx)
    assert (a.start_date, a.graduation_year, a.phone) == (dt.date(2025, 7, 1), 2012, "5550100")
    assert (b.start_date, b.graduation_year) == (dt.date(2025, 7, 2), 2014)


def test_bad_row_in_xlsx_names_sheet_row(ctx, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Given names", "Family name", "Start date"])
    ws.append(["A", "B", "2025-07-01"])
    ws.append(["C", "", "2025-07-01"])
    path = tmp_path / "r.xlsx"
    wb.save(path)
    with pytest.raises(ImportRejected, match="row 3: the family name cell is empty"):
        import_roster(ctx, path, today=TODAY)


def test_broken_xlsx_is_one_sentence(ctx, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(UserError, match="could not be read as an Excel workbook"):
        import_roster(ctx, path, today=TODAY)


def test_header_normalisation_and_formula_quote_rules():
    assert normalise("Given name(s)") == normalise("given_names") == "givennames"
    headers = match_headers(
        ["Forename", "Surname", "Start Date", "Hospital", "Name in native script", "x"]
    )
    assert set(headers.columns) == {
        "given_names",
        "family_name",
        "start_date",
        "site",
        "native_name",
    }
    assert headers.ignored == ["x"]
    for text in ["=SUM(A1)", "+1", "-5", "@x", "\tx", "\rx", "'=x", "''+y", "'plain", "plain", ""]:
        assert unquote(neutralise(text)) == text
    assert neutralise("=SUM(A1)") == "'=SUM(A1)" and neutralise("'plain") == "'plain"


# -- legacy encodings ----------------------------------------------------------------------------
LEGACY_IDS = [codec for codec, *_ in LEGACY]


@pytest.mark.parametrize(("codec", "names", "label", "option"), LEGACY, ids=LEGACY_IDS)
def test_legacy_encoding_is_refused_naming_it_and_the_option(
    sqlite_ctx, tmp_path, codec, names, label, option
):
    path = legacy_csv(tmp_path / f"{codec}.csv", codec, names)
    with pytest.raises(EncodingNotClear) as caught:
        import_roster(sqlite_ctx, path, dry_run=True, today=TODAY)
    message = str(caught.value)
    assert "\n" not in message
    assert f"it looks like {label}" in message
    assert f"--encoding {option}" in message
    assert caught.value.guess is not None and caught.value.guess.codec == option
    assert count(sqlite_ctx) == 0


@pytest.mark.parametrize(("codec", "names", "label", "option"), LEGACY, ids=LEGACY_IDS)
def test_named_encoding_imports_the_names_exactly(
    sqlite_ctx, tmp_path, codec, names, label, option
):
    path = legacy_csv(tmp_path / f"{codec}.csv", codec, names)
    result = import_roster(sqlite_ctx, path, today=TODAY, encoding=option)
    assert result.count == len(names)
    assert result.source.encoding == label
    assert result.first_mentee == f"{names[0][0]} {names[0][1]}"
    assert [(m.given_names, m.family_name) for m in mentees(sqlite_ctx)] == names


def test_named_encoding_is_applied_strictly_and_unknown_names_are_one_sentence(
    sqlite_ctx, tmp_path
):
    cyrillic = legacy_csv(tmp_path / "cp1251.csv", "cp1251", LEGACY[0][1])
    with pytest.raises(UserError, match="is not EUC-KR .Korean. text: line 2 holds bytes"):
        import_roster(sqlite_ctx, cyrillic, today=TODAY, encoding="euc-kr")
    for name in ("klingon", "base64", "rot13"):
        with pytest.raises(UserError, match=f'does not know the encoding "{name}"'):
            import_roster(sqlite_ctx, cyrillic, today=TODAY, encoding=name)
    assert count(sqlite_ctx) == 0


def test_utf8_bom_and_windows_1252_are_read_and_named(sqlite_ctx, tmp_path):
    western = [
        {"Given names": "Iñaki", "Family name": "Ibáñez", "Start date": "2025-07-01"},
        {"Given names": "Renée", "Family name": "O’Brien", "Start date": "2025-07-02"},
        {"Given names": "Søren", "Family name": "Ødegård", "Start date": "2025-07-03"},
        {"Given names": "Zoë", "Family name": "Lefèvre", "Start date": "2025-07-04"},
    ]
    western[0]["Notes"] = "¿Qué? – see “Epic™” … 5 €"
    got = {}
    for encoding in ("utf-8", "utf-8-sig", "cp1252"):
        path = write_csv(tmp_path / f"{encoding}.csv", western, encoding=encoding)
        result = import_roster(sqlite_ctx, path, dry_run=True, today=TODAY)
        got[encoding] = (result.source.encoding, result.first_mentee)
    assert got == {
        "utf-8": ("UTF-8", "Iñaki Ibáñez"),
        "utf-8-sig": ("UTF-8 with BOM", "Iñaki Ibáñez"),
        "cp1252": ("Windows-1252", "Iñaki Ibáñez"),
    }
    import_roster(sqlite_ctx, tmp_path / "cp1252.csv", today=TODAY)
    stored = mentees(sqlite_ctx)
    assert [(m.given_names, m.family_name) for m in stored] == [
        (r["Given names"], r["Family name"]) for r in western
    ]
    assert stored[0].notes == "¿Qué? – see “Epic™” … 5 €"


# -- files that are not files, damaged and hostile workbooks --------------------------------------
def test_a_folder_and_a_named_pipe_are_named_for_what_they_are(sqlite_ctx, tmp_path):
    folder = tmp_path / "roster.csv"
    folder.mkdir()
    pipe = tmp_path / "pipe.xlsx"
    os.mkfifo(pipe)
    outcomes: dict[str, str] = {}

    def attempt(path):
        try:
            import_roster(sqlite_ctx, path, dry_run=True, today=TODAY)
        except UserError as exc:
            outcomes[path.name] = str(exc)

    for path in (folder, pipe):  # a pipe with no writer must not hang the import
        worker = threading.Thread(target=attempt, args=(path,), daemon=True)
        worker.start()
        worker.join(timeout=20)
        assert not worker.is_alive(), f"reading {path.name} hung"
    assert outcomes == {
        "roster.csv": f"{folder} is a folder, not a file; choose the roster file itself.",
        "pipe.xlsx": f"{pipe} is a named pipe (FIFO), not a file; choose the roster file itself.",
    }


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (
            workbook_with_broken_xml,
            "is damaged: its part xl/worksheets/sheet1.xml is not valid XML",
        ),
        (workbook_cut_short, "is cut short: its end is missing"),
        (workbook_with_cut_part, "its part xl/worksheets/sheet1.xml cannot be unpacked"),
    ],
    ids=["malformed-xml", "file-cut-short", "part-cut-short"],
)
def test_damaged_workbooks_are_one_sentence_each(sqlite_ctx, tmp_path, make, words):
    path = make(tmp_path)
    with pytest.raises(UserError) as caught:
        import_roster(sqlite_ctx, path, dry_run=True, today=TODAY)
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)
    assert count(sqlite_ctx) == 0


def test_a_doctype_in_a_workbook_is_refused_and_its_entity_never_read(sqlite_ctx, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-4711", encoding="utf-8")
    path = workbook_with_doctype(tmp_path, secret)
    with pytest.raises(UserError, match=r"declares an XML document type \(DOCTYPE\)") as caught:
        import_roster(sqlite_ctx, path, today=TODAY)
    assert "TOP-SECRET" not in str(caught.value)
    assert count(sqlite_ctx) == 0


@pytest.mark.parametrize(
    ("megabytes", "words"),
    [
        (150, "would unpack to 150 MB, far more than any roster (at most 100 MB)"),
        (40, "unpacks to 1,0"),  # under the total, refused for its ratio (about 1,000 to 1)
    ],
    ids=["over-the-total", "over-the-ratio"],
)
def test_zip_bombs_are_refused_before_unpacking(sqlite_ctx, tmp_path, megabytes, words):
    path = zip_bomb(tmp_path / "bomb.xlsx", megabytes)
    assert path.stat().st_size < megabytes * 2048  # about 1 KB per MB unpacked
    with pytest.raises(UserError, match="exhaust the computer's memory") as caught:
        import_roster(sqlite_ctx, path, dry_run=True, today=TODAY)
    assert words in str(caught.value)


def test_a_bomb_that_lies_about_its_size_stops_at_the_size_it_gives(sqlite_ctx, tmp_path):
    path = workbook_with_lying_sizes(tmp_path, 300)
    with pytest.raises(UserError, match="cannot be unpacked .it is cut short or corrupted."):
        import_roster(sqlite_ctx, path, dry_run=True, today=TODAY)


def test_zip_bomb_memory_stays_small_in_a_real_process(tmp_path):
    """The 1.5 MB, 1.5 GB bomb took 3.1 GB of memory before the size check; now ~70 MB."""
    path = zip_bomb(tmp_path / "bomb.xlsx", 1500)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from bridgedesk.errors import UserError\n"
        "from bridgedesk.services.importing.readers import read_table\n"
        "try:\n"
        "    read_table(Path(sys.argv[1]))\n"
        "    print('read')\n"
        "except UserError as exc:\n"
        "    print(exc)\n"
        # VmHWM: this process's own peak; ru_maxrss keeps the peak of the (large) parent
        # test process across fork and exec, so it read 393 MB under pytest-xdist
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]\n"
        "print(int(hwm.split()[1]) // 1024)\n"
    )
    import bridgedesk

    env = {**os.environ, "PYTHONPATH": str(Path(bridgedesk.__file__).parents[1])}
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    message, peak_mb = done.stdout.strip().splitlines()
    assert int(peak_mb) < 200, f"reading the bomb took {peak_mb} MB"
    assert "would unpack to 1.5 GB" in message, done.stderr


def test_a_roster_on_the_second_sheet_names_the_sheets_to_choose_from(sqlite_ctx, tmp_path):
    roster = [["Given names", "Family name", "Start date"], ["王", "小明", "2025-07-01"]]
    path = workbook_with_sheets(
        tmp_path / "two.xlsx", [("Read me", [["Fill in the next sheet"]]), ("Roster", roster)]
    )
    with pytest.raises(SheetNotChosen) as caught:
        import_roster(sqlite_ctx, path, today=TODAY)
    assert str(caught.value) == (
        'The first sheet of two.xlsx, "Read me", has no roster columns; its sheets are '
        '"Read me" and "Roster", so choose the roster\'s sheet with --sheet NAME.'
    )
    assert caught.value.sheets == ("Read me", "Roster")
    with pytest.raises(SheetNotChosen, match='has no sheet named "Staff"; its sheets are'):
        import_roster(sqlite_ctx, path, today=TODAY, sheet="Staff")
    result = import_roster(sqlite_ctx, path, today=TODAY, sheet="Roster")
    assert result.count == 1 and result.source.sheet == "Roster"
    assert [(m.given_names, m.family_name) for m in mentees(sqlite_ctx)] == [("王", "小明")]


def test_an_empty_first_sheet_and_a_sheet_for_a_csv(sqlite_ctx, tmp_path):
    roster = [["Given names", "Family name", "Start date"], ["Ana", "Silva", "2025-07-01"]]
    path = workbook_with_sheets(tmp_path / "e.xlsx", [("Blank", []), ("Mentees", roster)])
    with pytest.raises(SheetNotChosen, match='"Blank", is empty; its sheets are'):
        import_roster(sqlite_ctx, path, today=TODAY)
    assert import_roster(sqlite_ctx, path, today=TODAY, sheet="mentees").count == 1
    csv_path = write_csv(tmp_path / "r.csv", [roster_row("Bo")])
    with pytest.raises(UserError, match="Only an Excel workbook has sheets"):
        import_roster(sqlite_ctx, csv_path, today=TODAY, sheet="Roster")
    with pytest.raises(UserError, match="an encoding is only chosen for CSV files"):
        import_roster(sqlite_ctx, path, today=TODAY, encoding="cp1251")


def test_every_bad_row_is_kept_beyond_the_fifty_listed(sqlite_ctx, tmp_path):
    rows = [roster_row(f"N{i}", start="someday" if i % 2 else "2025-07-01") for i in range(240)]
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(ImportRejected) as caught:
        import_roster(sqlite_ctx, path, today=TODAY)
    assert len(caught.value.bad_rows) == 120
    assert str(caught.value).count("\n  line ") == 50
    assert str(caught.value).endswith("... and 70 more")


def roster_row(given: str, start: str = "2025-07-01") -> dict[str, str]:
    return {"Given names": given, "Family name": "Lee", "Start date": start}
