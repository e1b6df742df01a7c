"""The program file around one session of the window: what happens before it opens and after.

Before: the file's page check starts on a thread while Qt and SQLAlchemy load, and an
upgrade due is told apart so the window can say why the first start is slow. After a tidy
exit: the clean-close marker that lets the next start skip reading every page.
Kept light: importing this module loads no SQLAlchemy, so the check starts early.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bridgedesk.storage import quick_check_ahead

if TYPE_CHECKING:
    from bridgedesk.storage.clean_close import FileIdentity


def start_file_check(database: Path) -> None:
    """Start checking the program file in the background (the opening waits for the result)."""
    quick_check_ahead.start(database)


def upgrade_due(database: Path) -> bool:
    """A file of ours at an older schema (new, foreign or newer files open as before)."""
    from bridgedesk.storage.file_checks import schema_revision
    from bridgedesk.storage.migrate import HEAD_REVISION, KNOWN_REVISIONS

    if not database.exists():
        return False
    revision = schema_revision(database)
    return revision in KNOWN_REVISIONS and revision != HEAD_REVISION


def mark_closed_cleanly(database: Path, identity: FileIdentity | None) -> None:
    """Record that the window closed the file tidily (see ``storage/clean_close.py``)."""
    from bridgedesk.storage.clean_close import record_clean_close

    record_clean_close(database, identity)
