"""The user guide's pages: their order in the contents, their files, and which page each view opens.

A page is ``resources/help/<key>.html``; its pictures are under ``resources/help/images/``.
The guide is plain HTML read by Qt's rich-text browser, so it works with no network at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bridgedesk.assets import resources_root

HELP_FOLDER = "help"
START_PAGE = "index"
WELCOME_PAGE = "getting-started"
RECORD_PAGE = "mentee-record"


@dataclass(frozen=True)
class HelpPage:
    key: str
    title: str


PAGES: tuple[HelpPage, ...] = (
    HelpPage("index", "Contents"),
    HelpPage("getting-started", "Getting started"),
    HelpPage("dashboard", "Dashboard"),
    HelpPage("mentees", "Mentees"),
    HelpPage("mentee-record", "A mentee's record"),
    HelpPage("timeline", "Timeline"),
    HelpPage("checklists", "Checklists"),
    HelpPage("deadlines", "Deadlines"),
    HelpPage("insights", "Insights"),
    HelpPage("mentors", "Mentors"),
    HelpPage("reports", "Reports"),
    HelpPage("file-menu", "The File menu"),
    HelpPage("data-safety", "Keeping your data safe"),
    HelpPage("shared-server", "Moving to a shared server"),
)

VIEW_PAGES: dict[str, str] = {}
"""A view whose page is not named after its key (none yet: every view has ``<key>.html``)."""


def help_folder() -> Path:
    return resources_root() / HELP_FOLDER


def page_path(key: str) -> Path:
    return help_folder() / f"{key}.html"


def page_for_view(view_key: str) -> str:
    """The page F1 opens on a view of the main window."""
    return VIEW_PAGES.get(view_key, view_key)


def title_of(key: str) -> str:
    return next((page.title for page in PAGES if page.key == key), key)
