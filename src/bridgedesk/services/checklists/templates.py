"""Checklist template versions: an edit never rewrites a version, it writes the next one.

Old versions keep their rows (and the assessments that point at them) untouched; items keep
their ``key`` so the history of "3.2" follows it into the new wording.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update

from bridgedesk.errors import ValidationError
from bridgedesk.services.checklists.summary import refresh as refresh_checklist_summary
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import (
    Assessment,
    ChecklistDomain,
    ChecklistItem,
    ChecklistTemplate,
    RatingLevel,
)

Level = tuple[int, str, bool]  # (value, label, counts as proficient)
# An item is given as its text (a new item), (key, text), or (item_id, key, text) as read
# from TemplateView; a key of None or "" asks for a new key.
ItemSpec = str | tuple[str | None, str] | tuple[int | None, str | None, str]
DomainSpec = tuple[str, Sequence[ItemSpec]]


@dataclass(frozen=True)
class TemplateVersionRow:
    id: int
    name: str
    version: int
    is_current: bool
    n_assessments: int


def _item_key_text(item: Any) -> tuple[str | None, str]:
    if isinstance(item, str):
        return None, item
    if len(item) == 3:
        return item[1] or None, item[2]
    return item[0] or None, item[1]


def _validate(name: str, levels: Sequence[Level], domains: Sequence[DomainSpec]) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not name or not name.strip():
        problems["name"] = "The checklist needs a name."
    if not levels:
        problems["levels"] = "The rating scale needs at least one level."
    elif len({value for value, _label, _prof in levels}) != len(levels):
        problems["levels"] = "Two levels of the rating scale have the same value."
    elif any(not label or not label.strip() for _value, label, _prof in levels):
        problems["levels"] = "Every level of the rating scale needs a label."
    if not domains:
        problems["domains"] = "The checklist needs at least one domain."
    keys: set[str] = set()
    for d_pos, (domain_name, items) in enumerate(domains, start=1):
        if not domain_name or not domain_name.strip():
            problems[f"domains[{d_pos}]"] = "Every domain needs a name."
        for item in items:
            key, text = _item_key_text(item)
            if not text or not text.strip():
                problems[f"domains[{d_pos}]"] = "Every item needs its text."
            if key is not None:
                if key in keys:
                    problems[f"domains[{d_pos}]"] = f"The item key {key} is used twice."
                keys.add(key)
    return problems


def save_new_version(
    ctx: ServiceContext,
    name: str,
    levels: Sequence[Level],
    domains: Sequence[DomainSpec],
) -> int:
    """Write the next version of the named template, mark it current, and return its id."""
    problems = _validate(name, levels, domains)
    if problems:
        raise ValidationError(problems)
    name = name.strip()
    with ctx.unit_of_work() as s:
        last = s.scalar(
            select(func.max(ChecklistTemplate.version)).where(ChecklistTemplate.name == name)
        )
        used_keys = set(
            s.scalars(
                select(ChecklistItem.key)
                .join(ChecklistDomain, ChecklistDomain.id == ChecklistItem.domain_id)
                .join(ChecklistTemplate, ChecklistTemplate.id == ChecklistDomain.template_id)
                .where(ChecklistTemplate.name == name)
            )
        )
        s.execute(update(ChecklistTemplate).values(is_current=False))
        template = ChecklistTemplate(name=name, version=(last or 0) + 1, is_current=True)
        s.add(template)
        s.flush()
        for value, label, prof in levels:
            s.add(
                RatingLevel(
                    template_id=template.id,
                    value=value,
                    label=label.strip(),
                    counts_as_proficient=bool(prof),
                )
            )
        given_keys = {k for _d, items in domains for k, _t in map(_item_key_text, items) if k}
        taken = used_keys | given_keys
        for d_pos, (domain_name, items) in enumerate(domains, start=1):
            domain = ChecklistDomain(
                template_id=template.id, position=d_pos, name=domain_name.strip()
            )
            s.add(domain)
            s.flush()
            for i_pos, item in enumerate(items, start=1):
                key, text = _item_key_text(item)
                if key is None:
                    key = _fresh_key(d_pos, i_pos, taken)
                    taken.add(key)
                s.add(
                    ChecklistItem(domain_id=domain.id, key=key, position=i_pos, text=text.strip())
                )
        s.flush()
        # The current domains and keys changed: every mentee's summary maps onto them anew.
        refresh_checklist_summary(s)
        return template.id


def _fresh_key(d_pos: int, i_pos: int, taken: set[str]) -> str:
    """A key never used by any version, so a new item does not inherit another's history."""
    n = i_pos
    while f"{d_pos}.{n}" in taken:
        n += 1
    return f"{d_pos}.{n}"


def template_versions(ctx: ServiceContext) -> list[TemplateVersionRow]:
    """Every template version, newest first, with how many assessments point at it."""
    with ctx.read() as s:
        counts = dict(
            s.execute(
                select(ChecklistDomain.template_id, func.count(Assessment.id))
                .join(ChecklistItem, ChecklistItem.domain_id == ChecklistDomain.id)
                .join(Assessment, Assessment.item_id == ChecklistItem.id)
                .group_by(ChecklistDomain.template_id)
            ).all()
        )
        rows = s.execute(
            select(
                ChecklistTemplate.id,
                ChecklistTemplate.name,
                ChecklistTemplate.version,
                ChecklistTemplate.is_current,
            ).order_by(ChecklistTemplate.name, ChecklistTemplate.version.desc())
        ).all()
    return [
        TemplateVersionRow(tid, name, version, bool(current), int(counts.get(tid, 0)))
        for tid, name, version, current in rows
    ]
