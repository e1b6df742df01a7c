"""The program's sites: add one, rename one, merge two (a typo made into a site, two names for
one hospital). Every mentee and mentor keeps a site by id, so a rename shows everywhere at once
and a merge moves them all; each change is audited.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bridgedesk.domain import mentee_rules
from bridgedesk.errors import NotFoundError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import Mentee, Mentor, Site

MAX_NAME = mentee_rules.NAME_MAX
MAX_STATE = 64


@dataclass(frozen=True)
class SiteRow:
    id: int
    name: str
    state: str
    mentees: int
    mentors: int


def site_id_for(session: Session, name: str) -> int | None:
    """The id of the site called ``name`` (created on first use); None for an empty name."""
    name = mentee_rules.normalize(name)
    if not name:
        return None
    site_id = session.scalar(select(Site.id).where(Site.name == name))
    if site_id is None:
        site = Site(name=name)
        session.add(site)
        session.flush()
        site_id = site.id
    return site_id


def close_match(name: str, known: list[str]) -> str:
    """The known site a new name most likely meant ("Hilside" -> "Hillside"), or ""."""
    folded = {k.casefold(): k for k in known}
    found = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.8)
    return folded[found[0]] if found else ""


def sites(ctx: ServiceContext) -> list[SiteRow]:
    """Every site by name, with how many mentees and mentors it has."""
    with ctx.read() as s:
        mentees = dict(
            s.execute(select(Mentee.site_id, func.count()).group_by(Mentee.site_id)).all()
        )
        mentors = dict(
            s.execute(select(Mentor.site_id, func.count()).group_by(Mentor.site_id)).all()
        )
        rows = s.execute(select(Site.id, Site.name, Site.state).order_by(Site.name)).all()
    return [
        SiteRow(sid, name, state, int(mentees.get(sid, 0)), int(mentors.get(sid, 0)))
        for sid, name, state in rows
    ]


def _checked(s: Session, name: str, state: str, own_id: int | None = None) -> tuple[str, str]:
    name, state = mentee_rules.normalize(name), mentee_rules.normalize(state)
    problems: dict[str, str] = {}
    if not name:
        problems["name"] = "The site needs a name."
    elif len(name) > MAX_NAME:
        problems["name"] = f"The name is longer than {MAX_NAME} characters."
    else:
        clash = s.scalar(select(Site.id).where(func.lower(Site.name) == name.lower()).limit(1))
        if clash is not None and clash != own_id:
            problems["name"] = f"There is already a site called “{name}”; merge the two instead."
    if len(state) > MAX_STATE:
        problems["state"] = f"The state is longer than {MAX_STATE} characters."
    if problems:
        raise ValidationError(problems)
    return name, state


def add_site(ctx: ServiceContext, name: str, state: str = "") -> int:
    with ctx.unit_of_work() as s:
        name, state = _checked(s, name, state)
        site = Site(name=name, state=state)
        s.add(site)
        s.flush()
        return site.id


def edit_site(ctx: ServiceContext, site_id: int, name: str, state: str = "") -> None:
    """Rename a site (and set its state); every mentee and mentor there shows the new name."""
    with ctx.unit_of_work() as s:
        site = _get(s, site_id)
        name, state = _checked(s, name, state, site_id)
        if site.name != name:
            site.name = name
        if site.state != state:
            site.state = state


def merge_sites(ctx: ServiceContext, source_id: int, target_id: int) -> int:
    """Move every mentee and mentor of ``source`` to ``target``, then remove ``source``.

    Returns how many mentees and mentors moved.
    """
    if source_id == target_id:
        raise ValidationError({"target": "Choose a different site to merge into."})
    with ctx.unit_of_work() as s:
        _get(s, target_id)
        source = _get(s, source_id)
        moved = 0
        for mentee in s.scalars(select(Mentee).where(Mentee.site_id == source_id)):
            mentee.site_id = target_id
            moved += 1
        for mentor in s.scalars(select(Mentor).where(Mentor.site_id == source_id)):
            mentor.site_id = target_id
            moved += 1
        s.flush()
        s.delete(source)
        return moved


def _get(s: Session, site_id: int) -> Site:
    site = s.get(Site, site_id)
    if site is None:
        raise NotFoundError(f"There is no site with id {site_id}; it may have been merged.")
    return site
