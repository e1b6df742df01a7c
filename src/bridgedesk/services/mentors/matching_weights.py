"""The program's mentor-matching weights: read them (defaults until saved) and save them.

One row in ``matching_weights``; every save is audited by the listener (AUDITED map) and a
save made from a stale copy is refused as a conflict, like any record people edit.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from bridgedesk.domain.matching_weights import (
    WEIGHT_FIELDS,
    Factor,
    MatchWeights,
    weight_problems,
)
from bridgedesk.errors import ConflictError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import MatchingWeights

ROW_ID = 1


def column_of(field: str) -> str:
    """The column holding a weight: ``points_<factor>``; the must-have rules keep their name."""
    return field if field.startswith("must_") else f"points_{field}"


@dataclass(frozen=True)
class StoredWeights:
    weights: MatchWeights
    version: int  # 0 while the defaults were never saved


def read_weights(session: Session) -> StoredWeights:
    row = session.get(MatchingWeights, ROW_ID)
    if row is None:
        return StoredWeights(MatchWeights(), 0)
    weights = MatchWeights(
        **{factor.value: int(getattr(row, column_of(factor.value))) for factor in Factor},
        must_same_site=bool(row.must_same_site),
        must_first_language=bool(row.must_first_language),
        must_same_specialty=bool(row.must_same_specialty),
    )
    return StoredWeights(
        weights,
        row.version,
    )


def load_weights(ctx: ServiceContext) -> StoredWeights:
    with ctx.read() as session:
        return read_weights(session)


def save_weights(ctx: ServiceContext, weights: MatchWeights, expected_version: int) -> int:
    """Save the weights; returns the new version. ``expected_version`` is what was loaded."""
    problems = weight_problems(weights)
    if problems:
        raise ValidationError(problems)
    with ctx.unit_of_work() as session:
        row = session.get(MatchingWeights, ROW_ID)
        current = 0 if row is None else row.version
        if current != expected_version:
            raise ConflictError(
                "Someone changed the matching weights since you opened them. "
                "Close this window and open it again to see theirs."
            )
        if row is None:
            row = MatchingWeights(id=ROW_ID)
            session.add(row)
        for name in WEIGHT_FIELDS:
            value = getattr(weights, name)
            if getattr(row, column_of(name), None) != value:
                setattr(row, column_of(name), value)
        session.flush()
        return row.version
