"""History in plain words: field names as a person reads them, stored codes as their labels,
linked records by their names, and old entries' computer accounts next to a person's name.

The audit trail keeps what the database held ("phase_override_id": 4, "status": "left"); the
History dialog shows "Phase (set by hand)": "Orientation" and "Status": "Left". Names are
looked up once per read, for the ids the rows mention.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import label
from bridgedesk.domain.mentee_rules import FIELD_LABELS
from bridgedesk.services.context import ServiceContext, current_os_user
from bridgedesk.services.history.acting_person import director_name
from bridgedesk.services.history.audit_rows import AuditRow, read_history
from bridgedesk.storage.models import Base

FIELD_WORDS: dict[str, str] = {
    "site_id": "Site",
    "phase_id": "Phase",
    "phase_override_id": "Phase (set by hand)",
    "exit_reason_id": "Reason for leaving",
    "exit_reason": "Details of leaving",
    "schedule_template_id": "Schedule version",
    "schedule_version": "Schedule version",
    "mentor_id": "Mentor",
    "mentee_id": "Mentee",
    "kind_id": "Kind",
    "item_id": "Checklist item",
    "goal_id": "Goal",
    "checkin_id": "Check-in",
    "rescheduled_to_id": "Moved to",
    "credential_id": "Credential",
    "start_date": "Start date",
    "exit_date": "Date left",
    "end_date": "End date",
    "end_reason": "Why it ended",
    "planned_date": "Planned for",
    "held_date": "Held on",
    "cancelled_on": "Cancelled on",
    "due_date": "Due",
    "completed_date": "Completed on",
    "done_date": "Done on",
    "issued_on": "Issued on",
    "expires_on": "Expires on",
    "assessed_on": "Rated on",
    "raised_on": "Raised on",
    "retired_on": "Retired on",
    "target_date": "Target date",
    "event_on": "Date of the event",
    "saved_at": "Saved at",
    "saved_by": "Saved by",
    "acknowledged_at": "Acknowledged at",
    "acknowledged_by": "Acknowledged by",
    "graduation_year": "Year of graduation",
    "former_img": "Was an international graduate",
    "capacity": "Mentees they can take",
    "observer_role": "Rated by",
    "progress_mode": "Progress measured by",
    "judged_progress": "Progress (judged)",
    "reminder_offsets": "Reminders (days before)",
    "field_values": "Details",
    "private_note": "Private note",
    "signed_off_by": "Signed off by",
    "changed_practice": "Changed practice",
    "is_current": "Current version",
    "tier": "Required by",
    "hospital_name": "Hospital",
    "program_name": "Program",
    "director_name": "Program director",
    "planned": "Planned",
    "checkins": "Check-ins planned",
    "milestones": "Milestones planned",
}

ENUM_FIELDS = frozenset(
    {"role", "status", "format", "tier", "kind", "observer_role", "method", "progress_mode"}
)
"""Fields that hold a stored code of one of the program's vocabularies (domain.enums)."""

LINKS: dict[str, str] = {
    "site_id": "sites",
    "phase_id": "phases",
    "phase_override_id": "phases",
    "exit_reason_id": "exit_reasons",
    "schedule_template_id": "schedule_templates",
    "mentor_id": "mentors",
    "mentee_id": "mentees",
    "kind_id": "credential_kinds",
    "item_id": "checklist_items",
    "goal_id": "goals",
    "checkin_id": "checkins",
    "rescheduled_to_id": "checkins",
}
"""Fields that point at another record, and that record's table."""

_NAME_COLUMNS: dict[str, tuple[str, ...]] = {
    "sites": ("name",),
    "phases": ("name",),
    "exit_reasons": ("label",),
    "schedule_templates": ("version",),
    "mentors": ("name",),
    "mentees": ("given_names", "family_name"),
    "credential_kinds": ("name",),
    "checklist_items": ("text",),
    "goals": ("title",),
    "checkins": ("title", "planned_date"),
}


def field_words(name: str) -> str:
    """ "phase_override_id" -> "Phase (set by hand)"; unknown names lose their underscores."""
    if not name:
        return ""
    if name in FIELD_WORDS:
        return FIELD_WORDS[name]
    if name in FIELD_LABELS:
        return FIELD_LABELS[name]
    base = name.removesuffix("_id").replace("_", " ")
    return base[:1].upper() + base[1:]


def _name_text(table: str, values: tuple[object, ...]) -> str:
    if table == "schedule_templates":
        return f"Version {values[0]}"
    if table == "checkins" and values[1] is not None:
        return f"{values[0]} (planned for {values[1]})"
    return " ".join(str(v) for v in values if v not in (None, "")).strip()


def linked_names(session: Session, rows: Iterable[AuditRow]) -> dict[tuple[str, str], str]:
    """(table, id as stored) -> the linked record's name, for every link the rows mention."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        linked = LINKS.get(row.field)
        if linked is None:
            continue
        for raw in (row.before, row.after):
            if raw.isdigit():
                wanted[linked].add(int(raw))
    names: dict[tuple[str, str], str] = {}
    for table_name, ids in wanted.items():
        table = Base.metadata.tables[table_name]
        columns = [table.c[c] for c in _NAME_COLUMNS[table_name]]
        for found in session.execute(select(table.c.id, *columns).where(table.c.id.in_(ids))):
            names[(table_name, str(found[0]))] = _name_text(table_name, tuple(found[1:]))
    return names


def value_words(field: str, raw: str, names: dict[tuple[str, str], str]) -> str:
    """One stored value as a person reads it; dates stay ISO for the screen to format."""
    if not raw:
        return ""
    table = LINKS.get(field)
    if table is not None:
        return names.get((table, raw), f"a removed record (no. {raw})")
    if field in ENUM_FIELDS:
        return label(raw)
    return raw


def who_words(actor: str, director: str, computer_account: str) -> str:
    """Who saved it. Entries written before BridgeDesk named the director carry the computer's
    login name: when that is this computer's account, the director's name is shown with it."""
    if director and actor == computer_account and actor != director:
        return f"{director} (login {actor})"
    return actor


def in_plain_words(session: Session, rows: list[AuditRow], computer_account: str) -> list[AuditRow]:
    """The same rows with field names, values and the person worded for reading."""
    names = linked_names(session, rows)
    director = director_name(session)
    return [
        dataclasses.replace(
            row,
            who=who_words(row.who, director, computer_account),
            field=field_words(row.field),
            before=value_words(row.field, row.before, names),
            after=value_words(row.field, row.after, names),
        )
        for row in rows
    ]


def plain_history(
    ctx: ServiceContext, entity: str, entity_id: int, include_related: bool = False
) -> list[AuditRow]:
    """One record's history, newest first, in plain words (the History dialog's rows)."""
    with ctx.read() as session:
        return read_plain_history(session, entity, entity_id, include_related)


def read_plain_history(
    session: Session,
    entity: str,
    entity_id: int,
    include_related: bool = False,
    oldest_first: bool = False,
) -> list[AuditRow]:
    """``plain_history`` inside a read the caller holds (a report reads many records in one)."""
    rows = read_history(session, entity, entity_id, include_related, oldest_first)
    return in_plain_words(session, rows, current_os_user())
