"""What a demo is built from inside the database: phases, schedule, checklist, credential kinds."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bridgedesk.domain.enums import ScheduleItemKind
from bridgedesk.domain.phases import PhaseSpan, phase_on_day
from bridgedesk.storage.models import (
    ChecklistDomain,
    ChecklistItem,
    ChecklistTemplate,
    CredentialKind,
    Phase,
    RatingLevel,
    ScheduleItem,
)


@dataclass(frozen=True)
class Reference:
    phases: tuple[tuple[int, int, int | None], ...]  # (id, start_day, end_day)
    checkins: tuple[tuple[str, int], ...]  # (name, day_offset)
    milestones: tuple[tuple[str, int, str], ...]  # (name, day_offset, tier)
    item_ids: tuple[int, ...]
    levels: tuple[int, ...]  # rating values, ascending
    kinds: dict[str, int]  # credential kind code -> id

    def phase_at(self, day: int) -> int | None:
        return phase_on_day((PhaseSpan(*phase) for phase in self.phases), day)


def load_reference(session: Session) -> Reference:
    phases = tuple(
        (r.id, r.start_day, r.end_day)
        for r in session.execute(
            select(Phase.id, Phase.start_day, Phase.end_day).order_by(Phase.position)
        )
    )
    items = session.execute(
        select(
            ScheduleItem.kind, ScheduleItem.name, ScheduleItem.day_offset, ScheduleItem.tier
        ).order_by(ScheduleItem.day_offset, ScheduleItem.id)
    ).all()
    template_id = session.scalar(
        select(func.max(ChecklistTemplate.id)).where(ChecklistTemplate.is_current.is_(True))
    )
    item_ids = tuple(
        session.scalars(
            select(ChecklistItem.id)
            .join(ChecklistDomain, ChecklistDomain.id == ChecklistItem.domain_id)
            .where(ChecklistDomain.template_id == template_id)
            .order_by(ChecklistDomain.position, ChecklistItem.position)
        )
    )
    levels = tuple(
        session.scalars(
            select(RatingLevel.value)
            .where(RatingLevel.template_id == template_id)
            .order_by(RatingLevel.value)
        )
    )
    kinds = {
        code: kid for code, kid in session.execute(select(CredentialKind.code, CredentialKind.id))
    }
    return Reference(
        phases=phases,
        checkins=tuple((r.name, r.day_offset) for r in items if r.kind == ScheduleItemKind.CHECKIN),
        milestones=tuple(
            (r.name, r.day_offset, str(r.tier.value))
            for r in items
            if r.kind == ScheduleItemKind.MILESTONE
        ),
        item_ids=item_ids,
        levels=levels or (0, 1, 2, 3, 4),
        kinds=kinds,
    )
