"""The program itself: settings, sites, phases and the default schedule template."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bridgedesk.domain.enums import ScheduleItemKind, Tier
from bridgedesk.storage.models.base import Base, Timestamped, enum_column


class Setting(Base):
    """Program-wide key/value settings (hospital, program and director names, ...)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Site(Base):
    __tablename__ = "sites"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    state: Mapped[str] = mapped_column(String(64), default="")


class Phase(Base):
    """A program phase; offsets are days from a mentee's start date (end exclusive)."""

    __tablename__ = "phases"
    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    start_day: Mapped[int] = mapped_column(Integer)
    end_day: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ScheduleTemplate(Timestamped, Base):
    """One version of the program's schedule (its check-ins and milestones by day).

    Like the checklist template, a version is never edited: a change writes the next version
    and marks it current. A mentee is planned from the version current when they were added.
    """

    __tablename__ = "schedule_templates"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")


class ScheduleItem(Base):
    """One entry of a schedule version: a check-in or milestone at a day offset."""

    __tablename__ = "schedule_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("schedule_templates.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ScheduleItemKind] = mapped_column(enum_column(ScheduleItemKind))
    name: Mapped[str] = mapped_column(String(200))
    day_offset: Mapped[int] = mapped_column(Integer)
    phase_id: Mapped[int | None] = mapped_column(ForeignKey("phases.id"), nullable=True)
    tier: Mapped[Tier] = mapped_column(enum_column(Tier), default=Tier.HOSPITAL)


class ExitReason(Base):
    """One entry of the program's list of reasons for leaving (counted on reports).

    The list is the program's own (File > Program settings); a reason in use is retired
    rather than deleted, so the mentees who gave it keep it.
    """

    __tablename__ = "exit_reasons"
    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(200), unique=True)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
