"""Exports say they are confidential: XLSX page header/footer and properties, CSV by name."""

from __future__ import annotations

import csv
import datetime as dt

from openpyxl import load_workbook

from bridgedesk.services.importing.headers import EXPORT_HEADERS
from bridgedesk.services.importing.roster_import import import_roster
from bridgedesk.services.mentees.roster_export import (
    CONFIDENTIAL_MARK,
    export_roster,
    roster_rows,
    suggested_file_name,
)
from tests.unit.roster_samples import sample_rows, write_csv

TODAY = dt.date(2025, 8, 1)


def test_xlsx_carries_the_mark_in_header_footer_and_properties(sqlite_ctx, tmp_path):
    import_roster(
        sqlite_ctx, write_csv(tmp_path / "in.csv", sample_rows(30)), today=TODAY, create_sites=True
    )
    out = tmp_path / "roster.xlsx"
    assert export_roster(sqlite_ctx, out) == 30
    book = load_workbook(out)
    sheet = book["Roster"]
    assert sheet.oddHeader.center.text == "Confidential — personnel record" == CONFIDENTIAL_MARK
    assert sheet.oddFooter.left.text == CONFIDENTIAL_MARK
    assert "&P" in sheet.oddFooter.right.text
    assert book.properties.subject == "Confidential personnel record"
    assert book.properties.creator == "BridgeDesk"
    assert book.properties.title and "roster" in book.properties.title.lower()


def test_xlsx_cells_hold_only_the_header_row_and_the_data(sqlite_ctx, tmp_path):
    """The mark lives outside the cells, so the rows read back exactly as exported."""
    import_roster(
        sqlite_ctx, write_csv(tmp_path / "in.csv", sample_rows(25)), today=TODAY, create_sites=True
    )
    out = tmp_path / "roster.xlsx"
    export_roster(sqlite_ctx, out)
    sheet = load_workbook(out)["Roster"]
    values = [
        [v if v is not None else "" for v in row] for row in sheet.iter_rows(values_only=True)
    ]
    assert tuple(values[0]) == EXPORT_HEADERS
    assert values[1:] == roster_rows(sqlite_ctx)
    assert not any(CONFIDENTIAL_MARK in cell for row in values for cell in row)


def test_csv_content_is_unchanged_and_only_its_name_says_confidential(sqlite_ctx, tmp_path):
    import_roster(
        sqlite_ctx, write_csv(tmp_path / "in.csv", sample_rows(10)), today=TODAY, create_sites=True
    )
    out = tmp_path / suggested_file_name(TODAY, ".csv")
    export_roster(sqlite_ctx, out)
    assert out.name == "roster-confidential-2025-08-01.csv"
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == EXPORT_HEADERS
    assert rows[1:] == roster_rows(sqlite_ctx)
    assert "onfidential" not in out.read_text(encoding="utf-8-sig")


def test_suggested_names_say_confidential_for_both_formats():
    for suffix in (".csv", ".xlsx"):
        name = suggested_file_name(dt.date(2026, 3, 12), suffix)
        assert "confidential" in name and name.endswith(suffix) and "2026-03-12" in name
