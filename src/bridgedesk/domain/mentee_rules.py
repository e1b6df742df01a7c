"""Rules a mentee's profile must follow, as pure functions (no database, no clock).

Kept apart from the service so the form, the importer and the service give the same
plain message for the same mistake, and so the rules are tested without a database.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping

EARLIEST_GRADUATION_YEAR = 1950
NAME_MAX = 200
NOTES_MAX = 20_000

# Longest text each field may hold; names are capped at NAME_MAX, free text at NOTES_MAX.
TEXT_LIMITS: dict[str, int] = {
    "given_names": NAME_MAX,
    "family_name": NAME_MAX,
    "native_name": NAME_MAX,
    "preferred_name": NAME_MAX,
    "pronouns": 40,
    "country_of_training": 120,
    "medical_school": 300,
    "specialty": 120,
    "site": NAME_MAX,
    "email": 200,
    "phone": 60,
    "languages": 300,
    "visa_kind": 60,
    "notes": NOTES_MAX,
    "exit_reason": NOTES_MAX,
}

FIELD_LABELS: dict[str, str] = {
    "given_names": "Given names",
    "family_name": "Family name",
    "native_name": "Name in native script",
    "preferred_name": "Preferred name",
    "pronouns": "Pronouns",
    "country_of_training": "Country of training",
    "medical_school": "Medical school",
    "specialty": "Specialty",
    "site": "Site",
    "email": "Email",
    "phone": "Phone",
    "languages": "Languages",
    "visa_kind": "Visa kind",
    "notes": "Notes",
    "exit_reason": "Exit reason",
}

# Latin letters: Basic Latin, Latin-1 letters (not × ÷), Latin Extended-A/B, IPA-free,
# Latin Extended Additional (Vietnamese), plus combining accents for decomposed input.
_LATIN_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0300-\u036f"
_LATIN_NAME = re.compile(rf"^[{_LATIN_LETTER}][{_LATIN_LETTER} \-'\u2019.]*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def normalize(text: str) -> str:
    """NFC and outer spaces trimmed: the one form text is compared and stored in."""
    return unicodedata.normalize("NFC", text).strip()


def is_latin_name(text: str) -> bool:
    return bool(_LATIN_NAME.match(normalize(text)))


def check_latin_name(label: str, value: str) -> str | None:
    """Message for a required name in Latin script, or None when it is fine."""
    text = normalize(value)
    if not text:
        return f"{label} is required."
    if not is_latin_name(text):
        return (
            f"{label} must be written in Latin letters (accents, spaces, hyphens, "
            "apostrophes and dots are fine); put other scripts in the native-script name."
        )
    return None


def check_lengths(texts: Mapping[str, str]) -> dict[str, str]:
    problems: dict[str, str] = {}
    for field, value in texts.items():
        limit = TEXT_LIMITS.get(field)
        if limit is not None and len(value) > limit:
            label = FIELD_LABELS.get(field, field)
            problems[field] = (
                f"{label} is too long: {len(value):,} characters, at most {limit:,} are allowed."
            )
    return problems


def check_email(value: str) -> str | None:
    text = normalize(value)
    if text and not _EMAIL.match(text):
        return "Email does not look like an address (name@example.org)."
    return None


def check_graduation_year(
    year: int | None, start_date: dt.date | None, today: dt.date
) -> str | None:
    if year is None:
        return None
    latest = today.year + 1
    if not EARLIEST_GRADUATION_YEAR <= year <= latest:
        return f"Graduation year must be between {EARLIEST_GRADUATION_YEAR} and {latest}."
    if start_date is not None and year > start_date.year:
        return f"Graduation year ({year}) cannot be after the start year ({start_date.year})."
    return None


def check_exit_date(exit_date: dt.date | None, start_date: dt.date | None) -> str | None:
    if exit_date is None:
        return "Exit date is required."
    if start_date is not None and exit_date < start_date:
        return f"Exit date ({exit_date:%Y-%m-%d}) cannot be before the start date ({start_date:%Y-%m-%d})."
    return None


def check_profile(
    texts: Mapping[str, str],
    start_date: dt.date | None,
    graduation_year: int | None,
    today: dt.date,
) -> dict[str, str]:
    """All problems of a mentee profile: field name -> one plain sentence; {} when fine.

    ``texts`` holds the text fields by name (given_names, family_name, email, notes, ...).
    """
    problems = check_lengths(texts)
    for field in ("given_names", "family_name"):
        if field in problems:
            continue
        message = check_latin_name(FIELD_LABELS[field], texts.get(field, ""))
        if message:
            problems[field] = message
    if start_date is None:
        problems["start_date"] = "Start date is required."
    message = check_graduation_year(graduation_year, start_date, today)
    if message:
        problems["graduation_year"] = message
    if "email" not in problems:
        message = check_email(texts.get("email", ""))
        if message:
            problems["email"] = message
    return problems
