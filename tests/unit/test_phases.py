"""One rule for "which phase is this day in", and every caller gives the same answer."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bridgedesk.domain.phases import PhaseSpan, phase_on_date, phase_on_day
from bridgedesk.services.demo.reference import load_reference
from bridgedesk.services.importing.roster_import import _phases, phase_for
from bridgedesk.services.mentees.roster import phase_for_start
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


def test_roster_import_and_demo_agree_on_the_program_phases(sqlite_ctx):
    start = dt.date(2025, 1, 1)
    with sqlite_ctx.read() as session:
        ref = load_reference(session)
        table = _phases(session)
        spans = [
            PhaseSpan(*row)
            for row in session.execute(select(Phase.id, Phase.start_day, Phase.end_day))
        ]
        for day in (-90, -60, -1, 0, 13, 14, 89, 90, 364, 365, 1094, 1095, 4000):
            today = start + dt.timedelta(days=day)
            expected = phase_on_day(spans, day)
            assert expected is not None
            assert phase_for_start(session, start, today) == expected, day
            assert phase_for(start, today, table) == expected, day
            assert ref.phase_at(day) == expected, day
