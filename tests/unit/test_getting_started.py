"""The getting-started list: offered once to a program with no mentees, ticked from the data."""

from __future__ import annotations

import datetime as dt

from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.program import details
from bridgedesk.services.program import getting_started as gs

TODAY = dt.date(2026, 3, 12)


def _add_mentee(ctx, site: str = "") -> int:
    roster = RosterService(ctx, clock=lambda: TODAY)
    return roster.create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", site=site, start_date=TODAY)
    )


def test_a_new_program_is_offered_the_list_with_nothing_done(sqlite_ctx):
    state = gs.offer_if_new(sqlite_ctx, TODAY)
    assert state.shown and state.done == 0 and not state.complete
    assert gs.getting_started(sqlite_ctx).offered  # remembered


def test_each_step_ticks_from_the_data(sqlite_ctx):
    ctx = sqlite_ctx
    gs.offer_if_new(ctx, TODAY)
    _add_mentee(ctx)
    assert (gs.getting_started(ctx).mentees, gs.getting_started(ctx).done) == (True, 1)
    MentorService(ctx).create(MentorFields(name="Dr Carol Jensen"))
    assert gs.getting_started(ctx).mentors
    details.save(ctx, details.ProgramSettings("St Mary's", "IMG Mentorship", "Dr Okafor"))
    assert not gs.getting_started(ctx).details  # the names, but no site yet
    _add_mentee(ctx, site="North Campus")
    assert gs.getting_started(ctx).details
    gs.note_first_report(ctx, TODAY)
    gs.note_first_report(ctx, TODAY + dt.timedelta(days=3))  # the first date is kept
    state = gs.getting_started(ctx)
    assert state.report and state.complete and state.shown


def test_hidden_for_good(sqlite_ctx):
    gs.offer_if_new(sqlite_ctx, TODAY)
    gs.hide(sqlite_ctx)
    assert not gs.getting_started(sqlite_ctx).shown
    assert not gs.offer_if_new(sqlite_ctx, TODAY).shown


def test_a_program_that_already_has_mentees_is_never_offered_it(sqlite_ctx):
    _add_mentee(sqlite_ctx)
    state = gs.offer_if_new(sqlite_ctx, TODAY)
    assert not state.offered and not state.shown
