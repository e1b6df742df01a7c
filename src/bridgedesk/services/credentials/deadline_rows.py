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
    WATCHED_EVENTS,
    CredentialFacts,
    Standing,
    standing,
)
from bridgedesk.domain.deadline_rules import KindRules
from bridgedesk.domain.enums import CredentialStatus, MenteeStatus, Tier
from bridgedesk.domain.reminders import LAPSED, LATER, NONE, parse_offsets
from bridgedesk.services.credentials.field_values import read_values
from bridgedesk.services.credentials.rules import rules_in_force
from bridgedesk.storage.models import Credential, CredentialKind, Mentee, Site

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
        stmt = stmt.where(_expiry_shortcut(rules, today, within_days, in_bands_only))
    out = []
    # The standing is a pure function of the stored facts: many credentials share them (the
    # same kind expiring on the same day), so each distinct set is rated once. The issue date
    # only matters as the base of a derived date, the field values only through the kind's
    # fields and derived dates, so kinds without them leave those out.
    rated: dict[tuple[object, ...], Standing] = {}
    # Core rows (no ORM result layer): tens of thousands of credentials in a big program.
    for row in s.connection().execute(stmt):
        cid, mid, given, family, code, kind_name, tier, number, issued, expires, own, values = row
        kind = rules[code]
        uses_values = bool(kind.fields or kind.derived)
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


def _expiry_shortcut(
    rules: Mapping[str, KindRules], today: dt.date, within_days: int | None, in_bands_only: bool
) -> ColumnElement[bool]:
    """Exact shortcut in SQL: a kind whose derived dates are never acted on (none, or only a
    window opening or a grace end: DEA, J-1) has one event to act on, its expiry, so only
    those expiring by the horizon (or lapsed) can be listed; other kinds are worked out.

    The horizon is ``within_days``; with ``in_bands_only`` also the kind's largest reminder
    offset (farther off, an expiry is in no band), unless the credential has its own offsets.
    """
    plain: dict[int, list[str]] = {}  # horizon in days -> kinds
    for code in expiry_only_kinds(rules):
        kind = rules[code]
        days = within_days
        if in_bands_only:
            largest = max(kind.reminder_offsets, default=0)
            days = largest if days is None else min(days, largest)
        assert days is not None  # within_days or in_bands_only was given
        plain.setdefault(days, []).append(code)
    kept: list[ColumnElement[bool]] = [
        CredentialKind.code.not_in(sorted(code for codes in plain.values() for code in codes))
    ]
    for days, codes in sorted(plain.items()):
        horizon = today + dt.timedelta(days=days)
        kept.append(and_(CredentialKind.code.in_(sorted(codes)), Credential.expires_on <= horizon))
    if in_bands_only:  # its own offsets may reach farther than its kind's
        own = Credential.reminder_offsets != ""
        if within_days is not None:
            own = and_(own, Credential.expires_on <= today + dt.timedelta(days=within_days))
        kept.append(own)
    return or_(*kept)


def expiry_only_kinds(rules: Mapping[str, KindRules]) -> list[str]:
    """The kinds whose one event to act on is the credential's expiry: no derived date of
    theirs is watched (none, or only a window opening or a grace end: DEA, J-1). For them the
    standing is read off ``expires_on`` alone: lapsed before today, else due on that day."""
    return sorted(
        code
        for code, kind in rules.items()
        if not any(rule.event in WATCHED_EVENTS for rule in kind.derived)
    )


@dataclass(frozen=True)
class DeadlineCounts:
    tracked: int  # credentials with a dated next event (the rows of ``deadline_rows``)
    lapsed: int
    within: dict[int, int]  # days -> not lapsed, next event within that many days


def deadline_counts(
    s: Session, today: dt.date, windows: Collection[int], site_id: int | None = None
) -> DeadlineCounts:
    """The counts of ``deadline_rows(s, today, site_id=site_id)``: rows, lapsed rows and rows
    whose next event falls within each window. Kinds that only expire are counted in SQL off
    ``expires_on`` (see :func:`expiry_only_kinds`); the others are rated one by one."""
    rules = rules_in_force(s)
    plain = expiry_only_kinds(rules)
    expires = Credential.expires_on
    stmt = (
        select(
            func.count(expires),
            func.coalesce(func.sum(case((expires < today, 1), else_=0)), 0),
            *(
                func.coalesce(
                    func.sum(
                        case(
                            (and_(expires >= today,
                                  expires <= today + dt.timedelta(days=days)), 1),
                            else_=0,
                        )
                    ),
                    0,
                )
                for days in windows
            ),
        )
        .join(Mentee, Mentee.id == Credential.mentee_id)
        .join(CredentialKind, CredentialKind.id == Credential.kind_id)
        .where(
            Credential.status.in_(WATCHED),
            Mentee.status == MenteeStatus.ACTIVE,
            CredentialKind.code.in_(plain),
        )
    )  # fmt: skip
    if site_id is not None:
        stmt = stmt.where(Mentee.site_id == site_id)
    tracked, lapsed, *counted = s.execute(stmt).one()
    within = {days: int(n) for days, n in zip(windows, counted, strict=True)}
    tracked, lapsed = int(tracked), int(lapsed)
    others = set(rules) - set(plain)  # every kind of the program has its rules
    for r in deadline_rows(s, today, site_id=site_id, ordered=False, kinds=others):
        tracked += 1
        if r.band == LAPSED:
            lapsed += 1
        elif r.days_left is not None:
            for days in windows:
                if r.days_left <= days:
                    within[days] += 1
    return DeadlineCounts(tracked, lapsed, within)
