"""Import a roster file all-or-nothing: every row is checked, then one bulk insert.

Any bad row (bad date, duplicate, text too long, ...) and nothing is written; the answer lists
each bad row by its line so the file can be fixed at once. The write uses Core executemany in
one transaction and audits every new mentee. Each active mentee gets the program's schedule
(:mod:`services.timeline.schedule`, planned from today unless asked from the start date); a site
the program does not have is created only when the caller says so (the dry run names them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.errors import UserError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.history.audit import record_bulk
from bridgedesk.services.importing.database_checks import (
    NewSite,
    check_against_database,
    mentee_row,
    new_sites,
    site_ids,
)
from bridgedesk.services.importing.headers import HeaderMap, match_headers
from bridgedesk.services.importing.readers import (
    SourceFormat,
    Table,
    first_sheet_problem,
    has_roster_headings,
    read_table,
)
from bridgedesk.services.importing.rows import (
    BadRow,
    ParsedRow,
    date_column_notes,
    duplicate_key,
    parse_rows,
)
from bridgedesk.services.mentees.phases import read_phases
from bridgedesk.services.program.exit_reasons import reason_ids_by_label
from bridgedesk.services.timeline.schedule import PlanCounts, PlanFrom, plan_mentees
from bridgedesk.storage.models import Mentee

MAX_LISTED = 50


@dataclass
class ImportResult:
    count: int
    dry_run: bool
    ignored_columns: list[str] = field(default_factory=list)
    mentee_ids: list[int] = field(default_factory=list)
    sites_created: list[str] = field(default_factory=list)
    source: SourceFormat = field(default_factory=SourceFormat)  # encoding or sheet read
    first_mentee: str = ""  # the first row's name as read, to see the encoding is right
    new_sites: list[NewSite] = field(default_factory=list)  # sites the import would create
    plan_from: PlanFrom = PlanFrom.TODAY
    planned: PlanCounts | None = None  # the check-ins and milestones planned (a real import)
    date_notes: list[str] = field(default_factory=list)  # date columns read one way of two


class ImportRejected(UserError):
    """The file had bad rows, so nothing was imported; ``bad_rows`` lists every one.

    The message lists the first :data:`MAX_LISTED`; ``bad_rows`` always holds all of them.
    """

    def __init__(
        self, name: str, kind: str, bad_rows: list[BadRow], source: SourceFormat | None = None
    ):
        self.bad_rows = bad_rows
        self.source = source or SourceFormat()
        lines = [f"  {kind} {b.line}: {b.reason}" for b in bad_rows[:MAX_LISTED]]
        if len(bad_rows) > MAX_LISTED:
            lines.append(f"  ... and {len(bad_rows) - MAX_LISTED} more")
        rows = "row" if len(bad_rows) == 1 else "rows"
        super().__init__(
            f"Nothing was imported: {name} has {len(bad_rows)} bad {rows}.\n" + "\n".join(lines)
        )


class SitesNotConfirmed(UserError):
    """The file names sites the program lacks, and nobody said to create them."""

    def __init__(self, name: str, sites: list[NewSite], word: str = "line") -> None:
        self.new_sites = sites
        listed = "; ".join(site.describe(word) for site in sites)
        super().__init__(
            f"Nothing was imported: {name} names sites the program does not have: {listed}. "
            "Correct the spelling in the file, or confirm creating them (--create-sites, or "
            "the box in the import window)."
        )


def refuse_unconfirmed_sites(result: ImportResult, name: str, create_sites: bool) -> None:
    """Raise :class:`SitesNotConfirmed` for a dry run that found new sites nobody confirmed."""
    if result.new_sites and not create_sites:
        raise SitesNotConfirmed(name, result.new_sites)


def import_roster(
    ctx: ServiceContext,
    path: Path,
    *,
    dry_run: bool = False,
    today: dt.date | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    plan_from: PlanFrom = PlanFrom.TODAY,
    create_sites: bool = False,
) -> ImportResult:
    """Check every row of ``path``; write all of them as new mentees, or none.

    ``encoding`` decodes a CSV file strictly with that codec instead of detecting it;
    ``sheet`` reads that worksheet of a workbook instead of the first. ``plan_from`` is how
    the active mentees' schedule is planned; ``create_sites`` confirms creating the sites the
    dry run listed in ``new_sites`` (without it, such a file is refused).
    """
    today = today or dt.date.today()
    table = read_table(path, encoding=encoding, sheet=sheet)
    headers = _headers(table, path.name)
    good, bad = parse_rows(table, headers)
    with ctx.unit_of_work() as session:
        phases = read_phases(session)
        reasons = reason_ids_by_label(session)
        bad += check_against_database(session, good, phases, reasons)
        if bad:
            bad.sort(key=lambda b: b.line)
            raise ImportRejected(path.name, table.kind, bad, table.source)
        result = ImportResult(
            count=len(good),
            dry_run=dry_run,
            ignored_columns=headers.ignored,
            source=table.source,
            first_mentee=_first_name(good),
            new_sites=new_sites(session, good),
            plan_from=PlanFrom(plan_from),
            date_notes=date_column_notes(table, headers),
        )
        if dry_run:
            return result
        if result.new_sites and not create_sites:
            raise SitesNotConfirmed(path.name, result.new_sites, table.kind)
        site_id_of, result.sites_created = site_ids(session, good)
        rows = [mentee_row(p.values, site_id_of, phases, reasons) for p in good]
        ids = _insert_mentees(session, rows)
        record_bulk(session, ctx.actor, "import", "mentee", rows)
        result.mentee_ids = list(ids)
        active = [(r["id"], r["start_date"]) for r in rows if r["status"] == MenteeStatus.ACTIVE]
        result.planned = plan_mentees(session, active, today, plan_from, ctx.actor)
    return result


def _headers(table: Table, name: str) -> HeaderMap:
    """The columns; a first sheet without one roster heading names the workbook's sheets."""
    try:
        return match_headers(table.header)
    except UserError:
        if has_roster_headings(table.header):
            raise
        other_sheet = first_sheet_problem(table, name, "has no roster columns")
        if other_sheet is None:
            raise
        raise other_sheet from None


def _first_name(good: list[ParsedRow]) -> str:
    if not good:
        return ""
    values = good[0].values
    return f"{values['given_names']} {values['family_name']}".strip()


def _insert_mentees(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """One batched INSERT ... RETURNING; ids are matched back by the (unique) duplicate key.

    Asking for ids in parameter order would make SQLAlchemy insert row by row on SQLite.
    """
    table = Mentee.__table__
    c = table.c
    returned = session.execute(
        insert(table).returning(c.id, c.given_names, c.family_name, c.start_date), rows
    ).all()
    by_key = {duplicate_key(g, f, s): i for i, g, f, s in returned}
    ids = [by_key[duplicate_key(r["given_names"], r["family_name"], r["start_date"])] for r in rows]
    for row, mentee_id in zip(rows, ids, strict=True):
        row["id"] = mentee_id
    return ids
