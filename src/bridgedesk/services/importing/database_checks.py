"""What a roster file is checked against in the program, and how its rows become mentee rows.

Against the program: a mentee already on the roster, a phase or an exit reason the program does
not have. Sites the program does not have are not a bad row but a question: a typo ("Hilside")
would otherwise quietly become a new site, so the dry run names each one, with the existing site
it is closest to, and the import creates them only once the user has said yes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.services.importing.rows import BadRow, ParsedRow, duplicate_key
from bridgedesk.services.mentees.phases import ProgramPhases
from bridgedesk.services.program.sites import close_match
from bridgedesk.storage.models import Mentee, Site

NOT_COLUMNS = {"site", "phase", "phase_by_hand", "exit_reason", "exit_details"}


@dataclass(frozen=True)
class NewSite:
    """A site the file names that the program does not have yet."""

    name: str
    lines: tuple[int, ...]
    close_to: str = ""  # an existing site it may be a misspelling of

    def describe(self, word: str = "line") -> str:
        where = ", ".join(str(n) for n in self.lines[:5]) + (" …" if len(self.lines) > 5 else "")
        words = f"{word}s" if len(self.lines) > 1 else word
        text = f"“{self.name}” ({words} {where})"
        return text + (f" — did you mean “{self.close_to}”?" if self.close_to else "")


def check_against_database(
    session: Session,
    good: list[ParsedRow],
    phases: ProgramPhases,
    reasons: dict[str, int],
) -> list[BadRow]:
    """Bad rows for what only the program can tell; ``good`` keeps the rest."""
    existing = {
        duplicate_key(g, f, s): i
        for i, g, f, s in session.execute(
            select(Mentee.id, Mentee.given_names, Mentee.family_name, Mentee.start_date)
        )
    }
    bad: list[BadRow] = []
    keep: list[ParsedRow] = []
    for parsed in good:
        v = parsed.values
        problems = []
        mentee_id = existing.get(duplicate_key(v["given_names"], v["family_name"], v["start_date"]))
        if mentee_id is not None:
            problems.append(f"already on the roster as #{mentee_id}")
        if v.get("phase") and phases.id_of(v["phase"]) is None:
            problems.append(f"the phase {v['phase']!r} is not a program phase")
        elif v.get("phase_by_hand") and not v.get("phase"):
            problems.append("the phase set by hand is yes but the Phase cell is empty")
        if v.get("exit_reason") and v["exit_reason"].casefold() not in reasons:
            problems.append(
                f"the exit reason {v['exit_reason']!r} is not on the program's list of exit "
                "reasons (File > Program settings)"
            )
        if problems:
            bad.append(BadRow(parsed.line, "; ".join(problems)))
        else:
            keep.append(parsed)
    good[:] = keep
    return bad


def new_sites(session: Session, good: list[ParsedRow]) -> list[NewSite]:
    """The sites named in the file that the program lacks (by case-insensitive name)."""
    known = list(session.scalars(select(Site.name)))
    folded = {name.casefold() for name in known}
    found: dict[str, tuple[str, list[int]]] = {}
    for parsed in good:
        name = parsed.values.get("site", "")
        if name and name.casefold() not in folded:
            found.setdefault(name.casefold(), (name, []))[1].append(parsed.line)
    return [NewSite(name, tuple(lines), close_match(name, known)) for name, lines in found.values()]


def site_ids(session: Session, good: list[ParsedRow]) -> tuple[dict[str, int], list[str]]:
    """Ids of the sites named in the file, by folded name; missing ones are created (confirmed
    by the caller). Returns the ids and the names created."""
    ids = {name.casefold(): i for i, name in session.execute(select(Site.id, Site.name))}
    created = []
    for parsed in good:
        name = parsed.values.get("site", "")
        if name and name.casefold() not in ids:
            site = Site(name=name)
            session.add(site)
            session.flush()
            ids[name.casefold()] = site.id
            created.append(name)
    return ids, created


def mentee_row(
    values: dict[str, Any],
    site_id_of: dict[str, int],
    phases: ProgramPhases,
    reasons: dict[str, int],
) -> dict[str, Any]:
    """One file row as the columns of a new mentee row.

    The phase follows from the start date unless the file's "Phase set by hand" says yes. A
    Phase column alone is only read for information: in a file from an older BridgeDesk it
    holds the phase stored once at entry, which never moved on, and must not come back.
    """
    row = {k: v for k, v in values.items() if k not in NOT_COLUMNS}
    site = values.get("site", "")
    row["site_id"] = site_id_of[site.casefold()] if site else None
    row["status"] = values.get("status", MenteeStatus.ACTIVE)
    row.setdefault("exit_date", None)
    reason = values.get("exit_reason", "")
    row["exit_reason_id"] = reasons[reason.casefold()] if reason else None
    row["exit_reason"] = values.get("exit_details", "")
    phase = values.get("phase", "")
    by_hand = bool(values.get("phase_by_hand")) and bool(phase)
    row["phase_override_id"] = phases.id_of(phase) if by_hand else None
    return row
