"""The two-way learning log: what the hospital learns from its IMGs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bridgedesk.domain.enums import InsightStatus
from bridgedesk.storage.models.base import Base, Timestamped, Versioned, enum_column


class Insight(Timestamped, Versioned, Base):
    __tablename__ = "insights"
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(primary_key=True)
    mentee_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentees.id", ondelete="SET NULL"), nullable=True, index=True
    )
    raised_by: Mapped[str] = mapped_column(String(200), default="")
    raised_on: Mapped[dt.date] = mapped_column(Date, index=True)
    category: Mapped[str] = mapped_column(String(120), default="")
    description: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[InsightStatus] = mapped_column(
        enum_column(InsightStatus), default=InsightStatus.RAISED
    )
    changed_practice: Mapped[str] = mapped_column(Text, default="")  # the institution's change
