"""What the Mentees view shows, gathered in one call that any thread may make (no widgets).

Big programs run :func:`load_roster` in a worker (see :mod:`bridgedesk.ui.screens.mentees.roster_view`);
the rows, their search keys and the filter choices come back together as :class:`RosterData`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentees.roster_rows import RosterRow, roster_rows
from bridgedesk.services.mentees.status_counts import MenteeCounts, mentee_counts
from bridgedesk.ui.models.roster_model import distinct_mentors, distinct_values, search_keys


@dataclass(frozen=True)
class RosterData:
    """Everything the view shows, computed off the GUI thread for big programs."""

    rows: list[RosterRow]
    keys: list[str]
    phases: list[str]
    specialties: list[str]
    sites: list[str]
    countries: list[str]
    mentors: list[tuple[int, str]]
    counts: MenteeCounts | None = None  # the roster's figures: on the roster, active, ...


def load_roster(ctx: ServiceContext, today: dt.date) -> RosterData:
    """The roster rows, their search keys and the filter choices (any thread: no widgets)."""
    rows = roster_rows(ctx, today)
    return RosterData(
        rows,
        search_keys(rows),
        distinct_values(rows, "phase"),
        distinct_values(rows, "specialty"),
        distinct_values(rows, "site"),
        distinct_values(rows, "country"),
        distinct_mentors(rows),
        mentee_counts(ctx),
    )
