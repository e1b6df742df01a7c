"""Exporting the roster: exact round-trips through CSV and XLSX, and no live formulas."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from bridgedesk.errors import UserError
from bridgedesk.services.importing.formulas import unquote
from bridgedesk.services.importing.headers import EXPORT_HEADERS
from bridgedesk.services.importing.roster_import import import_roster
from bridgedesk.services.mentees.roster_export import export_roster
from bridgedesk.storage.models import Mentee
from tests.unit.roster_samples import HOSTILE, SCRIPT_NAMES, sample_rows, write_csv

TODAY = dt.date(2025, 8, 1)
LIVE = tuple("=+-@\t\r")  # first characters a spreadsheet treats as a formula
FIELDS = [
    c.key
    for c in Mentee.__table__.columns
    if c.key not in {"id", "created_at", "updated_at", "version"}
]


def snapshot(ctx) -> list[tuple]:
    """Every mentee's values that the roster file carries, ids left out."""
    cols = [Mentee.__table__.c[name] for name in FIELDS]
    with ctx.read() as s:
        rows = s.execute(select(*cols).order_by(Mentee.id)).all()
    site = FIELDS.index("site_id")
    return [tuple(v for i, v in enumerate(r) if i != site) for r in rows]


def fresh(tmp_path, name):
    from bridgedesk.bootstrap import open_program
    from bridgedesk.paths import DataPaths

    return open_program(DataPaths(tmp_path / name).ensure(), actor="tester")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_is_exact(sqlite_ctx, tmp_path, suffix):
    source = write_csv(tmp_path / "in.csv", sample_rows(300))
    import_roster(sqlite_ctx, source, today=TODAY, create_sites=True)
    out = tmp_path / f"out{suffix}"
    assert export_roster(sqlite_ctx, out) == 300
    other = fresh(tmp_path, "second")
    try:
        import_roster(other, out, today=TODAY, create_sites=True)
        assert snapshot(other) == snapshot(sqlite_ctx)
        natives = {m[FIELDS.index("native_name")] for m in snapshot(other)}
        assert {n for _, _, n in SCRIPT_NAMES} <= natives
        schools = {m[FIELDS.index("medical_school")] for m in snapshot(other)}
        assert {unquote(h) for h in HOSTILE} <= schools  # the import took "'=" off
    finally:
        other.db.dispose()


def test_csv_has_bom_headers_and_no_live_formula(ctx, tmp_path):
    import_roster(
        ctx, write_csv(tmp_path / "in.csv", sample_rows(80)), today=TODAY, create_sites=True
    )
    out = tmp_path / "out.csv"
    export_roster(ctx, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == EXPORT_HEADERS
    cells = [cell for row in rows for cell in row]
    assert "'=SUM(A1)" in cells and "'+1" in cells and "'-5" in cells and "'@x" in cells
    assert not [c for c in cells if c[:1] in LIVE]


def test_xlsx_cells_are_strings_and_never_formulas(ctx, tmp_path):
    import_roster(
        ctx, write_csv(tmp_path / "in.csv", sample_rows(40)), today=TODAY, create_sites=True
    )
    out = tmp_path / "out.xlsx"
    export_roster(ctx, out)
    sheet = load_workbook(out).worksheets[0]
    values = [cell for row in sheet.iter_rows() for cell in row]
    assert values
    assert all(c.data_type == "s" for c in values if c.value is not None)
    assert all(c.value is None or isinstance(c.value, str) for c in values)
    assert not [c.value for c in values if c.value and c.value[0] in LIVE]


def test_empty_roster_exports_headers_only(ctx, tmp_path):
    out = tmp_path / "empty.csv"
    assert export_roster(ctx, out) == 0
    assert out.read_text(encoding="utf-8-sig").strip() == ",".join(EXPORT_HEADERS)


def test_unknown_format_and_missing_folder(ctx, tmp_path):
    with pytest.raises(UserError, match=".csv or .xlsx"):
        export_roster(ctx, tmp_path / "roster.pdf")
    with pytest.raises(UserError, match="does not exist"):
        export_roster(ctx, tmp_path / "nope" / "roster.csv")


def test_export_to_a_folder_is_one_sentence(ctx, tmp_path):
    folder = tmp_path / "roster.csv"
    folder.mkdir()
    with pytest.raises(UserError, match="is a folder; give the export a file name ending in .csv"):
        export_roster(ctx, folder)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_replaces_the_file_whole_and_leaves_nothing_beside_it(sqlite_ctx, tmp_path, suffix):
    out = tmp_path / "exports" / f"roster{suffix}"
    out.parent.mkdir()
    out.write_bytes(b"an older export, longer than nothing at all")
    import_roster(
        sqlite_ctx, write_csv(tmp_path / "in.csv", sample_rows(30)), today=TODAY, create_sites=True
    )
    assert export_roster(sqlite_ctx, out) == 30
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left
    assert out.stat().st_mode & 0o777 == 0o600  # personnel data: owner-only
    other = fresh(tmp_path, "again")
    try:
        assert import_roster(other, out, today=TODAY, create_sites=True).count == 30
    finally:
        other.db.dispose()
