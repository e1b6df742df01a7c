"""Pair health: pulses given at check-ins, the fit question, adjustment survey templates and
the answers to them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bridgedesk.storage.models.base import Base, Versioned, utcnow


class CheckinPulse(Versioned, Base):
    """The 1-10 pulses the mentee and the mentor gave at one held check-in."""

    __tablename__ = "checkin_pulses"
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(primary_key=True)
    checkin_id: Mapped[int] = mapped_column(
        ForeignKey("checkins.id", ondelete="CASCADE"), unique=True
    )
    mentee_id: Mapped[int] = mapped_column(ForeignKey("mentees.id", ondelete="CASCADE"), index=True)
    mentee_score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    mentor_score: Mapped[int | None] = mapped_column(Integer, nullable=True)


class FitCheck(Versioned, Base):
    """Both sides' answer to "is this a good fit?", asked once per pair after the first held
    check-in (answers are "yes", "not_sure" or "no"; empty until given)."""

    __tablename__ = "fit_checks"
    __table_args__ = (UniqueConstraint("mentee_id", "mentor_id", name="uq_fit_checks_pair"),)
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(primary_key=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("mentees.id", ondelete="CASCADE"), index=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("mentors.id", ondelete="CASCADE"))
    checkin_id: Mapped[int | None] = mapped_column(
        ForeignKey("checkins.id", ondelete="SET NULL"), nullable=True
    )
    answered_on: Mapped[dt.date] = mapped_column(Date)
    mentee_answer: Mapped[str] = mapped_column(String(16), default="")
    mentee_comment: Mapped[str] = mapped_column(Text, default="")
    mentor_answer: Mapped[str] = mapped_column(String(16), default="")
    mentor_comment: Mapped[str] = mapped_column(Text, default="")


class SurveyTemplate(Base):
    """One version of the adjustment survey's questions (JSON list of theme, key, text).

    Editing writes a new version; answers keep pointing at the wording they were given to.
    """

    __tablename__ = "survey_templates"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(200))
    items: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    saved_by: Mapped[str] = mapped_column(String(120), default="")


class SurveyResponse(Versioned, Base):
    """A mentee's answers to the survey due ``month`` months after the start (0, 6 or 12)."""

    __tablename__ = "survey_responses"
    __table_args__ = (UniqueConstraint("mentee_id", "month", name="uq_survey_responses_due"),)
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(primary_key=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("mentees.id", ondelete="CASCADE"), index=True)
    month: Mapped[int] = mapped_column(Integer)
    template_id: Mapped[int] = mapped_column(ForeignKey("survey_templates.id"))
    answered_on: Mapped[dt.date] = mapped_column(Date)
    answers: Mapped[str] = mapped_column(Text, default="{}")  # JSON: item key -> 1..5
    comment: Mapped[str] = mapped_column(Text, default="")
