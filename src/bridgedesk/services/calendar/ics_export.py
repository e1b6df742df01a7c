"""Write check-ins, milestones and credential deadlines as an iCalendar (.ics) file.

Outlook, Thunderbird and phone calendars import it. Every event has a UID made of the
program's own id and the record's, so importing a newer export updates the events already
there instead of adding copies. Deadline events carry alarms at their reminder offsets.
Dates are all-day events (VALUE=DATE). The file holds personnel data (names): it is written
owner-only and whole or not at all, like the roster export.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from icalendar import Alarm, Calendar, Event
from sqlalchemy import select

from bridgedesk import __version__
from bridgedesk.domain.deadline_engine import CredentialFacts, dated_events, offsets_of
from bridgedesk.domain.enums import CheckinStatus, CredentialStatus, MenteeStatus
from bridgedesk.domain.reminders import parse_offsets
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials.field_values import read_values
from bridgedesk.services.credentials.rules import rules_in_force
from bridgedesk.services.mentees.roster_export import write_atomically
from bridgedesk.storage.models import (
    Checkin,
    Credential,
    CredentialKind,
    Mentee,
    Milestone,
    Setting,
)

PROGRAM_UID_KEY = "calendar_uid"
CLOSED = (CredentialStatus.COMPLETED, CredentialStatus.REVOKED)
ACTED_ON = ("due", "starts_by", "limit", "obligation_ends")


def _program_uid(ctx: ServiceContext) -> str:
    """A random id made once per program, so UIDs differ between two programs' exports."""
    with ctx.unit_of_work() as s:
        setting = s.get(Setting, PROGRAM_UID_KEY)
        if setting is None:
            setting = Setting(key=PROGRAM_UID_KEY, value=uuid.uuid4().hex)
            s.add(setting)
            s.flush()
        return setting.value


def _event(uid: str, on: dt.date, summary: str, description: str, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", on)  # a date: an all-day event
    event.add("dtend", on + dt.timedelta(days=1))
    event.add("summary", summary)
    if description:
        event.add("description", description)
    event.add("transp", "TRANSPARENT")  # a reminder of a date, not busy time
    return event


def _alarm(days_before: int, summary: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", dt.timedelta(days=-days_before))
    return alarm


def build_calendar(ctx: ServiceContext, today: dt.date, mentee_id: int | None = None) -> Calendar:
    """The calendar of active mentees (or one mentee): open items and dated deadlines."""
    program = _program_uid(ctx)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", f"-//BridgeDesk//BridgeDesk {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "BridgeDesk")
    with ctx.read() as s:
        who = select(Mentee.id, Mentee.given_names, Mentee.family_name)
        who = (
            who.where(Mentee.id == mentee_id)
            if mentee_id is not None
            else who.where(Mentee.status == MenteeStatus.ACTIVE)
        )
        names = {mid: f"{g} {f}".strip() for mid, g, f in s.execute(who)}
        ids = list(names)
        for cid, mid, title, planned in s.execute(
            select(Checkin.id, Checkin.mentee_id, Checkin.title, Checkin.planned_date).where(
                Checkin.mentee_id.in_(ids), Checkin.status == CheckinStatus.PLANNED
            )
        ):
            cal.add_component(_event(f"checkin-{cid}@{program}.bridgedesk", planned,
                                     f"{title}: {names[mid]}", "Mentorship check-in", stamp))  # fmt: skip
        for msid, mid, name, due in s.execute(
            select(Milestone.id, Milestone.mentee_id, Milestone.name, Milestone.due_date).where(
                Milestone.mentee_id.in_(ids),
                Milestone.completed_date.is_(None),
                Milestone.cancelled_on.is_(None),
            )
        ):
            cal.add_component(_event(f"milestone-{msid}@{program}.bridgedesk", due,
                                     f"{name}: {names[mid]}", "Program milestone", stamp))  # fmt: skip
        rules = rules_in_force(s)
        for crid, mid, code, issued, expires, own, values in s.execute(
            select(Credential.id, Credential.mentee_id, CredentialKind.code, Credential.issued_on,
                   Credential.expires_on, Credential.reminder_offsets, Credential.field_values)
            .join(CredentialKind, CredentialKind.id == Credential.kind_id)
            .where(Credential.mentee_id.in_(ids), Credential.status.not_in(CLOSED))
        ):  # fmt: skip
            kind = rules[code]
            offsets = tuple(parse_offsets(own)) if own else None
            facts = CredentialFacts(issued, expires, read_values(values), offsets)
            for e in dated_events(facts, kind):
                if e.satisfied:
                    continue
                summary = f"{kind.name}, {e.label}: {names[mid]}"
                notes = "\n".join(x for x in (e.source and f"Rule: {e.source}", kind.guidance) if x)
                event = _event(f"credential-{crid}-{e.key}@{program}.bridgedesk", e.on, summary,
                               notes, stamp)  # fmt: skip
                if e.event in ACTED_ON:
                    for days in offsets_of(facts, kind):
                        event.add_component(_alarm(days, summary))
                cal.add_component(event)
    return cal


def export_calendar(
    ctx: ServiceContext, path: Path, today: dt.date, mentee_id: int | None = None
) -> int:
    """Write the calendar to ``path`` (whole or not at all); return how many events."""
    cal = build_calendar(ctx, today, mentee_id)
    data = cal.to_ical()
    write_atomically(path, lambda fh: fh.write(data))
    return len(cal.walk("VEVENT"))
