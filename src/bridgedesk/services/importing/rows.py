"""Turn each data row into mentee column values, or into a reason it is a bad row.

Every row is checked (not just up to the first problem) so the director can fix the whole
file in one go; nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String

from bridgedesk.domain.enums import MenteeRole, MenteeStatus
from bridgedesk.services.importing.dates import (
    DateProblem,
    ambiguity_note,
    parse_date,
    slashed_order,
)
from bridgedesk.services.importing.formulas import unquote
from bridgedesk.services.importing.headers import FULL_NAME, HeaderMap
from bridgedesk.services.importing.readers import Cell, Table
from bridgedesk.storage.models import Mentee, Site

TEXT_LIMIT = 20_000  # for Text columns (notes)
_NAMES = ("given_names", "family_name")
FIELD_WORDS = {
    "given_names": "given names",
    "family_name": "family name",
    "visa_kind": "visa",
    "site": "site",
    "exit_reason": "exit reason",
    "exit_details": "exit details",
}
YES = frozenset({"yes", "y", "true", "1", "x"})
NO = frozenset({"", "no", "n", "false", "0"})


def column_limit(name: str) -> int:
    column = Site.__table__.c.name if name == "site" else Mentee.__table__.c[name]
    return (
        column.type.length if isinstance(column.type, String) and column.type.length else TEXT_LIMIT
    )


TEXT_FIELDS: dict[str, int] = {
    c.key: column_limit(c.key)
    for c in Mentee.__table__.columns
    if isinstance(c.type, String) and c.key not in {"role", "status", "exit_reason"}
}
TEXT_FIELDS["site"] = column_limit("site")
TEXT_FIELDS["phase"] = 120
TEXT_FIELDS["exit_reason"] = 200  # a label of the program's list of exit reasons
TEXT_FIELDS["exit_details"] = TEXT_LIMIT  # stored in Mentee.exit_reason


@dataclass
class ParsedRow:
    line: int
    # Mentee columns, plus "site", "phase", "phase_by_hand", "exit_reason" (a label) and
    # "exit_details" (the free text): the import turns these into ids and columns.
    values: dict[str, Any]


@dataclass
class BadRow:
    line: int
    reason: str


def cell_text(cell: Cell) -> str:
    """A cell as text: whitespace trimmed, the export's anti-formula quote removed."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        text = "yes" if cell else "no"
    elif isinstance(cell, float) and cell.is_integer():
        text = str(int(cell))
    elif isinstance(cell, dt.datetime):
        text = cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(" ")
    elif isinstance(cell, dt.date):
        text = cell.isoformat()
    else:
        text = str(cell)
    return unquote(unicodedata.normalize("NFC", text.strip()))


def duplicate_key(given: str, family: str, start: dt.date) -> tuple[str, str, dt.date]:
    return (given.casefold(), family.casefold(), start)


def date_column_notes(table: Table, headers: HeaderMap) -> list[str]:
    """For the dry run: each date column whose every slashed date reads both ways."""
    notes: list[str] = []
    for name in ("start_date", "exit_date"):
        if name not in headers.columns:
            continue
        index = headers.columns[name]
        header = str(table.header[index]).strip() if index < len(table.header) else name
        cells = [(line, _at(cells, index)) for line, cells in table.rows]
        note = ambiguity_note(header, cells)
        if note:
            notes.append(note)
    return notes


