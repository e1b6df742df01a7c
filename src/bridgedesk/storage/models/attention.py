"""What the director decided about a row of the "Needs attention" list: snoozed or dismissed."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bridgedesk.storage.models.base import Base, utcnow


class AttentionDecision(Base):
    """One decision per item: a snooze (until a date) or a dismissal (with a reason).

    ``item_key`` names the underlying item and its state (a credential's expiry, the oldest
    overdue check-in...), so a dismissed row comes back once the item changes: the list
    then computes a different key.
    """

    __tablename__ = "attention_decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_key: Mapped[str] = mapped_column(String(200), unique=True)
    # Empty for rows about the program (the long-overdue summaries).
    mentee_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentees.id", ondelete="CASCADE"), nullable=True, index=True
    )
    decision: Mapped[str] = mapped_column(String(20))  # "snooze" or "dismiss"
    snoozed_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    decided_by: Mapped[str] = mapped_column(String(120), default="")
