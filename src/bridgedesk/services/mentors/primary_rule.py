"""Who has a primary mentor on a day: THE rule for mentor load, "without a primary mentor"
(the Dashboard figure and the attention list) and the mentees matching offers to place.

A primary assignment counts from the day it is made until its end date: one made to start
later already counts (the director has arranged the mentor), one that ends on ``day`` does not.
Kept apart from ``services.metrics`` so the first view can use it without loading the figures.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, and_, exists, or_

from bridgedesk.domain.enums import AssignmentKind
from bridgedesk.storage.models import Mentee, MentorAssignment


def open_primary(day: dt.date) -> ColumnElement[bool]:
    """A primary assignment still open on ``day``: no end date, or one after ``day``."""
    return and_(
        MentorAssignment.kind == AssignmentKind.PRIMARY,
        or_(MentorAssignment.end_date.is_(None), MentorAssignment.end_date > day),
    )


def has_primary_mentor(day: dt.date) -> ColumnElement[bool]:
    """For a query over ``Mentee``: the mentee has an open primary assignment on ``day``."""
    return exists().where(MentorAssignment.mentee_id == Mentee.id, open_primary(day))
