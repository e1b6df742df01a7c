"""The program itself: settings, sites, phases and the default schedule template."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bridgedesk.domain.enums import ScheduleItemKind, Tier
from bridgedesk.storage.models.base import Base, enum_column


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


class ScheduleItem(Base):
    """One entry of the program template: a check-in or milestone at a day offset."""

    __tablename__ = "schedule_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ScheduleItemKind] = mapped_column(enum_column(ScheduleItemKind))
    name: Mapped[str] = mapped_column(String(200))
    day_offset: Mapped[int] = mapped_column(Integer)
    phase_id: Mapped[int | None] = mapped_column(ForeignKey("phases.id"), nullable=True)
    tier: Mapped[Tier] = mapped_column(enum_column(Tier), default=Tier.HOSPITAL)
