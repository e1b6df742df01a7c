"""The program's mentor-matching weights: one row, edited by the director and audited."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer
from sqlalchemy.orm import Mapped, mapped_column

from bridgedesk.storage.models.base import Base, Timestamped, Versioned


class MatchingWeights(Timestamped, Versioned, Base):
    """Points per factor and the must-have rules (see ``domain/matching_weights.py``).

    No row means the defaults; the first save writes row 1. The points columns are named
    ``points_<factor>`` so the History reads "Points specialty", not a mentee's field.
    """

    __tablename__ = "matching_weights"
    __mapper_args__ = {"version_id_col": Versioned.version}

    id: Mapped[int] = mapped_column(primary_key=True)
    points_specialty: Mapped[int] = mapped_column(Integer)
    points_language: Mapped[int] = mapped_column(Integer)
    points_training: Mapped[int] = mapped_column(Integer)
    points_former_img: Mapped[int] = mapped_column(Integer)
    points_site: Mapped[int] = mapped_column(Integer)
    points_capacity: Mapped[int] = mapped_column(Integer)
    must_same_site: Mapped[bool] = mapped_column(Boolean, default=False)
    must_first_language: Mapped[bool] = mapped_column(Boolean, default=False)
    must_same_specialty: Mapped[bool] = mapped_column(Boolean, default=False)
