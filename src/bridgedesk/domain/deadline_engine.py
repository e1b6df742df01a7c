"""The one deadline engine: a credential and its kind's rules in, dated events out.

Pure functions (no database, no clock: ``today`` is passed in), so the Deadlines view, the
dashboard, the mentee report, the packet and the calendar export all read the same dates.

Events and what their passing means:

* ``due``: the credential's end (its expiry); once passed the credential has lapsed;
* ``starts_by``: something must happen by then (a waiver job must start); passed without
  the field that satisfies it, it has lapsed;
* ``limit``: a total that may not be exceeded (H-1B six years); passed, it has lapsed;
* ``obligation_ends``: a service obligation is fulfilled then; passing it is good news;
* ``window_opens``: from then on something may be filed (renewal, extension);
* ``grace_ends``: the end of a grace period (J-1: 30 days, no work).

Reminders are dated before the events a director must act on (due, starts_by, limit,
obligation_ends), at the credential's own offsets or else its kind's.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bridgedesk.domain.deadline_rules import DerivedDate, KindRules
from bridgedesk.domain.reminders import LAPSED, reminder_band

# Bumped whenever dated_events computes a date differently: the dates stored for SQL windows
# (services/credentials/event_dates.py) are then redone when a program opens.
ENGINE_VERSION = 1

WATCHED_EVENTS = ("due", "starts_by", "limit", "obligation_ends")
LAPSING_EVENTS = ("due", "starts_by", "limit")


@dataclass(frozen=True)
class CredentialFacts:
    """What a credential holds: its own dates, its kind's fields' values, its own offsets."""

    issued_on: dt.date | None = None
    expires_on: dt.date | None = None
    values: Mapping[str, Any] = field(default_factory=dict)
    own_offsets: tuple[int, ...] | None = None  # None: the kind's offsets apply


@dataclass(frozen=True)
class DeadlineEvent:
    on: dt.date
    event: str  # an event kind of deadline_rules.EVENT_KINDS, or "reminder"
    key: str  # "expires_on" or the derived date's key
    label: str
    source: str = ""
    no_work: bool = False
    satisfied: bool = False  # starts_by met (the work started): nothing to do any more
    days_before: int | None = None  # for a reminder: how far ahead of its event


@dataclass(frozen=True)
class Standing:
    """Where a credential stands today: the event to act on next and how close it is."""

    event: DeadlineEvent | None  # the lapsed event, or the next watched one; None: nothing
    days_left: int | None
    band: str  # "lapsed", a reminder offset ("30"), "later" or "none"
    no_work: bool  # today falls after a no-work date (J-1 grace)


def shift(day: dt.date, days: int = 0, months: int = 0, years: int = 0) -> dt.date:
    """``day`` moved by whole years and months (kept to the month's last day), then days.

    2028-02-29 plus one year is 2029-02-28; 2026-08-31 minus six months is 2026-02-28.
    """
    month_index = day.month - 1 + months + 12 * years
    year, month = day.year + month_index // 12, month_index % 12 + 1
    moved = dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
    return moved + dt.timedelta(days=days)


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _years(rule: DerivedDate, values: Mapping[str, Any]) -> int | None:
    if not rule.years_field:
        return rule.years
    value = values.get(rule.years_field)
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def dated_events(facts: CredentialFacts, rules: KindRules) -> list[DeadlineEvent]:
    """The credential's own end and every date its kind's rules derive, in date order."""
    dates: dict[str, dt.date | None] = {
        "issued_on": facts.issued_on,
        "expires_on": facts.expires_on,
        **{f.key: _as_date(facts.values.get(f.key)) for f in rules.fields if f.type == "date"},
    }
    events: list[DeadlineEvent] = []
    if facts.expires_on is not None:
        events.append(DeadlineEvent(facts.expires_on, "due", "expires_on", rules.expiry_label,
                                    rules.expiry_source))  # fmt: skip
    for rule in rules.derived:
        base = dates.get(rule.base)
        years = _years(rule, facts.values)
        if (
            base is None
            or years is None
            or (rule.unless_field and facts.values.get(rule.unless_field))
        ):
            dates[rule.key] = None
            continue
        on = shift(base, rule.days, rule.months, years)
        dates[rule.key] = on
        satisfied = rule.event == "starts_by" and _satisfied(rule, rules, facts.values)
        events.append(DeadlineEvent(on, rule.event, rule.key, rule.label, rule.source,
                                    rule.no_work, satisfied))  # fmt: skip
    return sorted(events, key=lambda e: (e.on, e.key))


def event_label(rules: KindRules, key: str) -> str:
    """The label ``dated_events`` gives the event of this key ("expires_on" or a rule's key)."""
    if key == "expires_on":
        return rules.expiry_label
    return next((rule.label for rule in rules.derived if rule.key == key), key)


def _satisfied(rule: DerivedDate, rules: KindRules, values: Mapping[str, Any]) -> bool:
    """A starts_by is met once a date field other than its base is filled (the work start)."""
    others = [f.key for f in rules.fields if f.type == "date" and f.key != rule.base]
    return any(_as_date(values.get(key)) for key in others)


def offsets_of(facts: CredentialFacts, rules: KindRules) -> tuple[int, ...]:
    return facts.own_offsets if facts.own_offsets is not None else rules.reminder_offsets


def reminders(events: Iterable[DeadlineEvent], offsets: Iterable[int]) -> list[DeadlineEvent]:
    """One reminder per offset before each event to act on, in date order."""
    found = [
        DeadlineEvent(
            e.on - dt.timedelta(days=n),
            "reminder",
            e.key,
            f"{e.label} in {n} days",
            e.source,
            days_before=n,
        )  # fmt: skip
        for e in events
        if e.event in WATCHED_EVENTS and not e.satisfied
        for n in sorted(set(offsets), reverse=True)
    ]
    return sorted(found, key=lambda e: (e.on, e.key))


def all_events(facts: CredentialFacts, rules: KindRules) -> list[DeadlineEvent]:
    """Dated events and their reminders together, in date order (the calendar export)."""
    dated = dated_events(facts, rules)
    return sorted(dated + reminders(dated, offsets_of(facts, rules)), key=lambda e: (e.on, e.key))


def standing(facts: CredentialFacts, rules: KindRules, today: dt.date) -> Standing:
    """The lapsed event if any (the earliest), else the next event to act on."""
    dated = dated_events(facts, rules)
    no_work = any(e.no_work and e.on <= today for e in dated)
    lapsed = [e for e in dated if e.event in LAPSING_EVENTS and not e.satisfied and e.on < today]
    if lapsed:
        first = lapsed[0]
        return Standing(first, (first.on - today).days, LAPSED, no_work)
    ahead = [e for e in dated if e.event in WATCHED_EVENTS and not e.satisfied and e.on >= today]
    if not ahead:
        return Standing(None, None, "none", no_work)
    event = ahead[0]
    left = (event.on - today).days
    return Standing(event, left, reminder_band(left, offsets_of(facts, rules)), no_work)


def reached_reminders(
    facts: CredentialFacts, rules: KindRules, today: dt.date
) -> list[DeadlineEvent]:
    """Reminders whose date has come and whose event is still ahead (or today)."""
    dated = dated_events(facts, rules)
    ahead = [e for e in dated if e.on >= today]
    return [r for r in reminders(ahead, offsets_of(facts, rules)) if r.on <= today]


def next_events(events: Sequence[DeadlineEvent], today: dt.date) -> list[DeadlineEvent]:
    """The events from today on (informational ones included), soonest first."""
    return [e for e in events if e.on >= today]
