"""The program's list of reasons for leaving, so exit reasons can be counted.

The archive dialog offers this list (plus free text for the details); the director edits
it in File > Program settings. A reason some mentee gave is retired rather than deleted, so
their record keeps it and the counts stay true; a retired reason is no longer offered.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bridgedesk.domain import mentee_rules
from bridgedesk.errors import NotFoundError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.program.defaults import load_json
from bridgedesk.storage.models import ExitReason, Mentee

MAX_LABEL = 200


@dataclass(frozen=True)
class ExitReasonRow:
    id: int
    label: str
    retired: bool
    mentees: int  # mentees who left with this reason


def ensure_exit_reasons(session: Session) -> bool:
    """Fill an empty list with the defaults (resources/defaults/exit_reasons.json)."""
    if session.scalar(select(ExitReason.id).limit(1)) is not None:
        return False
    for position, label in enumerate(load_json("exit_reasons.json")["reasons"], start=1):
        session.add(ExitReason(position=position, label=label, retired=False))
    session.flush()
    return True


def reason_ids_by_label(session: Session) -> dict[str, int]:
    """Every reason (retired ones too) by its label folded for matching."""
    return {
        label.casefold(): rid
        for rid, label in session.execute(select(ExitReason.id, ExitReason.label))
    }


def exit_reasons(ctx: ServiceContext, include_retired: bool = False) -> list[ExitReasonRow]:
    """The list in its order, with how many mentees gave each reason."""
    with ctx.read() as s:
        counts = dict(
            s.execute(
                select(Mentee.exit_reason_id, func.count(Mentee.id))
                .where(Mentee.exit_reason_id.is_not(None))
                .group_by(Mentee.exit_reason_id)
            ).all()
        )
        stmt = select(ExitReason.id, ExitReason.label, ExitReason.retired).order_by(
            ExitReason.position, ExitReason.id
        )
        if not include_retired:
            stmt = stmt.where(ExitReason.retired.is_(False))
        return [
            ExitReasonRow(rid, label, bool(retired), int(counts.get(rid, 0)))
            for rid, label, retired in s.execute(stmt)
        ]


def _checked_label(s: Session, label: str, own_id: int | None = None) -> str:
    text = mentee_rules.normalize(label)
    if not text:
        raise ValidationError({"label": "The reason needs a few words."})
    if len(text) > MAX_LABEL:
        raise ValidationError({"label": f"The reason is longer than {MAX_LABEL} characters."})
    clash = s.scalar(
        select(ExitReason.id).where(func.lower(ExitReason.label) == text.lower()).limit(1)
    )
    if clash is not None and clash != own_id:
        raise ValidationError({"label": f"“{text}” is already on the list."})
    return text


def add_exit_reason(ctx: ServiceContext, label: str) -> int:
    with ctx.unit_of_work() as s:
        text = _checked_label(s, label)
        last = s.scalar(select(func.max(ExitReason.position))) or 0
        reason = ExitReason(position=last + 1, label=text, retired=False)
        s.add(reason)
        s.flush()
        return reason.id


def rename_exit_reason(ctx: ServiceContext, reason_id: int, label: str) -> None:
    """A new wording; every mentee who gave the reason shows the new words."""
    with ctx.unit_of_work() as s:
        reason = _get(s, reason_id)
        reason.label = _checked_label(s, label, reason_id)


def remove_exit_reason(ctx: ServiceContext, reason_id: int) -> str:
    """Delete an unused reason, retire a used one; returns "deleted" or "retired"."""
    with ctx.unit_of_work() as s:
        reason = _get(s, reason_id)
        used = s.scalar(select(Mentee.id).where(Mentee.exit_reason_id == reason_id).limit(1))
        if used is None:
            s.delete(reason)
            return "deleted"
        reason.retired = True
        return "retired"


def restore_exit_reason(ctx: ServiceContext, reason_id: int) -> None:
    with ctx.unit_of_work() as s:
        _get(s, reason_id).retired = False


def move_exit_reason(ctx: ServiceContext, reason_id: int, step: int) -> None:
    """Move a reason up (-1) or down (+1) the list."""
    with ctx.unit_of_work() as s:
        rows = list(s.scalars(select(ExitReason).order_by(ExitReason.position, ExitReason.id)))
        at = next((n for n, r in enumerate(rows) if r.id == reason_id), None)
        if at is None:
            raise NotFoundError(f"There is no exit reason with id {reason_id}.")
        to = min(max(at + step, 0), len(rows) - 1)
        rows.insert(to, rows.pop(at))
        for position, row in enumerate(rows, start=1):
            if row.position != position:
                row.position = position


def _get(s: Session, reason_id: int) -> ExitReason:
    reason = s.get(ExitReason, reason_id)
    if reason is None:
        raise NotFoundError(f"There is no exit reason with id {reason_id}.")
    return reason
