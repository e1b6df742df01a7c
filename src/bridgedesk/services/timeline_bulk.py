"""Bulk reads of many mentees' timelines, for the board packet.

Why: the packet prints a report for every active mentee. Read one mentee at a time, a
100-mentee packet ran ~1,500 small queries (one per check-in for its details alone), about a
fifth of its build time. Here each kind of row is read for all the mentees at once, in a few
Core queries (ids in chunks, so 10,000 mentees stay under any driver's parameter limit), and
handed back per mentee in the same shapes, and the same order, as the one-mentee methods of
``TimelineService``, ``ChecklistService`` and ``MentorService``; tests check they agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from statistics import fmean

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import AssignmentKind, CheckinTopic, GoalProgressMode, ObserverRole
from bridgedesk.services.checklists import ChecklistService, DomainProgress
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentors import AssignmentRow
from bridgedesk.services.timeline import (
    ActionRow,
    CheckinDetail,
    GoalRow,
    GoalTaskRow,
    PhaseBand,
    TimelineEvent,
    checkin_state,
    milestone_state,
)
from bridgedesk.storage.models import (
    Action,
    Assessment,
    Checkin,
    ChecklistDomain,
    ChecklistItem,
    ChecklistTemplate,
    Goal,
    GoalTask,
    Mentee,
    Mentor,
    MentorAssignment,
    Milestone,
    Phase,
    RatingLevel,
)

CHUNK = 500
"""Ids per ``IN (...)`` list: far below SQLite's and PostgreSQL's parameter limits."""


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    unique = sorted(set(ids))
    for at in range(0, len(unique), CHUNK):
        yield unique[at : at + CHUNK]


def events_by_mentee(
    ctx: ServiceContext, mentee_ids: Sequence[int], today: dt.date
) -> dict[int, list[TimelineEvent]]:
    """``TimelineService.events`` for each mentee (every id is a key, maybe with [])."""
    out: dict[int, list[TimelineEvent]] = {mid: [] for mid in mentee_ids}
    with ctx.read() as s:
        for ids in _chunks(mentee_ids):
            rows = s.execute(
                select(
                    Checkin.mentee_id, Checkin.id, Checkin.title, Checkin.planned_date,
                    Checkin.held_date, Checkin.status,
                ).where(Checkin.mentee_id.in_(ids))
            )  # fmt: skip
            for mid, cid, title, planned, held, status in rows:
                out[mid].append(
                    TimelineEvent(
                        "checkin", cid, mid, title, held or planned, planned, held,
                        checkin_state(status, planned, today),
                    )
                )  # fmt: skip
            rows = s.execute(
                select(
                    Milestone.mentee_id, Milestone.id, Milestone.name, Milestone.due_date,
                    Milestone.completed_date,
                ).where(Milestone.mentee_id.in_(ids))
            )  # fmt: skip
            for mid, msid, name, due, completed in rows:
                out[mid].append(
                    TimelineEvent(
                        "milestone", msid, mid, name, completed or due, due, completed,
                        milestone_state(due, completed, today),
                    )
                )  # fmt: skip
    for events in out.values():
        events.sort(key=lambda e: (e.date, e.kind, e.id))
    return out


def phase_bands_by_mentee(
    ctx: ServiceContext, mentee_ids: Sequence[int]
) -> dict[int, list[PhaseBand]]:
    """``TimelineService.phase_bands`` for each mentee; [] for a mentee with no start date."""
    out: dict[int, list[PhaseBand]] = {mid: [] for mid in mentee_ids}
    with ctx.read() as s:
        phases = s.execute(
            select(Phase.name, Phase.start_day, Phase.end_day).order_by(Phase.position)
        ).all()
        for ids in _chunks(mentee_ids):
            starts = s.execute(select(Mentee.id, Mentee.start_date).where(Mentee.id.in_(ids)))
            for mid, start in starts:
                if start is None:
                    continue
                out[mid] = [
                    PhaseBand(
                        name,
                        start + dt.timedelta(days=first),
                        None if last is None else start + dt.timedelta(days=last),
                    )
                    for name, first, last in phases
                ]
    return out


def _action_rows(s: Session, column: object, ids: list[int], open_only: bool) -> list[ActionRow]:
    stmt = select(
        Action.id, Action.mentee_id, Action.checkin_id, Action.description, Action.owner,
        Action.due_date, Action.done_date,
    ).where(column.in_(ids)).order_by(Action.id)  # type: ignore[attr-defined]  # fmt: skip
    if open_only:
        stmt = stmt.where(Action.done_date.is_(None))
    return [ActionRow(*row) for row in s.execute(stmt)]


def checkin_details(ctx: ServiceContext, checkin_ids: Sequence[int]) -> dict[int, CheckinDetail]:
    """``TimelineService.checkin_detail`` for each id that exists, by id."""
    out: dict[int, CheckinDetail] = {}
    with ctx.read() as s:
        for ids in _chunks(checkin_ids):
            actions: dict[int, list[ActionRow]] = {}
            for action in _action_rows(s, Action.checkin_id, ids, open_only=False):
                actions.setdefault(action.checkin_id or 0, []).append(action)
            rows = s.execute(
                select(
                    Checkin.id, Checkin.mentee_id, Checkin.mentor_id, Checkin.title,
                    Checkin.planned_date, Checkin.held_date, Checkin.status, Checkin.format,
                    Checkin.attendees, Checkin.topics, Checkin.summary, Checkin.private_note,
                    Checkin.rescheduled_to_id, Checkin.version,
                ).where(Checkin.id.in_(ids))
            )  # fmt: skip
            for (cid, mid, mentor, title, planned, held, status, fmt, attendees, topics, summary,
                 private, moved_to, version) in rows:  # fmt: skip
                out[cid] = CheckinDetail(
                    id=cid, mentee_id=mid, mentor_id=mentor, title=title, planned_date=planned,
                    held_date=held, status=status, format=fmt, attendees=attendees,
                    topics=[CheckinTopic(t) for t in topics.split(",") if t], summary=summary,
                    private_note=private, rescheduled_to_id=moved_to, version=version,
                    actions=actions.get(cid, []),
                )  # fmt: skip
    return out


def open_actions_by_mentee(
    ctx: ServiceContext, mentee_ids: Sequence[int]
) -> dict[int, list[ActionRow]]:
    """``TimelineService.open_actions`` for each mentee: nearest due first, undated last."""
    out: dict[int, list[ActionRow]] = {mid: [] for mid in mentee_ids}
    with ctx.read() as s:
        for ids in _chunks(mentee_ids):
            for action in _action_rows(s, Action.mentee_id, ids, open_only=True):
                out[action.mentee_id].append(action)
    for rows in out.values():
        rows.sort(key=lambda a: (a.due_date is None, a.due_date or dt.date.min, a.id))
    return out


def goals_by_mentee(ctx: ServiceContext, mentee_ids: Sequence[int]) -> dict[int, list[GoalRow]]:
    """``TimelineService.goals`` for each mentee (progress from tasks or as judged)."""
    out: dict[int, list[GoalRow]] = {mid: [] for mid in mentee_ids}
    with ctx.read() as s:
        for ids in _chunks(mentee_ids):
            goals = s.execute(
                select(
                    Goal.mentee_id, Goal.id, Goal.title, Goal.progress_mode, Goal.judged_progress,
                    Goal.status, Goal.target_date,
                ).where(Goal.mentee_id.in_(ids)).order_by(Goal.id)
            ).all()  # fmt: skip
            tasks: dict[int, list[GoalTaskRow]] = {}
            stmt = (
                select(GoalTask.goal_id, GoalTask.id, GoalTask.title, GoalTask.due_date,
                       GoalTask.done_date)
                .join(Goal, Goal.id == GoalTask.goal_id)
                .where(Goal.mentee_id.in_(ids))
                .order_by(GoalTask.id)
            )  # fmt: skip
            for goal_id, *rest in s.execute(stmt):
                tasks.setdefault(goal_id, []).append(GoalTaskRow(*rest))
            for mid, gid, title, mode, judged, status, target in goals:
                own = tasks.get(gid, [])
                if mode == GoalProgressMode.TASKS:
                    done = sum(1 for t in own if t.done_date is not None)
                    percent = round(100 * done / len(own)) if own else 0
                else:
                    percent = judged
                out[mid].append(GoalRow(gid, title, mode, percent, status, target, own))
    return out


def assignments_by_mentee(
    ctx: ServiceContext, mentee_ids: Sequence[int]
) -> dict[int, list[AssignmentRow]]:
    """``MentorService.assignments`` for each mentee: mentor history, newest first."""
    out: dict[int, list[AssignmentRow]] = {mid: [] for mid in mentee_ids}
    with ctx.read() as s:
        for ids in _chunks(mentee_ids):
            stmt = (
                select(
                    MentorAssignment.mentee_id, MentorAssignment.id, Mentor.id, Mentor.name,
                    MentorAssignment.kind, MentorAssignment.start_date, MentorAssignment.end_date,
                    MentorAssignment.end_reason,
                )
                .join(Mentor, Mentor.id == MentorAssignment.mentor_id)
                .where(MentorAssignment.mentee_id.in_(ids))
                .order_by(MentorAssignment.start_date.desc(), MentorAssignment.id.desc())
            )  # fmt: skip
            for mid, aid, mentor_id, name, kind, start, end, reason in s.execute(stmt):
                out[mid].append(
                    AssignmentRow(aid, mentor_id, name, AssignmentKind(kind), start, end, reason)
                )
    return out


def checklist_progress_by_mentee(
    ctx: ServiceContext, mentee_ids: Sequence[int]
) -> dict[int, list[DomainProgress]]:
    """``ChecklistService.progress`` for each mentee: share proficient first vs latest, means.

    The template is read once; every mentee's ratings in one query per chunk of ids.
    """
    with ctx.read() as s:
        template = ChecklistService._current(s)
        view = ChecklistService._template_view(s, template)
        proficient = {
            (t, v)
            for t, v in s.execute(
                select(RatingLevel.template_id, RatingLevel.value).where(
                    RatingLevel.counts_as_proficient.is_(True)
                )
            )
        }
        ratings: dict[int, list[tuple[str, int, int, ObserverRole]]] = {m: [] for m in mentee_ids}
        for ids in _chunks(mentee_ids):
            stmt = (
                select(
                    Assessment.mentee_id, ChecklistItem.key, ChecklistDomain.template_id,
                    Assessment.level, Assessment.observer_role,
                )
                .join(ChecklistItem, ChecklistItem.id == Assessment.item_id)
                .join(ChecklistDomain, ChecklistDomain.id == ChecklistItem.domain_id)
                .join(ChecklistTemplate, ChecklistTemplate.id == ChecklistDomain.template_id)
                .where(Assessment.mentee_id.in_(ids), ChecklistTemplate.name == view.name)
                .order_by(Assessment.assessed_on, Assessment.id)
            )  # fmt: skip
            for mid, key, template_id, level, role in s.execute(stmt):
                ratings[mid].append((key, template_id, level, role))
    return {mid: _progress(view.domains, rated, proficient) for mid, rated in ratings.items()}


def _progress(
    domains: list[tuple[str, list[tuple[int, str, str]]]],
    ratings: list[tuple[str, int, int, ObserverRole]],
    proficient: set[tuple[int, int]],
) -> list[DomainProgress]:
    """The arithmetic of ``ChecklistService.progress`` over one mentee's ratings, oldest first."""
    first: dict[str, tuple[int, int]] = {}
    latest: dict[str, tuple[int, int]] = {}
    by_role: dict[tuple[str, ObserverRole], int] = {}
    for key, template_id, level, role in ratings:
        first.setdefault(key, (template_id, level))
        latest[key] = (template_id, level)
        by_role[(key, role)] = level

    def mean(values: list[int]) -> float | None:
        return fmean(values) if values else None

    out = []
    for domain, items in domains:
        keys = [key for _id, key, _text in items]
        n = len(keys)
        prof = sum(1 for k in keys if latest.get(k) in proficient)
        rated_first = [first[k] for k in keys if k in first]
        first_prof = sum(1 for r in rated_first if r in proficient)
        out.append(
            DomainProgress(
                domain=domain, items=n, proficient_items=prof, share=prof / n if n else 0.0,
                first_share=(first_prof / n) if rated_first and n else None,
                latest_mean=mean([latest[k][1] for k in keys if k in latest]),
                self_mean=mean([by_role[(k, ObserverRole.SELF)] for k in keys
                                if (k, ObserverRole.SELF) in by_role]),
                mentor_mean=mean([by_role[(k, ObserverRole.MENTOR)] for k in keys
                                  if (k, ObserverRole.MENTOR) in by_role]),
            )
        )  # fmt: skip
    return out
