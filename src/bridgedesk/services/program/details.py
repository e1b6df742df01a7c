"""The program's identity (hospital, program, director) kept in the Setting key/value table."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select

from bridgedesk.domain import mentee_rules
from bridgedesk.errors import ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.history.acting_person import act_as_director
from bridgedesk.services.history.audit import record_bulk
from bridgedesk.storage.models import Setting

MAX_LENGTH = 200


@dataclass
class ProgramSettings:
    hospital_name: str = ""
    program_name: str = ""
    director_name: str = ""


_KEYS = [f.name for f in fields(ProgramSettings)]


def load(ctx: ServiceContext) -> ProgramSettings:
    with ctx.read() as session:
        stmt = select(Setting.key, Setting.value).where(Setting.key.in_(_KEYS))
        stored = {key: value for key, value in session.execute(stmt)}
    return ProgramSettings(**{key: stored.get(key, "") for key in _KEYS})


def save(ctx: ServiceContext, settings: ProgramSettings) -> None:
    values = {key: mentee_rules.normalize(getattr(settings, key)) for key in _KEYS}
    problems = {
        key: f"{key.replace('_', ' ').capitalize()} is too long: at most {MAX_LENGTH} characters are allowed."
        for key, value in values.items()
        if len(value) > MAX_LENGTH
    }
    if problems:
        raise ValidationError(problems)
    with ctx.unit_of_work() as session:
        before: dict[str, str] = {}
        for key, value in values.items():
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=value))
                before[key] = ""
            elif row.value != value:
                before[key] = row.value
                row.value = value
        changed = {key: values[key] for key in before if before[key] != values[key]}
        if changed:  # settings are keyed by name, not id: audited here, not by the listener
            record_bulk(session, ctx.actor, "update", "program_details", [changed])
    act_as_director(ctx)  # a new or renamed director signs the changes from now on


def is_configured(ctx: ServiceContext) -> bool:
    """True once the hospital and program have names (the first-run dialog is done)."""
    settings = load(ctx)
    return bool(settings.hospital_name and settings.program_name)
