"""Who the audit trail names for new changes: the program director, not the computer account.

A desktop program is run by its director (or whoever signs its reports); the computer's login
name ("root", "admin", "PC-0423") tells a reader of the History nothing. Until the program
details name a director, the login name is all there is, and it is kept.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.services.context import ServiceContext, current_os_user
from bridgedesk.storage.models import Setting


def director_name(session: Session) -> str:
    """The program director's name from the program details, "" when not set."""
    value = session.scalar(select(Setting.value).where(Setting.key == "director_name"))
    return value or ""


def act_as_director(ctx: ServiceContext) -> str:
    """Set ``ctx.actor`` to the director's name (unless a caller named the actor); return it."""
    if ctx.actor_named:
        return ctx.actor
    with ctx.read() as session:
        director = director_name(session)
    ctx.actor = director or current_os_user()
    return ctx.actor
