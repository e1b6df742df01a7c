"""A dry run of a roster import, as one problem per line and column for a preview table.

The import service reports every bad row as one sentence ("the start date 31/31/2025 is not a
real date; the given names cell is empty"). The import window shows each problem in its own
table row with the column it is about, so the director can walk down the file and fix it.
Nothing here writes to the database.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from bridgedesk.errors import UserError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.importing.headers import FIELD_NAMES, FULL_NAME
from bridgedesk.services.importing.roster_import import ImportRejected, import_roster
from bridgedesk.services.importing.rows import FIELD_WORDS, TEXT_FIELDS

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

    @property
    def clean(self) -> bool:
        return not self.problems and self.would_add > 0


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


def preview_import(ctx: ServiceContext, path: Path, today: dt.date) -> ImportPreview:
    """Run the import as a dry run and list what it would add or why it would refuse."""
    preview = ImportPreview(path.name, position_word="row" if _is_workbook(path) else "line")
    try:
        result = import_roster(ctx, path, dry_run=True, today=today)
    except ImportRejected as exc:
        for bad in exc.bad_rows:
            preview.problems += split_reason(bad.line, bad.reason)
        return preview
    except UserError as exc:  # unreadable file, missing columns, malformed CSV
        found = _NEAR_LINE.search(str(exc))
        line = int(found.group(1)) if found else None
        preview.problems.append(ImportProblem(line, WHOLE_FILE, str(exc)))
        return preview
    preview.would_add = result.count
    preview.ignored_columns = list(result.ignored_columns)
    return preview


def _is_workbook(path: Path) -> bool:
    return path.suffix.lower() in {".xlsx", ".xlsm"}
