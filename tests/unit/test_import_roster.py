"""Importing a roster file: encodings, separators, dates, all-or-nothing and duplicates."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from bridgedesk.domain.enums import MenteeRole
from bridgedesk.errors import UserError
from bridgedesk.services.importing.dates import DateProblem, parse_date
from bridgedesk.services.importing.formulas import neutralise, unquote
from bridgedesk.services.importing.headers import match_headers, normalise
from bridgedesk.services.importing.roster_import import ImportRejected, import_roster
from bridgedesk.storage.models import AuditEntry, Mentee, Phase, Site
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
    result = import_roster(ctx, path, today=TODAY)
    assert result.count == 300 and len(result.mentee_ids) == 300
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
    with ctx.read() as s:
        names = dict(
            s.execute(
                select(Mentee.given_names, Phase.name).join(Phase, Mentee.phase_id == Phase.id)
            ).all()
        )
    assert names == {"Ana": "Orientation", "Bo": "Pre-arrival", "Cy": "Completion"}


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
