"""Credential, visa and waiver dates, and the deadlines they make.

Each credential keeps its own reminder offsets when the user set some; otherwise its kind's
offsets apply. Which band a date falls in is decided by :mod:`bridgedesk.domain.reminders`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from bridgedesk.domain.deadline_rules import KindRules
from bridgedesk.domain.enums import CredentialStatus, Tier
from bridgedesk.domain.reminders import (
    format_offsets,
    offset_problem,
    parse_offsets,
)
from bridgedesk.errors import ConflictError, NotFoundError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials.deadline_rows import WATCHED, DeadlineRow, deadline_rows
from bridgedesk.services.credentials.field_values import field_problems, read_values
from bridgedesk.services.credentials.rules import rules_in_force
from bridgedesk.storage.models import Credential, CredentialKind, Mentee


@dataclass
class CredentialFields:
    kind_code: str
    number: str = ""
    detail: str = ""
    issued_on: dt.date | None = None
    expires_on: dt.date | None = None
    status: CredentialStatus = CredentialStatus.ACTIVE
    reminder_offsets: list[int] | None = None  # None: use the kind's offsets
    note: str = ""
    values: dict[str, Any] = field(default_factory=dict)  # the kind's own fields, by key


@dataclass(frozen=True)
class KindRow:
    code: str
    name: str
    tier: Tier
    offsets: list[int]


@dataclass(frozen=True)
class CredentialView:
    id: int
    mentee_id: int
    version: int
    fields: CredentialFields
    kind_name: str
    tier: Tier


@contextmanager
def _saving() -> Iterator[None]:
    try:
        yield
    except StaleDataError as exc:
        raise ConflictError(
            "Someone else changed this credential since you opened it; reopen it and try again."
        ) from exc


class CredentialService:
    """Add, edit and list credentials; compute the deadlines a director must not miss."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def kinds(self) -> list[KindRow]:
        with self.ctx.read() as s:
            rows = s.execute(
                select(
                    CredentialKind.code,
                    CredentialKind.name,
                    CredentialKind.tier,
                    CredentialKind.reminder_offsets,
                ).order_by(CredentialKind.tier, CredentialKind.name)
            ).all()
        return [
            KindRow(code, name, tier, parse_offsets(offsets)) for code, name, tier, offsets in rows
        ]

    def kind_rules(self) -> dict[str, KindRules]:
        """Each kind's rules in force (fields, derived dates, guidance), by code."""
        with self.ctx.read() as s:
            return rules_in_force(s)

    # ----- writing -------------------------------------------------------------------
    @staticmethod
    def _check(s: Session, fields: CredentialFields) -> CredentialKind:
        problems: dict[str, str] = {}
        kind = s.scalar(select(CredentialKind).where(CredentialKind.code == fields.kind_code))
        if kind is None:
            problems["kind_code"] = f"There is no credential kind {fields.kind_code!r}."
        if fields.issued_on and fields.expires_on and fields.expires_on < fields.issued_on:
            problems["expires_on"] = "The end date is before the issue date."
        if fields.reminder_offsets is not None:
            problem = offset_problem(fields.reminder_offsets)
            if problem:
                problems["reminder_offsets"] = problem
        try:
            CredentialStatus(fields.status)
        except ValueError:
            problems["status"] = "The status is not a known credential status."
        if kind is not None:
            rules = rules_in_force(s).get(kind.code)
            problems.update(field_problems(rules.fields if rules else (), fields.values))
        for name, limit in (("number", 120), ("detail", 200)):
            if len(getattr(fields, name)) > limit:
                problems[name] = f"This is longer than {limit} characters."
        if problems:
            raise ValidationError(problems)
        assert kind is not None
        return kind

    @staticmethod
    def _apply(credential: Credential, kind: CredentialKind, fields: CredentialFields) -> None:
        credential.kind_id = kind.id
        credential.number = fields.number.strip()
        credential.detail = fields.detail.strip()
        credential.issued_on = fields.issued_on
        credential.expires_on = fields.expires_on
        credential.status = CredentialStatus(fields.status)
        credential.reminder_offsets = (
            "" if fields.reminder_offsets is None else format_offsets(fields.reminder_offsets)
        )
        credential.note = fields.note
        credential.field_values = json.dumps(fields.values, sort_keys=True, ensure_ascii=False)

    def add(self, mentee_id: int, fields: CredentialFields) -> int:
        with self.ctx.unit_of_work() as s:
            if s.get(Mentee, mentee_id) is None:
                raise NotFoundError(f"There is no mentee with id {mentee_id}.")
            kind = self._check(s, fields)
            credential = Credential(mentee_id=mentee_id)
            self._apply(credential, kind, fields)
            s.add(credential)
            s.flush()
            return credential.id

    def update(self, credential_id: int, fields: CredentialFields, expected_version: int) -> None:
        """Save an edit made on the version read; a newer save in between is a conflict."""
        with self.ctx.unit_of_work() as s, _saving():
            credential = self._get(s, credential_id)
            if credential.version != expected_version:
                raise ConflictError(
                    "Someone else changed this credential since you opened it; reopen it and try again."
                )
            kind = self._check(s, fields)
            self._apply(credential, kind, fields)
            s.flush()

    def get(self, credential_id: int) -> CredentialView:
        with self.ctx.read() as s:
            c = self._get(s, credential_id)
            kind = s.get(CredentialKind, c.kind_id)
            assert kind is not None
            fields = CredentialFields(
                kind_code=kind.code,
                number=c.number,
                detail=c.detail,
                issued_on=c.issued_on,
                expires_on=c.expires_on,
                status=c.status,
                reminder_offsets=parse_offsets(c.reminder_offsets) if c.reminder_offsets else None,
                note=c.note,
                values=read_values(c.field_values),
            )
            return CredentialView(c.id, c.mentee_id, c.version, fields, kind.name, kind.tier)

    def delete(self, credential_id: int) -> None:
        with self.ctx.unit_of_work() as s, _saving():
            s.delete(self._get(s, credential_id))
            s.flush()

    @staticmethod
    def _get(s: Session, credential_id: int) -> Credential:
        credential = s.get(Credential, credential_id)
        if credential is None:
            raise NotFoundError(f"There is no credential with id {credential_id}.")
        return credential

    # ----- deadlines -----------------------------------------------------------------
    def deadlines(
        self,
        today: dt.date,
        within_days: int | None = None,
        mentee_id: int | None = None,
        site: str | None = None,
        include_lapsed: bool = True,
    ) -> list[DeadlineRow]:
        """Each open credential's next event to act on (:mod:`deadline_engine`), lapsed first.

        Program-wide lists cover active mentees only; asking for one mentee shows theirs whatever
        their status, so a departed physician's file still reads correctly. A credential marked
        expired still shows as lapsed: the status never hides an active physician's lapse.
        """
        with self.ctx.read() as s:
            return deadline_rows(s, today, within_days, mentee_id, site, include_lapsed)

    def tiers(self, mentee_id: int, today: dt.date) -> dict[Tier, DeadlineRow | None]:
        """The nearest (or lapsed) deadline of each of the three tiers for one mentee."""
        result: dict[Tier, DeadlineRow | None] = {tier: None for tier in Tier}
        for row in self.deadlines(today, mentee_id=mentee_id):
            if result[row.tier] is None:
                result[row.tier] = row
        return result

    def due_this_week(self, today: dt.date) -> list[DeadlineRow]:
        """Deadlines from today to seven days ahead (already lapsed ones are listed elsewhere)."""
        return self.deadlines(today, within_days=7, include_lapsed=False)


__all__ = [
    "WATCHED",
    "CredentialFields",
    "CredentialService",
    "CredentialView",
    "DeadlineRow",
    "KindRow",
]
