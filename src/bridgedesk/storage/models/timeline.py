"""Check-ins, their agreed actions, milestones, goals and goal tasks."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bridgedesk.domain.enums import (
    CheckinFormat,
    CheckinStatus,
    GoalProgressMode,
    GoalStatus,
    Tier,
)
from bridgedesk.storage.models.base import Base, Timestamped, Versioned, enum_column


class Checkin(Timestamped, Versioned, Base):
    __tablename__ = "checkins"
    __table_args__ = (
        # The roster's grouped pass over planned check-ins reads in mentee order from the index.
        Index("ix_checkins_status_mentee", "status", "mentee_id", "planned_date"),
        # A period's check-in figures (due, held, on time) read from the index alone.
        Index("ix_checkins_period", "planned_date", "mentee_id", "status", "held_date"),
    )
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(primary_key=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("mentees.id", ondelete="CASCADE"), index=True)
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("mentors.id"), nullable=True)
    title: Mapped[str] = mapped_column(String(200), default="Check-in")
    planned_date: Mapped[dt.date] = mapped_column(Date, index=True)
    held_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    status: Mapped[CheckinStatus] = mapped_column(
        enum_column(CheckinStatus), default=CheckinStatus.PLANNED, index=True
    )
    format: Mapped[CheckinFormat | None] = mapped_column(enum_column(CheckinFormat), nullable=True)
    attendees: Mapped[str] = mapped_column(Text, default="")
    topics: Mapped[str] = mapped_column(String(200), default="")  # comma-separated CheckinTopic
    summary: Mapped[str] = mapped_column(Text, default="")
    private_note: Mapped[str] = mapped_column(Text, default="")
    rescheduled_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("checkins.id", ondelete="SET NULL"), nullable=True
    )
    # Set with status "cancelled": the day the mentee left, so it is history, not overdue.
    cancelled_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class Action(Timestamped, Base):
    """An action agreed at a check-in, with a due date."""

    __tablename__ = "actions"
    id: Mapped[int] = mapped_column(primary_key=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("mentees.id", ondelete="CASCADE"), index=True)
    checkin_id: Mapped[int | None] = mapped_column(
        ForeignKey("checkins.id", ondelete="SET NULL"), nullable=True
    )
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    done_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class Milestone(Timestamped, Versioned, Base):
    __tablename__ = "milestones"
    # The roster's next open milestone per mentee, answered from the index alone.
    __table_args__ = (
        Index("ix_milestones_mentee_open", "mentee_id", "completed_date", "due_date", "name"),
    )
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(primary_key=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("mentees.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    tier: Mapped[Tier] = mapped_column(enum_column(Tier), default=Tier.HOSPITAL)
    due_date: Mapped[dt.date] = mapped_column(Date, index=True)
    completed_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    signed_off_by: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # The day the mentee left before it was due: kept in the history, never overdue.
    cancelled_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class Goal(Timestamped, Base):
    __tablename__ = "goals"
    id: Mapped[int] = mapped_column(primary_key=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("mentees.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    progress_mode: Mapped[GoalProgressMode] = mapped_column(
        enum_column(GoalProgressMode), default=GoalProgressMode.JUDGED
    )
    judged_progress: Mapped[int] = mapped_column(Integer, default=0)  # percent, 0..100
    status: Mapped[GoalStatus] = mapped_column(enum_column(GoalStatus), default=GoalStatus.OPEN)
    target_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class GoalTask(Timestamped, Base):
    __tablename__ = "goal_tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    due_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    done_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
