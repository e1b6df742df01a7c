"""Cultural-fluency checklist templates (versioned) and assessments.

A template version is never edited once assessments point at it: editing makes a new
version (new rows), so old assessments keep the exact wording they were rated against.
Items carry a stable ``key`` (e.g. "3.2") to follow an item across versions.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
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


class ChecklistSummary(Base):
    """Per mentee, observer role and current-template domain: first vs latest ratings.

    Derived data kept exact by ``services.checklist_summary.refresh`` inside the unit of work
    that writes ratings or templates, so metrics and the roster read a few rows per mentee
    instead of scanning millions of ratings. ``observer_role`` is an ObserverRole value or
    "any" (per item its first and latest rating by any observer).
    """

    __tablename__ = "checklist_summaries"
    __table_args__ = (
        UniqueConstraint("mentee_id", "observer_role", "domain_position"),
        # Covers the metrics' sums per role and domain: a scan in group order, no sort.
        Index(
            "ix_checklist_summaries_rollup",
            "observer_role",
            "domain_position",
            "domain_name",
            "mentee_id",
            "first_rated",
            "first_proficient",
            "latest_rated",
            "latest_proficient",
            "latest_on",
        ),  # fmt: skip
        # The roster's progress per mentee ("any" role) in mentee order.
        Index(
            "ix_checklist_summaries_role_mentee", "observer_role", "mentee_id", "latest_proficient"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("mentees.id", ondelete="CASCADE"), index=True)
    observer_role: Mapped[str] = mapped_column(String(32))
    domain_position: Mapped[int] = mapped_column(Integer)
    domain_name: Mapped[str] = mapped_column(String(200))
    first_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    first_rated: Mapped[int] = mapped_column(Integer, default=0)
    first_proficient: Mapped[int] = mapped_column(Integer, default=0)
    latest_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    latest_rated: Mapped[int] = mapped_column(Integer, default=0)
    latest_proficient: Mapped[int] = mapped_column(Integer, default=0)
