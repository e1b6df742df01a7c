"""Cultural-fluency checklist templates (versioned) and assessments.

A template version is never edited once assessments point at it: editing makes a new
version (new rows), so old assessments keep the exact wording they were rated against.
Items carry a stable ``key`` (e.g. "3.2") to follow an item across versions.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bridgedesk.domain.enums import AssessmentMethod, ObserverRole
from bridgedesk.storage.models.base import Base, Timestamped, enum_column


class ChecklistTemplate(Timestamped, Base):
    __tablename__ = "checklist_templates"
    __table_args__ = (UniqueConstraint("name", "version", name="name_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")


class RatingLevel(Base):
    """One step of a template's rating scale; ``value`` orders the steps (0 = not yet observed)."""

    __tablename__ = "rating_levels"
    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_templates.id", ondelete="CASCADE"), index=True
    )
    value: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(80))
    counts_as_proficient: Mapped[bool] = mapped_column(Boolean, default=False)


class ChecklistDomain(Base):
    __tablename__ = "checklist_domains"
    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_templates.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))


class ChecklistItem(Base):
    __tablename__ = "checklist_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    domain_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_domains.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class Assessment(Timestamped, Base):
    __tablename__ = "assessments"
    id: Mapped[int] = mapped_column(primary_key=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("mentees.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("checklist_items.id"), index=True)
    level: Mapped[int] = mapped_column(Integer)
    assessed_on: Mapped[dt.date] = mapped_column(Date, index=True)
    observer: Mapped[str] = mapped_column(String(200), default="")
    observer_role: Mapped[ObserverRole] = mapped_column(enum_column(ObserverRole))
    method: Mapped[AssessmentMethod] = mapped_column(enum_column(AssessmentMethod))
    evidence: Mapped[str] = mapped_column(Text, default="")
