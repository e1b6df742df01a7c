"""Each open credential's next deadline event, for every list that shows deadlines.

One read for the Deadlines view, the dashboard, the week ahead, the mentee report and the
packet: the dates come from :mod:`bridgedesk.domain.deadline_engine` and the program's rules
(:mod:`bridgedesk.services.credentials.rules`), never from a column alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from bridgedesk.domain.deadline_engine import (
    LAPSING_EVENTS,
    WATCHED_EVENTS,
    CredentialFacts,
    Standing,
    standing,
)
from bridgedesk.domain.deadline_rules import KindRules
from bridgedesk.domain.enums import CredentialStatus, MenteeStatus, Tier
from bridgedesk.domain.reminders import LAPSED, LATER, NONE, parse_offsets
from bridgedesk.services.credentials.event_dates import with_events
from bridgedesk.services.credentials.field_values import read_values
from bridgedesk.services.credentials.rules import rules_in_force
from bridgedesk.storage.models import Credential, CredentialEventDate, CredentialKind, Mentee, Site

# Statuses whose dates still need watching: completed or revoked ones do not remind; an
# expired one still does (its lapse must show while the physician works).
WATCHED = (
    CredentialStatus.ACTIVE,
    CredentialStatus.PENDING,
    CredentialStatus.RENEWING,
    CredentialStatus.EXPIRED,
)


@dataclass(frozen=True)
class DeadlineRow:
    credential_id: int
    mentee_id: int
    mentee_name: str
    kind_code: str
    kind_name: str
    tier: Tier
    number: str
    expires_on: dt.date | None  # the date of the event below (the next one to act on)
    days_left: int | None
    band: str  # lapsed | 7 | 30 | 60 | 90 | 180 | ... | later | none
    what: str = ""  # the event: "Expires", "Work must start by", "Six-year H-1B limit", ...
    source: str = ""  # the rule behind the date
    no_work: bool = False  # the physician may not work now (J-1 grace)
    event_key: str = ""  # the engine's key of the event ("expires_on", a derived date's key)


def deadline_rows(
    s: Session,
    today: dt.date,
    within_days: int | None = None,
    mentee_id: int | None = None,
    site: str | None = None,
    include_lapsed: bool = True,
    site_id: int | None = None,
    ordered: bool = True,
    in_bands_only: bool = False,
    kinds: Collection[str] | None = None,
) -> list[DeadlineRow]:
    """Lapsed first (oldest first), then the nearest; see CredentialService.deadlines.

    ``in_bands_only``: only lapsed rows and those inside a reminder band (the attention list).
    ``kinds``: only credentials of these kinds (by code).
    """
    stmt = (
        select(
            Credential.id, Mentee.id, Mentee.given_names, Mentee.family_name, CredentialKind.code,
            CredentialKind.name, CredentialKind.tier, Credential.number, Credential.issued_on,
            Credential.expires_on, Credential.reminder_offsets, Credential.field_values,
        )
        .join(Mentee, Mentee.id == Credential.mentee_id)
        .join(CredentialKind, CredentialKind.id == Credential.kind_id)
        .where(Credential.status.in_(WATCHED))
        .order_by(Credential.id)
    )  # fmt: skip
    if mentee_id is not None:
        stmt = stmt.where(Mentee.id == mentee_id)
    else:
        stmt = stmt.where(Mentee.status == MenteeStatus.ACTIVE)
    if site is not None:
        stmt = stmt.join(Site, Site.id == Mentee.site_id).where(Site.name == site)
    if site_id is not None:
        stmt = stmt.where(Mentee.site_id == site_id)
    if kinds is not None:
        stmt = stmt.where(CredentialKind.code.in_(sorted(kinds)))
    rules = rules_in_force(s)
    if within_days is not None or in_bands_only:
        stmt = stmt.where(
            _window_prefilter(rules, today, within_days, in_bands_only, include_lapsed)
        )
    out = []
    # The standing is a pure function of the stored facts: many credentials share them (the
    # same kind expiring on the same day), so each distinct set is rated once. The issue date
    # and the field values only matter through a kind's derived dates (a field may be their
    # base), so kinds without derived dates leave them out.
    rated: dict[tuple[object, ...], Standing] = {}
    # Core rows (no ORM result layer): tens of thousands of credentials in a big program.
    for row in s.connection().execute(stmt):
        cid, mid, given, family, code, kind_name, tier, number, issued, expires, own, values = row
        kind = rules[code]
        uses_values = bool(kind.derived)  # fields matter only as bases of derived dates
        key = (
            code,
            issued if kind.derived else None,
            expires,
            own,
            values if uses_values else None,
        )
        now = rated.get(key)
        if now is None:
            offsets = tuple(parse_offsets(own)) if own else None
            fields = read_values(values) if uses_values else {}
            now = rated[key] = standing(
                CredentialFacts(issued, expires, fields, offsets), kind, today
            )
        if now.event is None:
            continue
        if not include_lapsed and now.band == LAPSED:
            continue
        if within_days is not None and now.event.on > today + dt.timedelta(days=within_days):
            continue
        if in_bands_only and now.band in (LATER, NONE):
            continue
        out.append(
            DeadlineRow(
                cid, mid, f"{given} {family}".strip(), code, kind_name, tier, number,
                now.event.on, now.days_left, now.band, now.event.label, now.event.source,
                now.no_work, now.event.key,
            )
        )  # fmt: skip
    if ordered:  # counting (the program figures) needs no order
        out.sort(key=lambda r: (r.band != LAPSED, r.expires_on or dt.date.max, r.credential_id))
    return out


def _window_prefilter(
    rules: Mapping[str, KindRules],
    today: dt.date,
    within_days: int | None,
    in_bands_only: bool,
    include_lapsed: bool,
) -> ColumnElement[bool]:
    """The credentials that can be listed, found in the event-date index: an unmet event that
    lapses (before the horizon; from today on when lapsed ones are not wanted), or a service
    obligation ending between today and the horizon. A superset: each is rated after.

    The horizon is ``within_days``; with ``in_bands_only`` also the largest reminder offset
    of any kind (farther off, an event is in no band), unless the credential has its own
    offsets, which may reach farther.
    """
    days = within_days
    if in_bands_only:
        largest = max((max(k.reminder_offsets, default=0) for k in rules.values()), default=0)
        days = largest if days is None else min(days, largest)
    first = None if include_lapsed else today

    def listed_by(last: dt.date | None) -> ColumnElement[bool]:
        return with_events((LAPSING_EVENTS, first, last), (("obligation_ends",), today, last))

    found = listed_by(None if days is None else today + dt.timedelta(days=days))
    if not in_bands_only:
        return found
    horizon = None if within_days is None else today + dt.timedelta(days=within_days)
    return or_(found, and_(Credential.reminder_offsets != "", listed_by(horizon)))


@dataclass(frozen=True)
class DeadlineCounts:
    tracked: int  # credentials with a dated next event (the rows of ``deadline_rows``)
    lapsed: int
    within: dict[int, int]  # days -> not lapsed, next event within that many days


def deadline_counts(
    s: Session, today: dt.date, windows: Collection[int], site_id: int | None = None
) -> DeadlineCounts:
    """The counts of ``deadline_rows(s, today, site_id=site_id)``: rows, lapsed rows and rows
    whose next event falls within each window, counted in SQL over the event-date index.

    The same standing as :func:`bridgedesk.domain.deadline_engine.standing`: lapsed when an
    unmet event that lapses (expiry, start-by, limit) is past; else listed when an unmet
    watched event lies ahead, its distance that of the nearest one.
    """
    dates = CredentialEventDate.__table__.c
    lapses = and_(dates.event.in_(LAPSING_EVENTS), dates.event_on < today)
    ahead = and_(dates.event.in_(WATCHED_EVENTS), dates.event_on >= today)
    per_credential = (
        select(
            func.max(case((lapses, 1), else_=0)).label("lapsed"),
            func.min(case((ahead, dates.event_on), else_=None)).label("next_on"),
        )
        .select_from(CredentialEventDate.__table__)
        .join(Credential, Credential.id == dates.credential_id)
        .join(Mentee, Mentee.id == Credential.mentee_id)
        .where(
            dates.satisfied.is_(False),
            Credential.status.in_(WATCHED),
            Mentee.status == MenteeStatus.ACTIVE,
        )
        .group_by(dates.credential_id)
    )
    if site_id is not None:
        per_credential = per_credential.where(Mentee.site_id == site_id)
    one = per_credential.subquery()
    on_time = one.c.lapsed == 0
    stmt = select(
        func.count(),
        func.coalesce(func.sum(one.c.lapsed), 0),
        *(
            func.coalesce(
                func.sum(
                    case(
                        (and_(on_time, one.c.next_on <= today + dt.timedelta(days=days)), 1),
                        else_=0,
                    )
                ),
                0,
            )
            for days in windows
        ),
    ).where(or_(one.c.lapsed == 1, one.c.next_on.is_not(None)))
    tracked, lapsed, *counted = s.execute(stmt).one()
    within = {days: int(n) for days, n in zip(windows, counted, strict=True)}
    return DeadlineCounts(int(tracked), int(lapsed), within)
