"""Import a roster file, taking a verified backup of the program file first.

The desktop Import dialog and ``bridgedesk import roster`` both do this, and the order is the
safety rule: a backup that could bring the program back is taken before a single row is
written. Only a SQLite program file is backed up here (:func:`is_program_file`); a server
database is backed up by ``bridgedesk backup`` or its administrator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bridgedesk.paths import DataPaths
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.importing.roster_import import (
    ImportResult,
    import_roster,
    refuse_unconfirmed_sites,
)
from bridgedesk.services.program_file import safety
from bridgedesk.services.program_file.storage_kind import is_program_file
from bridgedesk.services.timeline.schedule import PlanFrom


@dataclass(frozen=True)
class ImportOutcome:
    """What happened: the import's result (None when stopped before writing) and the backup."""

    result: ImportResult | None
    backup: Path | None
    backup_warning: str = ""  # e.g. the second backup folder could not be reached

    @property
    def cancelled(self) -> bool:
        return self.result is None

    @property
    def count(self) -> int:
        return self.result.count if self.result is not None else 0


def import_with_backup(
    ctx: ServiceContext,
    paths: DataPaths,
    source: Path,
    today: dt.date,
    before_write: Callable[[], bool] | None = None,
    *,
    on_stage: Callable[[str], None] | None = None,
    dry_run: bool = False,
    encoding: str | None = None,
    sheet: str | None = None,
    plan_from: PlanFrom = PlanFrom.TODAY,
    create_sites: bool = False,
) -> ImportOutcome:
    """Back up the program file (SQLite only), then import ``source`` all or nothing.

    ``before_write`` is asked just before the import starts writing; False stops there (a
    Cancel click) with nothing imported. ``on_stage`` hears a sentence as each step begins.
    A dry run checks every row and writes nothing, so it takes no backup. ``encoding`` and
    ``sheet`` are passed to :func:`import_roster`. Nor does an import that would fail (a
    mistyped file name, a bad row): the file is checked in full first, and the backup is
    taken only once it would import. ``plan_from`` and ``create_sites`` are the user's
    answers to how to plan the schedule and whether to create the sites the file names
    that the program lacks (refused, before any backup, when not confirmed).
    """
    say = on_stage or (lambda _text: None)
    backup, warning = None, ""
    if not dry_run:
        say(f"Checking {source.name}…")  # raises on any problem, before any backup
        checked = import_roster(
            ctx, source, dry_run=True, today=today, encoding=encoding, sheet=sheet
        )
        refuse_unconfirmed_sites(checked, source.name, create_sites)
    if not dry_run and is_program_file(ctx):
        say("Taking a backup of the program first…")
        taken = safety.backup_now(paths, reason="before-import")
        backup, warning = taken.path, taken.warning
    if before_write is not None and not before_write():
        return ImportOutcome(None, backup, warning)
    say(f"Importing the mentees from {source.name}…")
    result = import_roster(
        ctx, source, dry_run=dry_run, today=today, encoding=encoding, sheet=sheet,
        plan_from=plan_from, create_sites=create_sites,
    )  # fmt: skip
    return ImportOutcome(result, backup, warning)
