"""The checklist summary: first vs latest ratings per mentee, observer role and domain.

Metrics and the roster need, for every mentee, how many items were rated (and rated
proficient) on the first and on the latest assessment day. Computing that from millions of
ratings on every read is too slow, so ``refresh`` recomputes the rows of the mentees whose
ratings (or the current template) changed, inside the same unit of work as the change.

Semantics (the same as the exact queries it replaces):

* per observer role: the first and latest assessment day over ALL the mentee's ratings by
  that role; on those days every rating (one row each) of an item of the current template's
  name, mapped to the current template's domain by the item's stable key, counts as rated;
  it counts as proficient when its level reaches the lowest proficient level of the scale of
  the template version it was rated on;
* role "any": per item key of the current template, its first and its latest rating by any
  observer (ordered by day, then id); proficient per the CURRENT template's scale, as the
  roster's progress column has always judged it. Rows exist only for mentees with such a rating.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, delete, event, func, insert, inspect, select, type_coerce
from sqlalchemy.orm import Session

from bridgedesk.storage.models import (
    Assessment,
    ChecklistDomain,
    ChecklistItem,
    ChecklistSummary,
    ChecklistTemplate,
    Mentee,
    RatingLevel,
    Setting,
)

ANY_ROLE = "any"
STALE_KEY = "checklist_summaries_stale"  # a settings row a migration leaves: rebuild all
CHUNK = 500

_summaries = ChecklistSummary.__table__


@dataclass(frozen=True)
class _MappedItem:
    """An item of any version of the current template's name whose key the current one has."""

    domain_position: int
    key: str
    threshold: int | None  # lowest proficient level of the item's own template version


@dataclass(frozen=True)
class _Layout:
    domains: tuple[tuple[int, str], ...]  # current template's (position, name), in order
    items: dict[int, _MappedItem]  # item id -> mapping onto the current template
    current_proficient: frozenset[int]  # levels the current template counts as proficient


def current_template_id(session: Session) -> int | None:
    """The current template (the newest one marked current), as the roster has chosen it."""
    return session.scalar(
        select(ChecklistTemplate.id)
        .where(ChecklistTemplate.is_current.is_(True))
        .order_by(ChecklistTemplate.id.desc())
        .limit(1)
    )


def _layout(session: Session) -> _Layout | None:
    template_id = current_template_id(session)
    if template_id is None:
        return None
    name = session.scalar(select(ChecklistTemplate.name).where(ChecklistTemplate.id == template_id))
    domains = tuple(
        (position, domain_name)
        for position, domain_name in session.execute(
            select(ChecklistDomain.position, ChecklistDomain.name)
            .where(ChecklistDomain.template_id == template_id)
            .order_by(ChecklistDomain.position, ChecklistDomain.id)
        )
    )
    key_domain = {
        key: position
        for key, position in session.execute(
            select(ChecklistItem.key, ChecklistDomain.position)
            .join(ChecklistDomain, ChecklistDomain.id == ChecklistItem.domain_id)
            .where(ChecklistDomain.template_id == template_id)
        )
    }
    thresholds: dict[int, int] = dict(
        session.execute(
            select(RatingLevel.template_id, func.min(RatingLevel.value))
            .where(RatingLevel.counts_as_proficient.is_(True))
            .group_by(RatingLevel.template_id)
        ).all()
    )
    items = {
        item_id: _MappedItem(key_domain[key], key, thresholds.get(item_template))
        for item_id, key, item_template in session.execute(
            select(ChecklistItem.id, ChecklistItem.key, ChecklistDomain.template_id)
            .join(ChecklistDomain, ChecklistDomain.id == ChecklistItem.domain_id)
            .join(ChecklistTemplate, ChecklistTemplate.id == ChecklistDomain.template_id)
            .where(ChecklistTemplate.name == name)
        )
        if key in key_domain
    }
    proficient = frozenset(
        session.scalars(
            select(RatingLevel.value).where(
                RatingLevel.template_id == template_id, RatingLevel.counts_as_proficient.is_(True)
            )
        )
    )
    return _Layout(domains, items, proficient)


_PENDING = "checklist_summary_mentees"


@event.listens_for(Session, "before_flush")
def _note_rated_mentees(session: Session, _context: Any, _instances: Any) -> None:
    """Remember whose ratings this flush writes, so their summary follows in the same flush."""
    mentees: set[int] = session.info.setdefault(_PENDING, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Assessment):
            if obj.mentee_id is not None:
                mentees.add(obj.mentee_id)
            mentees.update(v for v in inspect(obj).attrs.mentee_id.history.deleted if v)


@event.listens_for(Session, "after_flush")
def _refresh_rated_mentees(session: Session, _context: Any) -> None:
    """Any ORM write of a rating (service, import, test) keeps the summary exact."""
    mentees = session.info.pop(_PENDING, None)
    if mentees:
        refresh(session, mentees)


