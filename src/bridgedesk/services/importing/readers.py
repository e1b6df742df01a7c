"""Decode a roster file into a header row and numbered data rows.

Spreadsheets reach the director from many places: Excel on Windows (cp1252 or UTF-8 with a
BOM, commas or semicolons), Google Sheets (UTF-8) and real workbooks. This module turns any
of them into plain rows and says in one sentence why a file cannot be read.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from bridgedesk.errors import UserError

Cell = object  # str for CSV; str, int, float, date, datetime or None for XLSX
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SNIFF_SAMPLE = 64 * 1024
_DELIMITERS = ",;\t"


@dataclass
class Table:
    """The header row and each data row with the line (CSV) or sheet row (XLSX) it came from."""

    header: list[str]
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)
    kind: str = "line"  # how positions are named in messages: "line" or "row"


def read_table(path: Path) -> Table:
    """Read ``path`` as XLSX (by extension) or CSV; raise UserError for an unreadable file."""
    if not path.is_file():
        raise UserError(f"The file {path} does not exist.")
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        table = read_xlsx(path)
    else:
        table = read_csv_bytes(path.read_bytes(), path.name)
    if not table.header or all(not str(h).strip() for h in table.header):
        raise UserError(f"The file {path.name} is empty.")
    if not table.rows:
        raise UserError(f"The file {path.name} has a header row but no mentees.")
    return table


def decode_text(data: bytes, name: str) -> str:
    """UTF-16 or UTF-8 (with or without BOM) when valid, else Windows-1252; refuse binaries."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UserError(f"The file {name} is not a readable text file.") from None
    if data.startswith(b"PK\x03\x04"):
        raise UserError(
            f"The file {name} looks like an Excel workbook; save it with the .xlsx ending."
        )
    if b"\x00" in data:
        raise UserError(f"The file {name} is not a text file (it holds binary data).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise UserError(
                f"The file {name} is not a text file in UTF-8 or Windows-1252."
            ) from None
    if _CONTROL.search(text):
        raise UserError(f"The file {name} is not a text file (it holds binary data).")
    return text


def pick_delimiter(text: str) -> str:
    """csv.Sniffer on a sample, checked against the header line; else the commonest separator."""
    sample = text[:_SNIFF_SAMPLE]
    first_line = sample.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        delimiter = ""
    if delimiter and delimiter in first_line:
        return delimiter
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv_bytes(data: bytes, name: str) -> Table:
    text = decode_text(data, name)
    if not text.strip():
        raise UserError(f"The file {name} is empty.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=pick_delimiter(text))
    table = Table(header=[], kind="line")
    last_line = 0
    try:
        for record in reader:
            start_line = last_line + 1
            last_line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if not table.header:
                table.header = record
            else:
                table.rows.append((start_line, list(record)))
    except csv.Error as exc:
        raise UserError(
            f"The file {name} is not valid CSV near line {last_line + 1} ({exc})."
        ) from None
    return table


def read_xlsx(path: Path) -> Table:
    """The first worksheet of a workbook, read-only, with cached values instead of formulas."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise UserError(f"The file {path.name} could not be read as an Excel workbook.") from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        table = Table(header=[], kind="row")
        if sheet is None:
            return table
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells: list[Cell] = list(values)
            if not any(c is not None and str(c).strip() for c in cells):
                continue
            if not table.header:
                table.header = ["" if c is None else str(c) for c in cells]
            else:
                table.rows.append((number, cells))
        return table
    finally:
        workbook.close()
