"""Mentees, mentors and who mentors whom."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bridgedesk.domain.enums import AssignmentKind, MenteeRole, MenteeStatus
from bridgedesk.storage.models.base import Base, Timestamped, Versioned, enum_column


class Mentee(Timestamped, Versioned, Base):
    __tablename__ = "mentees"
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(primary_key=True)
    given_names: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200), index=True)
    native_name: Mapped[str] = mapped_column(String(300), default="")
    preferred_name: Mapped[str] = mapped_column(String(200), default="")
    pronouns: Mapped[str] = mapped_column(String(40), default="")
    country_of_training: Mapped[str] = mapped_column(String(120), default="")
    medical_school: Mapped[str] = mapped_column(String(300), default="")
    graduation_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    specialty: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[MenteeRole] = mapped_column(enum_column(MenteeRole), default=MenteeRole.RESIDENT)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"), nullable=True, index=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    # Empty: the phase follows from the start date (domain.phases); set: chosen by hand.
    phase_override_id: Mapped[int | None] = mapped_column(ForeignKey("phases.id"), nullable=True)
    status: Mapped[MenteeStatus] = mapped_column(
        enum_column(MenteeStatus), default=MenteeStatus.ACTIVE, index=True
    )
    exit_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    exit_reason_id: Mapped[int | None] = mapped_column(
        ForeignKey("exit_reasons.id"), nullable=True, index=True
    )
    exit_reason: Mapped[str] = mapped_column(Text, default="")  # the free-text details
    schedule_template_id: Mapped[int | None] = mapped_column(
        ForeignKey("schedule_templates.id"), nullable=True
    )
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    languages: Mapped[str] = mapped_column(String(300), default="")
    visa_kind: Mapped[str] = mapped_column(String(60), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    site = relationship("Site", lazy="joined")

    @property
    def legal_name(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()


class Mentor(Timestamped, Versioned, Base):
    __tablename__ = "mentors"
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    native_name: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="", server_default="")
    specialty: Mapped[str] = mapped_column(String(120), default="")
    former_img: Mapped[bool] = mapped_column(Boolean, default=False)
    # For matching: the languages spoken (as on a mentee) and where the mentor trained.
    languages: Mapped[str] = mapped_column(String(300), default="", server_default="")
    country_of_training: Mapped[str] = mapped_column(String(120), default="", server_default="")
    capacity: Mapped[int] = mapped_column(Integer, default=3)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    retired_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class MentorAssignment(Timestamped, Base):
    """Who mentors whom, of what kind, from when to when; ended rows are the history."""

    __tablename__ = "mentor_assignments"
    id: Mapped[int] = mapped_column(primary_key=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("mentees.id", ondelete="CASCADE"), index=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("mentors.id"), index=True)
    kind: Mapped[AssignmentKind] = mapped_column(enum_column(AssignmentKind))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    end_reason: Mapped[str] = mapped_column(Text, default="")


class ComparisonPhysician(Base):
    """A physician hired outside the program, recorded to compare retention (ROI)."""

    __tablename__ = "comparison_physicians"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[dt.date] = mapped_column(Date)
    exit_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    exit_reason: Mapped[str] = mapped_column(Text, default="")