def parse_rows(table: Table, headers: HeaderMap) -> tuple[list[ParsedRow], list[BadRow]]:
    cols = headers.columns
    date_cells = [(line, _at(cells, cols["start_date"])) for line, cells in table.rows]
    order, order_line = slashed_order(date_cells)
    good: list[ParsedRow] = []
    bad: list[BadRow] = []
    seen: dict[tuple[str, str, dt.date], int] = {}
    for line, cells in table.rows:
        values: dict[str, Any] = {}
        problems: list[str] = []
        for name, index in cols.items():
            if name in TEXT_FIELDS:
                text = cell_text(_at(cells, index))
                if len(text) > TEXT_FIELDS[name]:
                    label = FIELD_WORDS.get(name, name.replace("_", " "))
                    problems.append(
                        f"the {label} is {len(text):,} characters long (at most {TEXT_FIELDS[name]:,})"
                    )
                values[name] = text
        if FULL_NAME in cols:
            full = cell_text(_at(cells, cols[FULL_NAME]))
            given, _, family = full.rpartition(" ")
            values["given_names"], values["family_name"] = given.strip(), family.strip()
            if full and not given.strip():
                problems.append(f"the name {full!r} has no separate family name")
            elif (
                len(given) > TEXT_FIELDS["given_names"] or len(family) > TEXT_FIELDS["family_name"]
            ):
                problems.append("the name is too long (at most 200 characters each part)")
        if not problems:
            problems += [f"the {FIELD_WORDS[n]} cell is empty" for n in _NAMES if not values.get(n)]
        try:
            values["start_date"] = parse_date(_at(cells, cols["start_date"]), order, order_line)
        except DateProblem as exc:
            problems.append(str(exc))
        if "role" in cols:
            role = cell_text(_at(cells, cols["role"])).casefold()
            if role and role not in {r.value for r in MenteeRole}:
                problems.append(f"the role {role!r} is not resident or attending")
            values["role"] = (
                MenteeRole(role) if role in {r.value for r in MenteeRole} else MenteeRole.RESIDENT
            )
        if "graduation_year" in cols:
            year_text = cell_text(_at(cells, cols["graduation_year"]))
            values["graduation_year"] = None
            if year_text:
                if year_text.isdigit() and 1900 <= int(year_text) <= 2100:
                    values["graduation_year"] = int(year_text)
                else:
                    problems.append(f"the graduation year {year_text!r} is not a year")
        problems += _status_and_exit(values, cells, cols, order, order_line)
        if "phase_by_hand" in cols:
            flag = cell_text(_at(cells, cols["phase_by_hand"])).casefold()
            if flag not in YES | NO:
                problems.append(f"the phase set by hand {flag!r} is not yes or no")
            values["phase_by_hand"] = flag in YES
        if not problems:
            key = duplicate_key(values["given_names"], values["family_name"], values["start_date"])
            if key in seen:
                problems.append(f"duplicate of {table.kind} {seen[key]}")
            else:
                seen[key] = line
        if problems:
            bad.append(BadRow(line, "; ".join(problems)))
        else:
            good.append(ParsedRow(line, values))
    return good, bad


def _status_and_exit(
    values: dict[str, Any], cells: list[Cell], cols: dict[str, int], order: str, line: int | None
) -> list[str]:
    """Status (active when absent), exit date and reason: an archived mentee needs a date."""
    problems: list[str] = []
    status_text = cell_text(_at(cells, cols["status"])).casefold() if "status" in cols else ""
    known = {s.value for s in MenteeStatus}
    if status_text and status_text not in known:
        problems.append(f"the status {status_text!r} is not active, completed or left")
    status = MenteeStatus(status_text) if status_text in known else MenteeStatus.ACTIVE
    values["status"] = status
    values["exit_date"] = None
    cell = _at(cells, cols["exit_date"]) if "exit_date" in cols else None
    if cell_text(cell):
        try:
            values["exit_date"] = parse_date(cell, order, line, what="exit date")
        except DateProblem as exc:
            problems.append(str(exc))
    if status == MenteeStatus.ACTIVE and values["exit_date"] is not None:
        problems.append("the exit date is given for a mentee still active (status active)")
    elif status != MenteeStatus.ACTIVE and "exit_date" in cols and values["exit_date"] is None:
        problems.append(f"the exit date is empty for a mentee who {status.value}")
    elif status != MenteeStatus.ACTIVE and "exit_date" not in cols:
        problems.append(f"the status {status.value} needs an Exit date column")
    start = values.get("start_date")
    if (
        values["exit_date"] is not None
        and isinstance(start, dt.date)
        and values["exit_date"] < start
    ):
        problems.append("the exit date is before the start date")
    if status == MenteeStatus.LEFT and not values.get("exit_reason"):
        problems.append("the exit reason is empty for a mentee who left early")
    return problems


def _at(cells: list[Cell], index: int) -> Cell:
    return cells[index] if index < len(cells) else None
