"""Credential kinds as rules: their fields, the dates derived from them, and each rule's source.

The rules are data (``resources/defaults/credential_kinds.json``, editable and versioned by the
program), read here into plain frozen records. Nothing here touches a database or a clock;
:mod:`bridgedesk.domain.deadline_engine` turns a credential and its kind's rules into dated
events. Every derived date must name its source (a regulation or an agency page): a rule
without one is refused when the file is read, so an unsourced rule can never reach a
director's screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

FIELD_TYPES = ("date", "int", "bool", "text", "choice")
# What an event means for the director; "due" events carry the reminders.
EVENT_KINDS = ("due", "starts_by", "window_opens", "grace_ends", "limit", "obligation_ends")
# The dates every credential has in its own columns, usable as a rule's base.
BUILT_IN_DATES = ("issued_on", "expires_on")


class RuleError(ValueError):
    """The rules file breaks a rule of its own; the message names the kind and the entry."""


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    type: str  # one of FIELD_TYPES
    choices: tuple[str, ...] = ()
    default: Any = None


@dataclass(frozen=True)
class DerivedDate:
    """``base`` (a date field) moved by days, months and years (fixed or read from a field)."""

    key: str
    label: str
    event: str  # one of EVENT_KINDS
    base: str
    days: int = 0
    months: int = 0
    years: int = 0
    years_field: str = ""  # e.g. the waiver's obligation years (3 or 4)
    no_work: bool = False  # the physician may not work from this date on (J-1 grace)
    unless_field: str = ""  # skipped when this bool field is true (H-1B cap-exempt)
    source: str = ""


@dataclass(frozen=True)
class KindRules:
    code: str
    name: str
    tier: str
    fields: tuple[FieldSpec, ...]
    derived: tuple[DerivedDate, ...]
    reminder_offsets: tuple[int, ...]
    guidance: str
    expiry_label: str = "Expires"  # what the credential's own end date means for this kind
    issued_label: str = "Issued"  # what its start date means (a waiver's approval, ...)
    expiry_source: str = ""  # the rule behind the expiry's reminders, when there is one
    leaving_early: str = ""  # the consequence of leaving the program while this is active

    def field(self, key: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.key == key), None)


def _text(entry: Mapping[str, Any], key: str, where: str, required: bool = True) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise RuleError(f"{where}: '{key}' must be a non-empty text.")
    return value.strip()


def _field(entry: Mapping[str, Any], where: str) -> FieldSpec:
    key = _text(entry, "key", where)
    kind = _text(entry, "type", f"{where} field {key}")
    if kind not in FIELD_TYPES:
        raise RuleError(f"{where} field {key}: type must be one of {', '.join(FIELD_TYPES)}.")
    choices = tuple(str(c) for c in entry.get("choices", ()))
    if kind == "choice" and not choices:
        raise RuleError(f"{where} field {key}: a choice field lists its choices.")
    return FieldSpec(key, _text(entry, "label", f"{where} field {key}"), kind, choices,
                     entry.get("default"))  # fmt: skip


def _derived(entry: Mapping[str, Any], where: str, date_keys: set[str]) -> DerivedDate:
    key = _text(entry, "key", where)
    here = f"{where} date {key}"
    event = _text(entry, "event", here)
    if event not in EVENT_KINDS:
        raise RuleError(f"{here}: event must be one of {', '.join(EVENT_KINDS)}.")
    base = _text(entry, "base", here)
    if base not in date_keys:
        raise RuleError(f"{here}: base {base!r} is not a date of this kind.")
    numbers = {name: entry.get(name, 0) for name in ("days", "months", "years")}
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in numbers.values()):
        raise RuleError(f"{here}: days, months and years are whole numbers.")
    return DerivedDate(
        key=key, label=_text(entry, "label", here), event=event, base=base,
        years_field=str(entry.get("years_field", "")), no_work=bool(entry.get("no_work", False)),
        unless_field=str(entry.get("unless_field", "")),
        source=_text(entry, "source", here),  # a rule without a source is refused
        **numbers,
    )  # fmt: skip


def parse_kind(entry: Mapping[str, Any]) -> KindRules:
    """One kind from its JSON form; RuleError names what is wrong."""
    code = _text(entry, "code", "a kind")
    where = f"kind {code}"
    fields = tuple(_field(f, where) for f in entry.get("fields", ()))
    date_keys = {f.key for f in fields if f.type == "date"} | set(BUILT_IN_DATES)
    derived: list[DerivedDate] = []
    for item in entry.get("derived", ()):
        rule = _derived(item, where, date_keys | {d.key for d in derived})
        years_from = next((x for x in fields if x.key == rule.years_field), None)
        if rule.years_field and (years_from is None or years_from.type not in ("int", "choice")):
            raise RuleError(f"{where} date {rule.key}: years_field must be a number field.")
        derived.append(rule)
    offsets = entry.get("reminder_offsets", ())
    if not all(isinstance(v, int) and 0 < v <= 3650 for v in offsets):
        raise RuleError(f"{where}: reminder offsets are whole days between 1 and 3650.")
    return KindRules(
        code=code, name=_text(entry, "name", where), tier=_text(entry, "tier", where),
        fields=fields, derived=tuple(derived),
        reminder_offsets=tuple(sorted(set(offsets), reverse=True)),
        guidance=_text(entry, "guidance", where, required=False),
        expiry_label=_text(entry, "expiry_label", where, required=False) or "Expires",
        issued_label=_text(entry, "issued_label", where, required=False) or "Issued",
        expiry_source=_text(entry, "expiry_source", where, required=False),
        leaving_early=_text(entry, "leaving_early", where, required=False),
    )  # fmt: skip


def parse_kinds(data: Mapping[str, Any]) -> tuple[KindRules, ...]:
    """Every kind of a rules file; codes must be unique."""
    kinds = tuple(parse_kind(entry) for entry in data.get("kinds", ()))
    codes = [k.code for k in kinds]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise RuleError(f"kind {duplicates[0]} is defined more than once.")
    return kinds


def by_code(kinds: Sequence[KindRules]) -> dict[str, KindRules]:
    return {k.code: k for k in kinds}
