"""The credential rules a program keeps: read the version in force, save an edited one.

The shipped rules (resources/defaults/credential_kinds.json) are version 0. Saving writes a
new numbered version (audited: who and when), after checking it reads as rules, every derived
date with its source; each kind's name, tier, reminder offsets and guidance follow it into
the kinds list, and a kind new in the edit is added.
"""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bridgedesk.domain.deadline_rules import KindRules, RuleError, by_code, parse_kinds
from bridgedesk.domain.enums import Tier
from bridgedesk.errors import ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials.rules import default_rules_text
from bridgedesk.storage.models import CredentialKind, CredentialRuleVersion


def newest_rules_text(session: Session) -> tuple[int, str]:
    """(version, JSON text) of the rules in force; version 0 is the shipped file."""
    row = session.execute(
        select(CredentialRuleVersion.version, CredentialRuleVersion.rules)
        .order_by(CredentialRuleVersion.version.desc())
        .limit(1)
    ).first()
    return (int(row[0]), str(row[1])) if row else (0, default_rules_text())


def rules_text(ctx: ServiceContext) -> tuple[int, str]:
    with ctx.read() as s:
        return newest_rules_text(s)


def parse_rules_text(text: str) -> dict[str, KindRules]:
    """The rules of a JSON text, or ValidationError with one sentence naming the fault."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ValidationError({"rules": f"The rules are not valid JSON ({exc})."}) from None
    if not isinstance(data, dict):
        raise ValidationError({"rules": "The rules are a JSON object with a list of kinds."})
    try:
        kinds = by_code(parse_kinds(data))
    except RuleError as exc:
        raise ValidationError({"rules": f"The rules were not saved: {exc}"}) from None
    tiers = {t.value for t in Tier}
    for kind in kinds.values():
        if kind.tier not in tiers:
            raise ValidationError(
                {"rules": f"The rules were not saved: kind {kind.code}: tier is one of "
                 f"{', '.join(sorted(tiers))}."}
            )  # fmt: skip
    return kinds


def save_rules(ctx: ServiceContext, text: str) -> int:
    """Save an edited version of the rules; return its number."""
    kinds = parse_rules_text(text)
    with ctx.unit_of_work() as s:
        latest = s.scalar(select(func.max(CredentialRuleVersion.version))) or 0
        version = int(latest) + 1
        s.add(CredentialRuleVersion(version=version, rules=text, saved_by=ctx.actor))
        existing = {k.code: k for k in s.scalars(select(CredentialKind))}
        for code, rules in kinds.items():
            row = existing.get(code) or CredentialKind(code=code)
            row.name, row.tier, row.guidance = rules.name, Tier(rules.tier), rules.guidance
            row.reminder_offsets = ",".join(str(d) for d in rules.reminder_offsets)
            s.add(row)
        s.flush()
    return version
