"""``demo --force``: replace a program that holds mentees with demo data, never without a backup.

Before: 94 real mentees were deleted with no backup and no audit entry. Now a verified backup
of the program is taken first (the file's own backup, or pg_dump on a server), the demo's
generator audits every mentee and mentor it replaces, and the command line holds the data
folder's lock, so an open window is never replaced under it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from bridgedesk.paths import DataPaths
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.demo.generator import DemoSummary, count_mentees, generate_demo
from bridgedesk.services.program_file import safety, server_backup
from bridgedesk.services.program_file.storage_kind import is_program_file

BACKUP_REASON = "before-demo"


@dataclass(frozen=True)
class DemoOutcome:
    summary: DemoSummary
    backup: Path | None  # the verified backup of what was replaced; None when it was empty


def fill_with_demo(
    ctx: ServiceContext,
    paths: DataPaths,
    today: dt.date,
    mentees: int,
    seed: int,
    force: bool = False,
    server_url: str | None = None,
) -> DemoOutcome:
    """The demo program; with ``force``, a program holding mentees is backed up, then replaced."""
    backup = None
    if force:
        with ctx.read() as session:
            holds_mentees = count_mentees(session) > 0
        if holds_mentees:
            if is_program_file(ctx):
                backup = safety.backup_now(paths, reason=BACKUP_REASON).path
            elif server_url:
                backup = server_backup.backup_server(server_url, paths.backups)
    summary = generate_demo(ctx, today=today, mentees=mentees, seed=seed, force=force)
    return DemoOutcome(summary, backup)
