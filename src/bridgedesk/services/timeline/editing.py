"""What every timeline write shares: finding the row, checking text, refusing stale saves.

Late entry is the normal case (a director types last month's check-in today), so writes take
the real date of the event and refuse only dates in the future. Single records are edited as
ORM objects inside ``unit_of_work`` so the audit listener sees each change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from bridgedesk.errors import ConflictError, NotFoundError, ValidationError
from bridgedesk.storage.models import Checkin, Mentee, Milestone

MAX_TITLE = 200
"""Characters in a check-in title or a milestone name."""

_Row = TypeVar("_Row")


def today_or_now(today: dt.date | None) -> dt.date:
    """``today`` when a caller (a test) passed one, else the real date."""
    return today if today is not None else dt.date.today()


def get_row(s: Session, model: type[_Row], row_id: int, noun: str) -> _Row:
    """The row by id, or the one-sentence NotFoundError every editing function gives."""
    row = s.get(model, row_id)
    if row is None:
        raise NotFoundError(f"There is no {noun} with id {row_id}.")
    return row


def get_mentee(s: Session, mentee_id: int) -> Mentee:
    return get_row(s, Mentee, mentee_id, "mentee")


def expect_version(row: Checkin | Milestone, expected: int | None, noun: str) -> None:
    """Refuse a save made on an older copy of a versioned record."""
    if expected is not None and row.version != expected:
        raise ConflictError(
            f"Someone else changed this {noun} since you opened it; reopen it and try again."
        )


def get_checkin(s: Session, checkin_id: int) -> Checkin:
    return get_row(s, Checkin, checkin_id, "check-in")


def require_text(problems: dict[str, str], key: str, value: str, limit: int | None = None) -> None:
    """Note in ``problems`` a blank ``value`` or one longer than ``limit`` characters."""
    if not value or not value.strip():
        problems[key] = "This cannot be empty."
    elif limit is not None and len(value) > limit:
        problems[key] = f"This is longer than {limit} characters."


def check_title(key: str, value: str, limit: int | None) -> None:
    """Raise ValidationError for a blank or too-long title (the single-field forms)."""
    problems: dict[str, str] = {}
    require_text(problems, key, value, limit)
    if problems:
        raise ValidationError(problems)


@contextmanager
def saving(what: str) -> Iterator[None]:
    """Turn a stale optimistic-concurrency save into a one-sentence ConflictError."""
    try:
        yield
    except StaleDataError as exc:
        raise ConflictError(
            f"Someone else changed this {what} since you opened it; reopen it and try again."
        ) from exc
