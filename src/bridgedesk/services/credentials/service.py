"""Credential, visa and waiver dates, and the deadlines they make.

Each credential keeps its own reminder offsets when the user set some; otherwise its kind's
offsets apply. Which band a date falls in is decided by :mod:`bridgedesk.domain.reminders`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from bridgedesk.domain.enums import CredentialStatus, MenteeStatus, Tier
from bridgedesk.domain.reminders import (
    days_left,
    format_offsets,
    offset_problem,
    parse_offsets,
    reminder_band,
)
from bridgedesk.errors import ConflictError, NotFoundError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import Credential, CredentialKind, Mentee, Site

# Statuses whose date still needs watching; completed, expired or revoked ones do not remind.
WATCHED = (CredentialStatus.ACTIVE, CredentialStatus.PENDING, CredentialStatus.RENEWING)


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


@dataclass(frozen=True)
class DeadlineRow:
    credential_id: int
    mentee_id: int
    mentee_name: str
    kind_code: str
    kind_name: str
    tier: Tier
    number: str
    expires_on: dt.date | None
    days_left: int | None
    band: str  # lapsed | 7 | 30 | 60 | 90 | 180 | ... | later | none


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
        """Dated, still-watched credentials, lapsed first then nearest first.

        Program-wide lists cover active mentees only; asking for one mentee shows theirs whatever
        their status, so a departed physician's file still reads correctly.
        """
        stmt = (
            select(
                Credential.id, Mentee.id, Mentee.given_names, Mentee.family_name, CredentialKind.code,
                CredentialKind.name, CredentialKind.tier, Credential.number, Credential.expires_on,
                Credential.reminder_offsets, CredentialKind.reminder_offsets,
            )
            .join(Mentee, Mentee.id == Credential.mentee_id)
            .join(CredentialKind, CredentialKind.id == Credential.kind_id)
            .where(Credential.expires_on.is_not(None), Credential.status.in_(WATCHED))
            .order_by(Credential.expires_on, Credential.id)
        )  # fmt: skip
        if mentee_id is not None:
            stmt = stmt.where(Mentee.id == mentee_id)
        else:
            stmt = stmt.where(Mentee.status == MenteeStatus.ACTIVE)
        if within_days is not None:
            stmt = stmt.where(Credential.expires_on <= today + dt.timedelta(days=within_days))
        if not include_lapsed:
            stmt = stmt.where(Credential.expires_on >= today)
        if site is not None:
            stmt = stmt.join(Site, Site.id == Mentee.site_id).where(Site.name == site)
        with self.ctx.read() as s:
            rows = s.execute(stmt).all()
        out = []
        for cid, mid, given, family, code, kind_name, tier, number, expires, own, kinds in rows:
            left = days_left(expires, today)
            offsets = parse_offsets(own) if own else parse_offsets(kinds)
            out.append(
                DeadlineRow(
                    cid, mid, f"{given} {family}".strip(), code, kind_name, tier, number, expires,
                    left, reminder_band(left, offsets),
                )
            )  # fmt: skip
        return out

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
