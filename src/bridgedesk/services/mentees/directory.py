"""Every mentee's names and site in one narrow read, for pickers and for name search in lists.

The deadline and mentor lists name mentees by legal name only; a director searches by the
name people use or by the name in the mentee's own script, and filters by site. One Core
query of six columns serves those needs for 10,000 mentees in milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from bridgedesk.domain import mentee_rules
from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import Mentee, Site


@dataclass(frozen=True)
class MenteeLabel:
    id: int
    legal_name: str
    preferred_name: str
    native_name: str
    site: str
    active: bool
    status: str = MenteeStatus.ACTIVE.value


def mentee_directory(
    ctx: ServiceContext, active_only: bool = False, mentee_id: int | None = None
) -> dict[int, MenteeLabel]:
    """Mentee id -> names and site, ordered by family then given names (one, when asked)."""
    stmt = (
        select(
            Mentee.id,
            Mentee.given_names,
            Mentee.family_name,
            Mentee.preferred_name,
            Mentee.native_name,
            Site.name,
            Mentee.status,
        )
        .outerjoin(Site, Site.id == Mentee.site_id)
        .order_by(Mentee.family_name, Mentee.given_names, Mentee.id)
    )
    if active_only:
        stmt = stmt.where(Mentee.status == MenteeStatus.ACTIVE)
    if mentee_id is not None:
        stmt = stmt.where(Mentee.id == mentee_id)
    with ctx.read() as session:
        return {
            mid: MenteeLabel(
                mid,
                f"{given} {family}".strip(),
                preferred or "",
                native or "",
                site or "",
                str(status) == MenteeStatus.ACTIVE.value,
                str(status),
            )
            for mid, given, family, preferred, native, site, status in session.execute(stmt)
        }


def mentee_label(ctx: ServiceContext, mentee_id: int) -> MenteeLabel | None:
    """One mentee's names, site and whether they are active; None when there is none."""
    return mentee_directory(ctx, mentee_id=mentee_id).get(mentee_id)


def find_mentees(ctx: ServiceContext, text: str) -> list[tuple[int, str]]:
    """By id ("17" or "#17") or a case-insensitive part of the legal, preferred or native name.

    Names are matched in Python (casefold) so Cyrillic, Greek and Vietnamese fold the
    same way on every database; the scan reads five narrow columns, fast for 10,000 rows.
    """
    query = mentee_rules.normalize(text)
    if not query:
        return []
    cols = (
        Mentee.id,
        Mentee.given_names,
        Mentee.family_name,
        Mentee.preferred_name,
        Mentee.native_name,
    )
    match = re.fullmatch(r"#?\s*(\d+)", query)
    with ctx.read() as session:
        if match:
            row = session.execute(select(*cols).where(Mentee.id == int(match.group(1)))).first()
            rows = [row] if row else []
        else:
            rows = list(
                session.execute(select(*cols).order_by(Mentee.family_name, Mentee.given_names))
            )
    needle = query.casefold()
    found = []
    for mid, given, family, preferred, native in rows:
        legal = f"{given} {family}".strip()
        haystacks = (legal, preferred, native)
        if match or any(needle in mentee_rules.normalize(h).casefold() for h in haystacks):
            found.append((mid, legal))
    return found
