"""Match a roster file's column headers to mentee fields by their common names.

Headers are compared with case, spaces and punctuation removed, so "Given name(s)",
"given_names" and "GIVEN NAMES" all mean the same column. The export writes
:data:`EXPORT_HEADERS`, which this module reads back, so a file round-trips.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from bridgedesk.errors import UserError

FULL_NAME = "full_name"

# field -> header written on export (first) and other names accepted on import
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "given_names": (
        "Given names",
        "First name",
        "Given name",
        "Given name(s)",
        "Forename",
        "Forenames",
    ),
    "family_name": ("Family name", "Surname", "Last name"),
    FULL_NAME: ("Full name", "Name"),
    "native_name": ("Native name", "Name in native script", "Native script name"),
    "preferred_name": ("Preferred name", "Goes by", "Nickname"),
    "pronouns": ("Pronouns",),
    "country_of_training": ("Country of training", "Country", "Training country"),
    "medical_school": ("Medical school", "School"),
    "graduation_year": ("Graduation year", "Year of graduation", "Grad year"),
    "specialty": ("Specialty", "Speciality"),
    "role": ("Role",),
    "site": ("Site", "Hospital"),
    "start_date": ("Start date", "Started", "Start"),
    "phase": ("Phase",),
    "phase_by_hand": ("Phase set by hand", "Phase override"),
    "email": ("Email", "E-mail", "Email address"),
    "phone": ("Phone", "Phone number", "Telephone", "Mobile"),
    "languages": ("Languages", "Language"),
    "visa_kind": ("Visa", "Visa kind", "Visa type"),
    "notes": ("Notes", "Note", "Comments"),
    "status": ("Status",),
    "exit_date": ("Exit date", "Left on", "Date left"),
    "exit_reason": ("Exit reason", "Reason for leaving"),
    "exit_details": ("Exit details", "Exit notes"),
}

EXPORT_FIELDS: tuple[str, ...] = tuple(f for f in FIELD_NAMES if f != FULL_NAME)
EXPORT_HEADERS: tuple[str, ...] = tuple(FIELD_NAMES[f][0] for f in EXPORT_FIELDS)


def normalise(header: str) -> str:
    """ "Given name(s)" -> "givennames": lower case, letters and digits only."""
    text = unicodedata.normalize("NFKC", header).casefold()
    return re.sub(r"[\W_]+", "", text)


_LOOKUP: dict[str, str] = {normalise(name): f for f, names in FIELD_NAMES.items() for name in names}
_LOOKUP[normalise("visa_kind")] = "visa_kind"


@dataclass
class HeaderMap:
    """Which column index holds which field, and the headers nobody understood."""

    columns: dict[str, int] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)


def match_headers(header: list[str]) -> HeaderMap:
    """Map each header to a field; the first of two columns for one field wins."""
    result = HeaderMap()
    for index, raw in enumerate(header):
        text = str(raw).strip()
        key = _LOOKUP.get(normalise(text))
        if key is None or key in result.columns:
            if text:
                result.ignored.append(text)
            continue
        result.columns[key] = index
    has_split = "given_names" in result.columns and "family_name" in result.columns
    if has_split and FULL_NAME in result.columns:
        result.ignored.append(str(header[result.columns.pop(FULL_NAME)]).strip())
    if not has_split and FULL_NAME not in result.columns:
        missing = [n for n in ("given_names", "family_name") if n not in result.columns]
        names = " and ".join(f'"{FIELD_NAMES[n][0]}"' for n in missing)
        raise UserError(f'The file has no {names} column (or a single "Full name" column).')
    if not has_split:
        for part in ("given_names", "family_name"):
            if part in result.columns:
                result.ignored.append(str(header[result.columns.pop(part)]).strip())
    if "start_date" not in result.columns:
        raise UserError('The file has no "Start date" column, which every mentee needs.')
    return result
