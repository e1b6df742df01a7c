"""Export the roster to CSV or XLSX with the headers the import reads back.

Every cell is text and anything that starts like a formula gets a leading ``'`` (the import
removes it again), so opening the file in Excel never runs a formula and re-importing it gives
the same values. CSV is UTF-8 with a BOM so Excel shows native-script names correctly.

The roster is a personnel record, so an export says so: the XLSX carries a "Confidential"
page header and footer and workbook properties (none of which the import reads, so the data
rows stay exactly as before). A CSV cannot carry a mark without breaking re-import, so
only its suggested file name says "confidential".
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bridgedesk.errors import UserError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.importing.formulas import neutralise
from bridgedesk.services.importing.headers import EXPORT_FIELDS, EXPORT_HEADERS
from bridgedesk.storage.models import Mentee, Phase, Site

FORMATS = (".csv", ".xlsx")
CONFIDENTIAL_MARK = "Confidential — personnel record"
CONFIDENTIAL_SUBJECT = "Confidential personnel record"
WORKBOOK_TITLE = "BridgeDesk roster"
CREATOR = "BridgeDesk"


def suggested_file_name(today: dt.date, suffix: str) -> str:
    """The name the export dialog offers; it says "confidential" for every format.

    CSV especially: the name is the only place a CSV can carry the mark.
    """
    return f"roster-confidential-{today.isoformat()}{suffix}"


def roster_rows(ctx: ServiceContext) -> list[list[str]]:
    """Every mentee as a list of neutralised strings in :data:`EXPORT_FIELDS` order."""
    columns = [
        Site.name.label("site")
        if f == "site"
        else Phase.name.label("phase")
        if f == "phase"
        else Mentee.__table__.c[f]
        for f in EXPORT_FIELDS
    ]
    stmt = (
        select(*columns)
        .outerjoin(Site, Mentee.site_id == Site.id)
        .outerjoin(Phase, Mentee.phase_id == Phase.id)
        .order_by(Mentee.id)
    )
    with ctx.read() as session:
        return [[_cell(v) for v in row] for row in session.execute(stmt)]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if hasattr(value, "value"):
        return str(value.value)
    return neutralise(str(value))


def export_roster(ctx: ServiceContext, path: Path) -> int:
    """Write all mentees to ``path`` (.csv or .xlsx, by its ending); return how many."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(f"The export file must end in .csv or .xlsx, not {path.name!r}.")
    if not path.parent.is_dir():
        raise UserError(f"The folder {path.parent} does not exist.")
    rows = roster_rows(ctx)
    try:
        if suffix == ".csv":
            _write_csv(path, rows)
        else:
            _write_xlsx(path, rows)
    except PermissionError:
        raise UserError(
            f"The file {path} cannot be written (is it open in another program?)."
        ) from None
    return len(rows)


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(EXPORT_HEADERS)
        writer.writerows(rows)


def _write_xlsx(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Roster")

    def clean(row: list[str]) -> Iterator[str]:
        for value in row:
            yield ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)  # control chars Excel cannot hold

    _mark_confidential(workbook, sheet)
    sheet.append(list(EXPORT_HEADERS))
    for row in rows:
        sheet.append(list(clean(row)))
    workbook.save(path)


def _mark_confidential(workbook: Any, sheet: Any) -> None:
    """Printed pages and the file's properties say what this is; the cells are untouched."""
    for part in (sheet.oddHeader, sheet.evenHeader, sheet.firstHeader):
        part.center.text = CONFIDENTIAL_MARK
    for part in (sheet.oddFooter, sheet.evenFooter, sheet.firstFooter):
        part.left.text = CONFIDENTIAL_MARK
        part.right.text = "Page &P of &N"
    props = workbook.properties
    props.title = WORKBOOK_TITLE
    props.subject = CONFIDENTIAL_SUBJECT
    props.creator = CREATOR
    props.lastModifiedBy = CREATOR
    props.keywords = "confidential"
    props.category = CONFIDENTIAL_SUBJECT
