"""One rule for "which phase is this day in", and every caller gives the same answer."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bridgedesk.domain.phases import PhaseSpan, phase_on_date, phase_on_day
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentees.roster_rows import roster_rows
from bridgedesk.storage.models import Phase

# Phases with a gap (20-29) and a closed last phase, in no particular order.
SPANS = [PhaseSpan(3, 30, 60), PhaseSpan(1, -10, 0), PhaseSpan(2, 0, 20)]


@pytest.mark.parametrize(
    ("day", "phase"),
    [
        (-400, 1),  # long before the first phase: the first
        (-10, 1),
        (-1, 1),
        (0, 2),  # a phase's end day belongs to the next one
        (19, 2),
        (25, 2),  # in the gap: the phase before it
        (30, 3),
        (5000, 3),  # past a closed last phase: the last
    ],
)
def test_phase_on_day(day, phase):
    assert phase_on_day(SPANS, day) == phase


def test_no_phases_is_none_and_dates_count_from_the_start():
    assert phase_on_day([], 5) is None
    start = dt.date(2026, 1, 1)
    assert phase_on_date(SPANS, start, start + dt.timedelta(days=31)) == 3


@pytest.mark.slow  # a roster read for every day of a year
def test_the_roster_shows_the_phase_the_start_date_gives_every_day_of_a_year(ctx):
    """A mentee added through the service moves through the phases on the right days; the
    stored record never goes stale (the bug: 11 months in, still "Orientation")."""
    start = dt.date(2025, 1, 1)
    roster = RosterService(ctx, clock=lambda: start)
    mid = roster.create(MenteeFields(given_names="Selam", family_name="Tesfaye", start_date=start))
    with ctx.read() as session:
        rows = session.execute(select(Phase.id, Phase.name, Phase.start_day, Phase.end_day)).all()
    spans = [PhaseSpan(pid, first, last) for pid, _name, first, last in rows]
    names = {pid: name for pid, name, _first, _last in rows}
    seen = set()
    for day in range(-60, 400):
        today = start + dt.timedelta(days=day)
        expected = names[phase_on_day(spans, day)]
        (row,) = roster_rows(ctx, today)
        assert (row.id, row.phase, row.phase_by_hand) == (mid, expected, False), day
        seen.add(expected)
    assert seen == {
        "Pre-arrival",
        "Orientation",
        "First 90 days",
        "Rest of year 1",
        "Years 2 and 3",
    }
    assert RosterService(ctx, clock=lambda: start + dt.timedelta(days=334)).get(mid).phase_name == (
        "Rest of year 1"
    )


def test_a_phase_set_by_hand_wins_and_is_shown_as_such(ctx):
    start = dt.date(2025, 1, 1)
    roster = RosterService(ctx, clock=lambda: start + dt.timedelta(days=200))
    orientation = next(pid for pid, name in roster.phases() if name == "Orientation")
    mid = roster.create(
        MenteeFields(
            given_names="Priya", family_name="Sharma", start_date=start,
            phase_override_id=orientation,
        )
    )  # fmt: skip
    (row,) = roster_rows(ctx, start + dt.timedelta(days=200))
    assert (row.phase, row.phase_by_hand) == ("Orientation", True)
    record = roster.get(mid)
    assert record.phase.label == "Orientation (set by hand)"
    assert record.phase.derived == "Rest of year 1"
