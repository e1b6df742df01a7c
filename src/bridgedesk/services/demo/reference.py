"""What a demo is built from inside the database: phases, schedule, checklist, credential kinds."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bridgedesk.services.program.exit_reasons import reason_ids_by_label
from bridgedesk.services.program.schedule_template import (
    TemplateItem,
    current_template_id,
    template_items,
)
from bridgedesk.storage.models import (
    ChecklistDomain,
    ChecklistItem,
    ChecklistTemplate,
    CredentialKind,
    Phase,
    RatingLevel,
)


@dataclass(frozen=True)
class Reference:
    phases: tuple[tuple[int, int, int | None], ...]  # (id, start_day, end_day)
    schedule: tuple[TemplateItem, ...]  # the current schedule version's items
    schedule_template_id: int | None
    item_ids: tuple[int, ...]
    levels: tuple[int, ...]  # rating values, ascending
    kinds: dict[str, int]  # credential kind code -> id
    exit_reasons: dict[str, int]  # exit reason label (folded) -> id


def load_reference(session: Session) -> Reference:
    phases = tuple(
        (r.id, r.start_day, r.end_day)
        for r in session.execute(
            select(Phase.id, Phase.start_day, Phase.end_day).order_by(Phase.position)
        )
    )
    schedule_id = current_template_id(session)
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
        schedule=tuple(template_items(session, schedule_id)),
        schedule_template_id=schedule_id,
        item_ids=item_ids,
        levels=levels or (0, 1, 2, 3, 4),
        kinds=kinds,
        exit_reasons=reason_ids_by_label(session),
    )
