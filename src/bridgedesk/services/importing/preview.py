"""A dry run of a roster import, as one problem per line and column for a preview table.

The import service reports every bad row as one sentence ("the start date 31/31/2025 is not a
real date; the given names cell is empty"). The import window shows each problem in its own
table row with the column it is about, so the director can walk down the file and fix it.
Nothing here writes to the database. The same problems, every one of them, can be written to
a CSV file (:func:`write_problems`, ``bridgedesk import roster FILE --errors FILE``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from bridgedesk.errors import UserError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.importing.database_checks import NewSite
from bridgedesk.services.importing.formulas import neutralise
from bridgedesk.services.importing.headers import FIELD_NAMES, FULL_NAME
from bridgedesk.services.importing.readers import (
    ChoiceNeeded,
    EncodingNotClear,
    SheetNotChosen,
    SourceFormat,
    is_workbook,
)
from bridgedesk.services.importing.roster_import import ImportRejected, import_roster
from bridgedesk.services.importing.rows import FIELD_WORDS, TEXT_FIELDS
from bridgedesk.services.mentees.roster_export import write_atomically

WHOLE_ROW = "Name and start date"  # duplicates are about the row, not one cell
WHOLE_FILE = "Whole file"
_NEAR_LINE = re.compile(r"near line (\d+)")
_PROBLEM_STARTS = ("the ", "duplicate of ", "already on ")


@dataclass(frozen=True)
class ImportProblem:
    line: int | None  # None when the problem is about the whole file
    column: str
    message: str


@dataclass
class ImportPreview:
    """What an import of one file would do: mentees added, or every problem stopping it."""

    file_name: str
    would_add: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    position_word: str = "line"  # "line" for CSV, "row" for a worksheet
    encoding: str = ""  # how a CSV's text was read ("UTF-8", "KOI8-R (Russian)"); "" if unknown
    encoding_guess: str = ""  # the codec a refused CSV looks like it is in, to offer it
    sheet: str = ""  # the worksheet read
    sheets: list[str] = field(default_factory=list)  # a workbook's sheets, to choose from
    first_mentee: str = ""  # the first row's name as read
    needs_choice: str = ""  # "encoding" or "sheet" when the file reads once the user chooses
    new_sites: list[NewSite] = field(default_factory=list)  # created only once confirmed
    date_notes: list[str] = field(default_factory=list)  # date columns that read both ways

    @property
    def clean(self) -> bool:
        return not self.problems and self.would_add > 0

    def describe(self, source: SourceFormat) -> None:
        self.encoding = source.encoding
        self.sheet = source.sheet
        self.sheets = list(source.sheets)


def _column_words() -> list[tuple[str, str]]:
    """(words a message starts with, column header) pairs, longest words first."""
    pairs = {
        FIELD_WORDS.get(name, name.replace("_", " ")): FIELD_NAMES[name][0]
        for name in TEXT_FIELDS
        if name in FIELD_NAMES
    }
    pairs.update(
        {
            "start date": FIELD_NAMES["start_date"][0],
            "role": FIELD_NAMES["role"][0],
            "graduation year": FIELD_NAMES["graduation_year"][0],
            "name": FIELD_NAMES[FULL_NAME][0],
            "status": FIELD_NAMES["status"][0],
            "exit date": FIELD_NAMES["exit_date"][0],
            "phase set by hand": FIELD_NAMES["phase_by_hand"][0],
        }
    )
    return sorted(pairs.items(), key=lambda pair: len(pair[0]), reverse=True)


_COLUMN_WORDS = _column_words()


def column_of(problem: str) -> str:
    """The column header a problem sentence is about, or :data:`WHOLE_ROW`."""
    text = problem.strip().casefold().removeprefix("the ")
    for words, header in _COLUMN_WORDS:
        if text.startswith(words + " ") or text == words:
            return header
    return WHOLE_ROW


def split_reason(line: int, reason: str) -> list[ImportProblem]:
    """One bad row's reason -> one problem per column it names.

    The service joins a row's problems with "; ", but one problem may hold "; " itself
    ("... is day/month; use one order"), so a part only starts a new problem when it
    begins like one.
    """
    parts: list[str] = []
    for part in reason.split("; "):
        if parts and not part.startswith(_PROBLEM_STARTS):
            parts[-1] += "; " + part
        else:
            parts.append(part)
    return [ImportProblem(line, column_of(p), p.strip()) for p in parts if p.strip()]


def problems_of(exc: UserError, *, in_window: bool = False) -> list[ImportProblem]:
    """Every problem an import refusal holds: one per bad cell, or one for the whole file.

    ``in_window`` words a choice the user has to make (a sheet, an encoding) for the import
    window instead of the command line.
    """
    if isinstance(exc, ImportRejected):
        return [p for bad in exc.bad_rows for p in split_reason(bad.line, bad.reason)]
    text = exc.in_window if in_window and isinstance(exc, ChoiceNeeded) else str(exc)
    found = _NEAR_LINE.search(text)
    return [ImportProblem(int(found.group(1)) if found else None, WHOLE_FILE, text)]


def preview_import(
    ctx: ServiceContext,
    path: Path,
    today: dt.date,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
) -> ImportPreview:
    """Run the import as a dry run and list what it would add or why it would refuse."""
    preview = ImportPreview(path.name, position_word="row" if is_workbook(path) else "line")
    try:
        result = import_roster(ctx, path, dry_run=True, today=today, encoding=encoding, sheet=sheet)
    except UserError as exc:  # bad rows, an unreadable file, missing columns, malformed CSV
        if isinstance(exc, ImportRejected):
            preview.describe(exc.source)
        elif isinstance(exc, SheetNotChosen):
            preview.sheets = list(exc.sheets)
            preview.needs_choice = "sheet"
        elif isinstance(exc, EncodingNotClear):
            preview.encoding_guess = exc.guess.codec if exc.guess is not None else ""
            preview.needs_choice = "encoding"
        preview.problems = problems_of(exc, in_window=True)
        return preview
    preview.describe(result.source)
    preview.would_add = result.count
    preview.ignored_columns = list(result.ignored_columns)
    preview.date_notes = list(result.date_notes)
    preview.first_mentee = result.first_mentee
    preview.new_sites = list(result.new_sites)
    return preview


def write_problems(path: Path, problems: list[ImportProblem], position_word: str = "line") -> None:
    """Every problem as CSV (line, column, problem), UTF-8 with a BOM, written atomically.

    Problems quote the cells they are about, so text that starts like a formula is
    neutralised as in an export: opening the list in a spreadsheet never runs it.
    """

    def write(fh: IO[bytes]) -> None:
        text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
        writer = csv.writer(text)
        writer.writerow([position_word.capitalize(), "Column", "Problem"])
        for problem in problems:
            line = "" if problem.line is None else str(problem.line)
            writer.writerow([line, neutralise(problem.column), neutralise(problem.message)])
        text.flush()
        text.detach()

    write_atomically(path, write)
