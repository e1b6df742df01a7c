"""What matching reads from the program: mentees and mentors as the pure profiles it scores.

A mentor's load is the program's one definition (``MentorService.load``), so a suggestion
never disagrees with the load shown in the Mentors view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.domain.matching import MenteeProfile, MentorProfile
from bridgedesk.errors import NotFoundError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentors.primary_rule import has_primary_mentor
from bridgedesk.services.mentors.service import MentorService
from bridgedesk.storage.models import Mentee, Mentor, MentorAssignment, Site

_MENTEE_COLUMNS = (
    Mentee.id, Mentee.given_names, Mentee.family_name, Mentee.specialty, Mentee.languages,
    Mentee.country_of_training, Mentee.site_id, Site.name,
)  # fmt: skip


def _profile(row: Sequence[object]) -> MenteeProfile:
    mid, given, family, specialty, languages, country, site_id, site_name = row
    return MenteeProfile(
        id=int(str(mid)),
        name=f"{given} {family}".strip(),
        specialty=str(specialty or ""),
        languages=str(languages or ""),
        country=str(country or ""),
        site_id=int(str(site_id)) if site_id is not None else None,
        site_name=str(site_name or ""),
    )


def mentee_profile(session: Session, mentee_id: int) -> MenteeProfile:
    stmt = select(*_MENTEE_COLUMNS).outerjoin(Site, Site.id == Mentee.site_id)
    row = session.execute(stmt.where(Mentee.id == mentee_id)).first()
    if row is None:
        raise NotFoundError(f"There is no mentee #{mentee_id}; it may have been deleted.")
    return _profile(tuple(row))


def mentees_without_primary(session: Session, day: dt.date) -> list[MenteeProfile]:
    """Active mentees with no open primary assignment on ``day`` (services.mentors.primary_rule),
    by family name, given names, id."""
    stmt = (
        select(*_MENTEE_COLUMNS)
        .outerjoin(Site, Site.id == Mentee.site_id)
        .where(Mentee.status == MenteeStatus.ACTIVE, ~has_primary_mentor(day))
        .order_by(Mentee.family_name, Mentee.given_names, Mentee.id)
    )
    return [_profile(tuple(row)) for row in session.execute(stmt)]


def current_mentor_ids(session: Session, mentee_id: int) -> list[int]:
    """Mentors with an open assignment (of any kind) to the mentee."""
    stmt = select(MentorAssignment.mentor_id).where(
        MentorAssignment.mentee_id == mentee_id, MentorAssignment.end_date.is_(None)
    )
    return sorted(set(session.scalars(stmt)))


def mentor_profiles(ctx: ServiceContext, today: dt.date) -> list[MentorProfile]:
    """Active mentors with their load on ``today``, by name then id."""
    loads = {row.id: row for row in MentorService(ctx).load(today=today)}
    stmt = select(
        Mentor.id, Mentor.name, Mentor.specialty, Mentor.languages, Mentor.country_of_training,
        Mentor.former_img, Mentor.site_id, Mentor.capacity,
    ).where(Mentor.active.is_(True))  # fmt: skip
    with ctx.read() as session:
        rows = list(session.execute(stmt))
    profiles = [
        MentorProfile(
            id=mid, name=name, specialty=specialty or "", languages=languages or "",
            country=country or "", former_img=bool(former), site_id=site_id,
            capacity=int(capacity), load=loads[mid].active_mentees if mid in loads else 0,
        )
        for mid, name, specialty, languages, country, former, site_id, capacity in rows
    ]  # fmt: skip
    profiles.sort(key=lambda m: (m.name.casefold(), m.id))
    return profiles
