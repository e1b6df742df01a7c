"""Which site a report covers: one named site, or all of them combined.

A site name typed on the command line is checked before anything is read, so a typo gets one
sentence listing the sites that exist instead of an empty report.
"""

from __future__ import annotations

from bridgedesk.errors import NotFoundError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentees.roster import RosterService

ALL_SITES = "All sites"


def check_site(ctx: ServiceContext, site: str | None) -> None:
    """NotFoundError (one sentence naming the known sites) unless ``site`` is None or a site."""
    if site is None:
        return
    known = RosterService(ctx).sites()
    if site in known:
        return
    listed = ", ".join(known) if known else "none is recorded yet"
    raise NotFoundError(f"There is no site called {site!r}; the sites are: {listed}.")


def site_label(site: str | None) -> str:
    """What the page header shows: ``Site: Name`` or ``All sites``."""
    return f"Site: {site}" if site else ALL_SITES
