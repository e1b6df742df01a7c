"""Bulk reads of many mentees' timelines, for the board packet.

Why: the packet prints a report for every active mentee. Read one mentee at a time, a
100-mentee packet ran ~1,500 small queries (one per check-in for its details alone), about a
fifth of its build time. Here each kind of row is read for all the mentees at once, in a few
Core queries (ids in chunks, so 10,000 mentees stay under any driver's parameter limit). The
queries and the arithmetic are the readers the one-mentee methods of ``TimelineService``,
``MentorService`` and ``ChecklistService`` call with a single id, so both give the same rows
in the same order; this module adds only the chunking (tests check they agree).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from sqlalchemy.orm import Session

from bridgedesk.services.checklists.ratings import (
    ChecklistService,
    DomainProgress,
    domain_progress,
    ratings_by_mentee,
)
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentors.service import AssignmentRow, read_assignments
from bridgedesk.services.timeline.reads import (
    ActionRow,
    CheckinDetail,
    GoalRow,
    PhaseBand,
    TimelineEvent,
    read_checkin_details,
    read_events,
    read_goals,
    read_open_actions,
    read_phase_bands,
)

CHUNK = 500
"""Ids per ``IN (...)`` list: far below SQLite's and PostgreSQL's parameter limits."""

_Value = TypeVar("_Value")


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    unique = sorted(set(ids))
    for at in range(0, len(unique), CHUNK):
        yield unique[at : at + CHUNK]


def _in_chunks(
    ctx: ServiceContext, ids: Sequence[int], read: Callable[[Session, list[int]], dict[int, _Value]]
) -> dict[int, _Value]:
    """``read`` over every chunk of ``ids`` in one read transaction, the answers merged."""
    out: dict[int, _Value] = {}
    with ctx.read() as s:
        for chunk in _chunks(ids):
            out.update(read(s, chunk))
    return out


def _per_mentee(
    ctx: ServiceContext,
    mentee_ids: Sequence[int],
    read: Callable[[Session, list[int]], dict[int, list[_Value]]],
) -> dict[int, list[_Value]]:
    """Like ``_in_chunks`` with every mentee id a key, in the caller's order ([] when none)."""
    found = _in_chunks(ctx, mentee_ids, read)
    return {mid: found.get(mid, []) for mid in mentee_ids}


def events_by_mentee(
    ctx: ServiceContext, mentee_ids: Sequence[int], today: dt.date
) -> dict[int, list[TimelineEvent]]:
    """``TimelineService.events`` for each mentee (every id is a key, maybe with [])."""
    return _per_mentee(ctx, mentee_ids, lambda s, ids: read_events(s, ids, today))


def phase_bands_by_mentee(
    ctx: ServiceContext, mentee_ids: Sequence[int]
) -> dict[int, list[PhaseBand]]:
    """``TimelineService.phase_bands`` for each mentee; [] for a mentee with no start date."""
    return _per_mentee(ctx, mentee_ids, read_phase_bands)


def checkin_details(ctx: ServiceContext, checkin_ids: Sequence[int]) -> dict[int, CheckinDetail]:
    """``TimelineService.checkin_detail`` for each id that exists, by id."""
    return _in_chunks(ctx, checkin_ids, read_checkin_details)


def open_actions_by_mentee(
    ctx: ServiceContext, mentee_ids: Sequence[int]
) -> dict[int, list[ActionRow]]:
    """``TimelineService.open_actions`` for each mentee: nearest due first, undated last."""
    return _per_mentee(ctx, mentee_ids, read_open_actions)


def goals_by_mentee(ctx: ServiceContext, mentee_ids: Sequence[int]) -> dict[int, list[GoalRow]]:
    """``TimelineService.goals`` for each mentee (progress from tasks or as judged)."""
    return _per_mentee(ctx, mentee_ids, read_goals)


def assignments_by_mentee(
    ctx: ServiceContext, mentee_ids: Sequence[int]
) -> dict[int, list[AssignmentRow]]:
    """``MentorService.assignments`` for each mentee: mentor history, newest first."""
    return _per_mentee(ctx, mentee_ids, read_assignments)


def checklist_progress_by_mentee(
    ctx: ServiceContext, mentee_ids: Sequence[int]
) -> dict[int, list[DomainProgress]]:
    """``ChecklistService.progress`` for each mentee: share proficient first vs latest, means.

    The template and its proficient levels are read once; the ratings in one query per chunk.
    """
    with ctx.read() as s:
        view = ChecklistService._template_view(s, ChecklistService._current(s))
        proficient = ChecklistService._proficient_levels(s)
        ratings = {
            mid: rated
            for ids in _chunks(mentee_ids)
            for mid, rated in ratings_by_mentee(s, ids, view.name).items()
        }
    return {mid: domain_progress(view, ratings.get(mid, []), proficient) for mid in mentee_ids}
