"""A credential's kind-specific fields: checked against the kind's rules, stored as JSON."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from bridgedesk.domain.deadline_rules import FieldSpec


def read_values(stored: str | None) -> dict[str, Any]:
    """The stored JSON object; anything else (empty, damaged) reads as no values."""
    if not stored or stored == "{}":  # most credentials: no parse (the roster reads 60,000)
        return {}
    try:
        data = json.loads(stored or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def field_problems(specs: Iterable[FieldSpec], values: Mapping[str, Any]) -> dict[str, str]:
    """One sentence per value that does not fit its field; unknown keys are refused too."""
    by_key = {spec.key: spec for spec in specs}
    problems: dict[str, str] = {}
    for key, value in values.items():
        spec = by_key.get(key)
        if spec is None:
            problems[key] = f"This kind has no field {key!r}."
        elif value in (None, ""):
            continue
        elif spec.type == "date":
            try:
                dt.date.fromisoformat(str(value))
            except ValueError:
                problems[key] = f"{spec.label}: write the date as YYYY-MM-DD."
        elif spec.type == "int" and not (isinstance(value, int) and not isinstance(value, bool)
                                          and 0 <= value <= 1000):  # fmt: skip
            problems[key] = f"{spec.label}: a whole number between 0 and 1000."
        elif spec.type == "bool" and not isinstance(value, bool):
            problems[key] = f"{spec.label}: yes or no."
        elif spec.type == "choice" and str(value) not in spec.choices:
            problems[key] = f"{spec.label}: one of {', '.join(spec.choices)}."
        elif spec.type == "text" and len(str(value)) > 200:
            problems[key] = f"{spec.label}: at most 200 characters."
    return problems
