"""Each open credential's next deadline event, for every list that shows deadlines.

One read for the Deadlines view, the dashboard, the week ahead, the mentee report and the
packet: the dates come from :mod:`bridgedesk.domain.deadline_engine` and the program's rules
(:mod:`bridgedesk.services.credentials.rules`), never from a column alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain.deadline_engine import CredentialFacts, standing
from bridgedesk.domain.enums import CredentialStatus, MenteeStatus, Tier
from bridgedesk.domain.reminders import LAPSED, parse_offsets
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


def deadline_rows(
    s: Session,
    today: dt.date,
    within_days: int | None = None,
    mentee_id: int | None = None,
    site: str | None = None,
    include_lapsed: bool = True,
    site_id: int | None = None,
) -> list[DeadlineRow]:
    """Lapsed first (oldest first), then the nearest; see CredentialService.deadlines."""
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
    rules = rules_in_force(s)
    out = []
    for row in s.execute(stmt):
        cid, mid, given, family, code, kind_name, tier, number, issued, expires, own, values = row
        offsets = tuple(parse_offsets(own)) if own else None
        facts = CredentialFacts(issued, expires, read_values(values), offsets)
        now = standing(facts, rules[code], today)
        if now.event is None:
            continue
        if not include_lapsed and now.band == LAPSED:
            continue
        if within_days is not None and now.event.on > today + dt.timedelta(days=within_days):
            continue
        out.append(
            DeadlineRow(
                cid, mid, f"{given} {family}".strip(), code, kind_name, tier, number,
                now.event.on, now.days_left, now.band, now.event.label, now.event.source,
                now.no_work,
            )
        )  # fmt: skip
    out.sort(key=lambda r: (r.band != LAPSED, r.expires_on or dt.date.max, r.credential_id))
    return out