def _chunks(ids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def refresh_if_stale(session: Session) -> bool:
    """Rebuild every summary row when a migration marked them stale; True when it did.

    Migration 0002 creates the table empty and leaves the mark; opening the file rebuilds the
    rows and removes the mark in one transaction, so a kill at any point leaves either the
    mark (rebuilt at the next start) or full rows.
    """
    stale = session.get(Setting, STALE_KEY)
    if stale is None:
        return False
    refresh(session)
    session.delete(stale)
    session.flush()
    return True


def refresh(session: Session, mentee_ids: Iterable[int] | None = None) -> None:
    """Recompute the summary rows of these mentees (all when None) from their ratings."""
    if mentee_ids is None:
        ids = list(session.scalars(select(Mentee.id).order_by(Mentee.id)))
        session.execute(delete(_summaries))
        cleared = True
    else:
        ids = sorted(set(mentee_ids))
        cleared = False
    if not ids:
        return
    layout = _layout(session)
    for chunk in _chunks(ids, CHUNK):
        if not cleared:
            session.execute(delete(_summaries).where(_summaries.c.mentee_id.in_(chunk)))
        rows = compute_rows(session, chunk, layout)
        if rows:
            session.execute(insert(_summaries), rows)


def compute_rows(
    session: Session, mentee_ids: list[int], layout: _Layout | None
) -> list[dict[str, Any]]:
    """The summary rows of these mentees, computed in Python from their ratings' columns."""
    if layout is None or not layout.domains:
        return []
    # Through the Core connection: no ORM result layer over ~200 ratings per mentee.
    conn = session.connection()
    role_col = type_coerce(Assessment.observer_role, String)
    in_chunk = Assessment.mentee_id.in_(mentee_ids)
    bounds: dict[tuple[int, str], tuple[dt.date, dt.date]] = {
        (mid, role): (first_on, latest_on)
        for mid, role, first_on, latest_on in conn.execute(
            select(
                Assessment.mentee_id,
                role_col,
                func.min(Assessment.assessed_on),
                func.max(Assessment.assessed_on),
            )
            .where(in_chunk)
            .group_by(Assessment.mentee_id, role_col)
        )
    }
    ratings = conn.execute(
        select(
            Assessment.mentee_id,
            Assessment.item_id,
            Assessment.level,
            Assessment.assessed_on,
            role_col,
            Assessment.id,
        ).where(in_chunk)
    )
    mapped = {
        item_id: (item.domain_position, item.key, item.threshold)
        for item_id, item in layout.items.items()
    }
    first_any: dict[tuple[int, str], tuple[dt.date, int, int, int]] = {}
    latest_any: dict[tuple[int, str], tuple[dt.date, int, int, int]] = {}
    # Per (mentee, role, domain position): [first rated, first proficient, latest ..., ...]
    counts: dict[tuple[int, str, int], list[int]] = {}
    for mid, item_id, level, on, role, aid in ratings:
        item = mapped.get(item_id)
        if item is None:
            continue
        position, key, threshold = item
        first_on, latest_on = bounds[(mid, role)]
        if on in (first_on, latest_on):
            c = counts.get((mid, role, position))
            if c is None:
                c = counts[(mid, role, position)] = [0, 0, 0, 0]
            proficient = threshold is not None and level >= threshold
            if on == first_on:
                c[0] += 1
                c[1] += proficient
            if on == latest_on:
                c[2] += 1
                c[3] += proficient
        ik = (mid, key)
        seen = first_any.get(ik)
        if seen is None or on < seen[0] or (on == seen[0] and aid < seen[1]):
            first_any[ik] = (on, aid, level, position)
        seen = latest_any.get(ik)
        if seen is None or on > seen[0] or (on == seen[0] and aid > seen[1]):
            latest_any[ik] = (on, aid, level, position)

    rows: list[dict[str, Any]] = []
    for (mid, role), (first_on, latest_on) in bounds.items():
        for position, name in layout.domains:
            n = counts.get((mid, role, position), (0, 0, 0, 0))
            rows.append(
                _row(mid, role, position, name, first_on, n[0], n[1], latest_on, n[2], n[3])
            )

    proficient_levels = layout.current_proficient
    any_counts: dict[tuple[int, int], list[Any]] = {}
    for which, picked in ((0, first_any), (1, latest_any)):
        for (mid, _key), (on, _aid, level, position) in picked.items():
            tally = any_counts.get((mid, position))
            if tally is None:
                tally = any_counts[(mid, position)] = [None, 0, 0, None, 0, 0]
            base = which * 3
            if which == 0:
                tally[0] = on if tally[0] is None or on < tally[0] else tally[0]
            else:
                tally[3] = on if tally[3] is None or on > tally[3] else tally[3]
            tally[base + 1] += 1
            tally[base + 2] += level in proficient_levels
    for mid in sorted({mid for mid, _position in any_counts}):
        for position, name in layout.domains:
            tally = any_counts.get((mid, position), [None, 0, 0, None, 0, 0])
            rows.append(_row(mid, ANY_ROLE, position, name, *tally))
    return rows


def _row(
    mentee_id: int,
    role: str,
    position: int,
    name: str,
    first_on: dt.date | None,
    first_rated: int,
    first_proficient: int,
    latest_on: dt.date | None,
    latest_rated: int,
    latest_proficient: int,
) -> dict[str, Any]:
    return {
        "mentee_id": mentee_id,
        "observer_role": role,
        "domain_position": position,
        "domain_name": name,
        "first_on": first_on,
        "first_rated": first_rated,
        "first_proficient": int(first_proficient),
        "latest_on": latest_on,
        "latest_rated": latest_rated,
        "latest_proficient": int(latest_proficient),
    }
