"""Credential, visa and waiver records with their reminder offsets."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from bridgedesk.domain.enums import CredentialStatus, Tier
from bridgedesk.storage.models.base import Base, Timestamped, Versioned, enum_column, utcnow


class CredentialKind(Base):
    """A kind of credential (J-1 visa, state licence, ...) with default reminder offsets."""

    __tablename__ = "credential_kinds"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    tier: Mapped[Tier] = mapped_column(enum_column(Tier))
    reminder_offsets: Mapped[str] = mapped_column(String(80), default="180,90,60,30,7")
    guidance: Mapped[str] = mapped_column(Text, default="")


class Credential(Timestamped, Versioned, Base):
    __tablename__ = "credentials"
    # The roster's nearest live expiry per mentee, answered from the index alone.
    __table_args__ = (
        Index("ix_credentials_mentee_live", "mentee_id", "status", "expires_on", "kind_id"),
    )
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(primary_key=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("mentees.id", ondelete="CASCADE"), index=True)
    kind_id: Mapped[int] = mapped_column(ForeignKey("credential_kinds.id"), index=True)
    number: Mapped[str] = mapped_column(String(120), default="")
    detail: Mapped[str] = mapped_column(String(200), default="")  # state, board, site, ...
    issued_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    expires_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    status: Mapped[CredentialStatus] = mapped_column(
        enum_column(CredentialStatus), default=CredentialStatus.ACTIVE
    )
    # Empty means "use the kind's offsets".
    reminder_offsets: Mapped[str] = mapped_column(String(80), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # The kind's own fields (a waiver's work start, an H-1B's cap exemption...) as JSON.
    field_values: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")


class CredentialEventDate(Base):
    """One dated event of a credential, as the deadline engine derives it: an index of dates.

    Derived data kept exact by ``services/credentials/event_dates.py`` in the unit of work
    that writes the credential (or the rules), so the deadline windows (this week, the
    reminder bands, lapsed) are one indexed query instead of the engine run over every
    credential. Readers still rate what the index finds with the engine itself.
    """

    __tablename__ = "credential_event_dates"
    # Finds the credentials with an event to act on in a window of days, from the index alone.
    __table_args__ = (Index("ix_credential_event_dates_on", "event_on", "event", "credential_id"),)

    credential_id: Mapped[int] = mapped_column(
        ForeignKey("credentials.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(60), primary_key=True)  # "expires_on" or a rule's
    event: Mapped[str] = mapped_column(String(20))  # deadline_rules.EVENT_KINDS
    event_on: Mapped[dt.date] = mapped_column(Date)
    satisfied: Mapped[bool] = mapped_column(Boolean, default=False)  # a starts_by already met
    no_work: Mapped[bool] = mapped_column(Boolean, default=False)


class CredentialRuleVersion(Base):
    """One saved version of the credential rules (the JSON of credential_kinds.json).

    The newest is in force; older ones stay, so a changed rule is never lost and the audit
    trail shows who changed it when.
    """

    __tablename__ = "credential_rule_versions"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    rules: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    saved_by: Mapped[str] = mapped_column(String(120), default="")


class ReminderAcknowledgement(Base):
    """A reminder the director has seen and dealt with: it leaves the attention list."""

    __tablename__ = "reminder_acknowledgements"
    __table_args__ = (
        UniqueConstraint("credential_id", "event_key", "event_on", "days_before",
                         name="uq_reminder_acknowledgements_reminder"),
    )  # fmt: skip
    id: Mapped[int] = mapped_column(primary_key=True)
    credential_id: Mapped[int] = mapped_column(
        ForeignKey("credentials.id", ondelete="CASCADE"), index=True
    )
    event_key: Mapped[str] = mapped_column(String(60))
    event_on: Mapped[dt.date] = mapped_column(Date)
    days_before: Mapped[int] = mapped_column(Integer)
    acknowledged_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    acknowledged_by: Mapped[str] = mapped_column(String(120), default="")
