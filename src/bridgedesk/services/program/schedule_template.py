"""The program's schedule template, versioned like the checklist template.

A version is never rewritten: saving an edit writes the next version and marks it current.
Mentees are planned from the version current when they are added (the version is kept on
the mentee), so an edit applies to mentees added after it and never moves anyone's plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bridgedesk.domain import mentee_rules
from bridgedesk.domain.enums import ScheduleItemKind, Tier
from bridgedesk.domain.phases import PhaseSpan, phase_on_day
from bridgedesk.errors import ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import Mentee, Phase, ScheduleItem, ScheduleTemplate

MAX_NAME = 200
EARLIEST_DAY = -730  # two years before the start: pre-arrival work
LATEST_DAY = 3650  # ten years after it


@dataclass(frozen=True)
class TemplateItem:
    """One check-in or milestone of a schedule, ``day`` days from the start date."""

    kind: ScheduleItemKind
    name: str
    day: int
    tier: Tier = Tier.HOSPITAL


@dataclass(frozen=True)
class ScheduleVersion:
    id: int
    version: int
    is_current: bool
    note: str
    created: dt.datetime
    items: tuple[TemplateItem, ...]
    mentees_planned: int  # mentees planned from this version


def validate_items(items: Sequence[TemplateItem]) -> dict[str, str]:
    """Every problem of a schedule, by ``items[n]`` (1-based), or ``items`` for the whole."""
    problems: dict[str, str] = {}
    if not items:
        problems["items"] = "The schedule needs at least one check-in or milestone."
    seen: dict[tuple[ScheduleItemKind, str], int] = {}
    for n, item in enumerate(items, start=1):
        name = mentee_rules.normalize(item.name)
        key = f"items[{n}]"
        if not name:
            problems[key] = f"Row {n} has no name."
        elif len(name) > MAX_NAME:
            problems[key] = f"Row {n}: the name is longer than {MAX_NAME} characters."
        elif not EARLIEST_DAY <= item.day <= LATEST_DAY:
            problems[key] = (
                f"Row {n}: the day must be between {EARLIEST_DAY} and {LATEST_DAY} "
                "(days from the start date; negative is before it)."
            )
        elif (item.kind, name.casefold()) in seen:
            first = seen[(item.kind, name.casefold())]
            problems[key] = f"Row {n} has the same name as row {first}; names must differ."
        else:
            seen[(item.kind, name.casefold())] = n
    return problems


def _clean(items: Sequence[TemplateItem]) -> list[TemplateItem]:
    return sorted(
        (
            TemplateItem(
                ScheduleItemKind(i.kind), mentee_rules.normalize(i.name), int(i.day), Tier(i.tier)
            )
            for i in items
        ),
        key=lambda i: (i.day, i.kind != ScheduleItemKind.CHECKIN, i.name),
    )


def write_version(
    session: Session, items: Sequence[TemplateItem], note: str = ""
) -> ScheduleTemplate:
    """Write the next schedule version (validated) and make it the current one."""
    problems = validate_items(items)
    if problems:
        raise ValidationError(problems)
    last = session.scalar(select(func.max(ScheduleTemplate.version))) or 0
    session.execute(update(ScheduleTemplate).values(is_current=False))
    template = ScheduleTemplate(version=last + 1, is_current=True, note=note.strip())
    session.add(template)
    session.flush()
    spans = [
        PhaseSpan(*row) for row in session.execute(select(Phase.id, Phase.start_day, Phase.end_day))
    ]
    for item in _clean(items):
        session.add(
            ScheduleItem(
                template_id=template.id,
                kind=item.kind,
                name=item.name,
                day_offset=item.day,
                phase_id=phase_on_day(spans, item.day),
                tier=item.tier,
            )
        )
    session.flush()
    return template


def items_from_json(data: dict[str, Any]) -> list[TemplateItem]:
    """The ``checkins`` and ``milestones`` of resources/defaults/program_schedule.json."""
    return [
        TemplateItem(ScheduleItemKind.CHECKIN, spec["name"], spec["day"])
        for spec in data["checkins"]
    ] + [
        TemplateItem(
            ScheduleItemKind.MILESTONE,
            spec["name"],
            spec["day"],
            Tier(spec.get("tier", "hospital")),
        )
        for spec in data["milestones"]
    ]


def current_template_id(session: Session) -> int | None:
    return session.scalar(
        select(ScheduleTemplate.id)
        .where(ScheduleTemplate.is_current.is_(True))
        .order_by(ScheduleTemplate.version.desc())
        .limit(1)
    )


def template_items(session: Session, template_id: int | None) -> list[TemplateItem]:
    if template_id is None:
        return []
    rows = session.execute(
        select(ScheduleItem.kind, ScheduleItem.name, ScheduleItem.day_offset, ScheduleItem.tier)
        .where(ScheduleItem.template_id == template_id)
        .order_by(ScheduleItem.day_offset, ScheduleItem.id)
    )
    return [TemplateItem(ScheduleItemKind(k), n, d, Tier(t)) for k, n, d, t in rows]


def current_items(ctx: ServiceContext) -> list[TemplateItem]:
    with ctx.read() as s:
        return template_items(s, current_template_id(s))


def save_new_version(ctx: ServiceContext, items: Sequence[TemplateItem], note: str = "") -> int:
    """Save an edited schedule as the next version; returns the new version number."""
    problems = validate_items(items)
    if problems:
        raise ValidationError(problems)
    with ctx.unit_of_work() as s:
        return write_version(s, items, note).version


def versions(ctx: ServiceContext) -> list[ScheduleVersion]:
    """Every schedule version, newest first, with its items and how many mentees use it."""
    with ctx.read() as s:
        counts = dict(
            s.execute(
                select(Mentee.schedule_template_id, func.count(Mentee.id)).group_by(
                    Mentee.schedule_template_id
                )
            ).all()
        )
        rows = s.execute(
            select(
                ScheduleTemplate.id, ScheduleTemplate.version, ScheduleTemplate.is_current,
                ScheduleTemplate.note, ScheduleTemplate.created_at,
            ).order_by(ScheduleTemplate.version.desc())
        ).all()  # fmt: skip
        return [
            ScheduleVersion(
                tid, version, bool(current), note, created, tuple(template_items(s, tid)),
                int(counts.get(tid, 0)),
            )
            for tid, version, current, note, created in rows
        ]  # fmt: skip


def phase_spans(ctx: ServiceContext) -> list[tuple[str, int, int | None]]:
    """The program's phases in order: (name, first day, day it ends before; None: open)."""
    with ctx.read() as s:
        rows = s.execute(
            select(Phase.name, Phase.start_day, Phase.end_day).order_by(Phase.position)
        ).all()
    return [(name, first, last) for name, first, last in rows]
