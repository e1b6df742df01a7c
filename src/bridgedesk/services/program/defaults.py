"""Load the default program content from ``resources/defaults`` on first start."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.assets import asset_path
from bridgedesk.domain.enums import Tier
from bridgedesk.services.program.schedule_template import items_from_json, write_version
from bridgedesk.storage.models import (
    ChecklistDomain,
    ChecklistItem,
    ChecklistTemplate,
    CredentialKind,
    Phase,
    RatingLevel,
)


def load_json(name: str) -> dict[str, Any]:
    with open(asset_path(f"defaults/{name}"), encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def ensure_defaults(session: Session) -> bool:
    """Fill empty tables with the default content; return True when anything was added.

    Runs at every start, so the usual case (everything filled) is one query of three EXISTS,
    which stop at the first row instead of counting the table.
    """
    has_phases, has_kinds, has_template = session.execute(
        select(
            select(Phase.id).exists(),
            select(CredentialKind.id).exists(),
            select(ChecklistTemplate.id).exists(),
        )
    ).one()
    if not has_phases:
        _load_program(session, load_json("program_schedule.json"))
    if not has_kinds:
        _load_credential_kinds(session, load_json("credential_kinds.json"))
    else:  # a kind a newer BridgeDesk ships is added to an older program's list
        have = set(session.scalars(select(CredentialKind.code)))
        data = load_json("credential_kinds.json")
        missing = [spec for spec in data["kinds"] if spec["code"] not in have]
        if missing:
            _load_credential_kinds(session, {"kinds": missing})
    if not has_template:
        load_checklist_template(session, load_json("cultural_fluency.json"), version=1)
    return not (has_phases and has_kinds and has_template)


def _load_program(session: Session, data: dict[str, Any]) -> None:
    phases = []
    for position, spec in enumerate(data["phases"], start=1):
        phase = Phase(
            position=position,
            name=spec["name"],
            description=spec.get("description", ""),
            start_day=spec["start_day"],
            end_day=spec.get("end_day"),
        )
        phases.append(phase)
    session.add_all(phases)
    session.flush()

    # The schedule: version 1 of the template (services.program.schedule_template).
    write_version(session, items_from_json(data), "The default schedule.")


def _load_credential_kinds(session: Session, data: dict[str, Any]) -> None:
    for spec in data["kinds"]:
        session.add(
            CredentialKind(
                code=spec["code"],
                name=spec["name"],
                tier=Tier(spec["tier"]),
                reminder_offsets=",".join(str(d) for d in spec["reminder_offsets"]),
                guidance=spec.get("guidance", ""),
            )
        )


def load_checklist_template(
    session: Session, data: dict[str, Any], version: int
) -> ChecklistTemplate:
    """Write one template version (scale, domains, items) from its JSON form."""
    template = ChecklistTemplate(name=data["name"], version=version, is_current=True)
    session.add(template)
    session.flush()
    for level in data["scale"]:
        session.add(
            RatingLevel(
                template_id=template.id,
                value=level["value"],
                label=level["label"],
                counts_as_proficient=bool(level.get("proficient", False)),
            )
        )
    for d_pos, domain_spec in enumerate(data["domains"], start=1):
        domain = ChecklistDomain(template_id=template.id, position=d_pos, name=domain_spec["name"])
        session.add(domain)
        session.flush()
        for i_pos, item in enumerate(domain_spec["items"], start=1):
            text = item if isinstance(item, str) else item["text"]
            key = (
                f"{d_pos}.{i_pos}" if isinstance(item, str) else item.get("key", f"{d_pos}.{i_pos}")
            )
            session.add(ChecklistItem(domain_id=domain.id, key=key, position=i_pos, text=text))
    return template
