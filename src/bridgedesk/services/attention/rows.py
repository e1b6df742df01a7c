"""What one row of the "Needs attention" list holds, and where it sits in the ranking."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How loud a row is: the Dashboard groups by it and the roster marks the first two."""

    LAPSED = "lapsed"  # a date that must not pass has passed
    SOON = "soon"  # a credential deadline inside the first band (the 30-day window)
    ROUTINE = "routine"  # everything else worth doing this week


URGENT = (Severity.LAPSED, Severity.SOON)

# The place of each kind in the ranking: a smaller group comes first. New kinds pick a
# number between two existing ones (pair-health flags, say, 45: after the overdue items).
GROUP_LAPSED_GOVERNMENT = 10
GROUP_LAPSED_OTHER = 15
GROUP_DUE_SOON = 20
GROUP_OVERDUE = 40
GROUP_PAIR_HEALTH = 45  # pair-health flags (services.pair_health): after the overdue items
GROUP_SURVEY_DUE = 47  # adjustment surveys due and not answered: with the pair's health
GROUP_NO_PRIMARY_MENTOR = 50
GROUP_NEVER_ASSESSED = 60
GROUP_DUE_LATER = 70  # a 60- to 180-day reminder: plan ahead, after this week's work
GROUP_LONG_OVERDUE = 90

# Kinds (a row's ``kind``): what the summary counts and the GUI names.
CREDENTIAL_LAPSED = "credential_lapsed"
CREDENTIAL_DUE = "credential_due"
OVERDUE = "overdue"
NO_PRIMARY_MENTOR = "no_primary_mentor"
NEVER_ASSESSED = "never_assessed"
LONG_OVERDUE = "long_overdue"
PAIR_HEALTH = "pair_health"
SURVEY_DUE = "survey_due"

KIND_LABELS: dict[str, str] = {
    CREDENTIAL_LAPSED: "Lapsed credentials",
    CREDENTIAL_DUE: "Credential deadlines coming",
    OVERDUE: "Overdue check-ins and milestones",
    NO_PRIMARY_MENTOR: "No primary mentor",
    NEVER_ASSESSED: "Never assessed on the checklist",
    LONG_OVERDUE: "Long-overdue items to review",
    PAIR_HEALTH: "Pair-health flags",
    SURVEY_DUE: "Adjustment surveys not answered",
}

# Views a row can open (the keys of ui/screens/registry.py).
VIEW_DEADLINES = "deadlines"
VIEW_TIMELINE = "timeline"
VIEW_MENTEE = "mentees"
VIEW_CHECKLISTS = "checklists"


@dataclass(frozen=True)
class Target:
    """Where a row's "Open" goes: a view, the mentee to show there, and the item to select."""

    view: str
    mentee_id: int | None = None
    item_kind: str = ""  # "credential", "checkin", "milestone", "" (the mentee as a whole)
    item_id: int | None = None


@dataclass(frozen=True)
class AttentionRow:
    """One thing to do: who, what is wrong, what to do about it, and where to do it."""

    key: str  # names the item AND its state: a snooze or dismissal is kept against it
    kind: str
    severity: Severity
    group: int  # place in the ranking (GROUP_...); rows sort by (group, order, name)
    order: int  # within the group, smaller first (days left, minus days overdue, ...)
    mentee_id: int | None  # None: a row about the program (a long-overdue summary)
    mentee_name: str
    what: str  # what is wrong, short: "H-1B status expired 12 days ago"
    todo: str  # the sentence saying what to do
    target: Target
    when: dt.date | None = None  # the date the row is about, if one
    items: int = 1  # how many underlying items the row stands for
    rank: int = 0  # 1-based place in the list, set once the list is ranked

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.group, self.order, self.mentee_name.casefold(), self.key)

    def at_rank(self, rank: int) -> AttentionRow:
        """A copy of the row at its 1-based place in the list.

        The same as ``dataclasses.replace(self, rank=rank)``, which re-runs the frozen
        ``__init__`` field by field: several times slower over the 20,000 rows of a big program.
        """
        ranked = object.__new__(AttentionRow)
        ranked.__dict__.update(self.__dict__, rank=rank)
        return ranked


@dataclass(frozen=True)
class Scope:
    """What a source looks at: the day, and one site's mentees (None: every site)."""

    today: dt.date
    site: str | None = None


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def days_ago(days: int) -> str:
    if days == 0:
        return "today"
    return "yesterday" if days == 1 else f"{days:,} days ago"


def days_ahead(days: int) -> str:
    if days == 0:
        return "today"
    return "tomorrow" if days == 1 else f"in {days:,} days"
