"""The credential rules in force: the program's rules file, with the offsets a program edited.

Rules come from the newest version a program saved (services/credentials/rule_versions.py),
else from ``resources/defaults/credential_kinds.json`` (each derived date with its source). The credential_kinds table holds what a program changed about a kind (its reminder
offsets and guidance); a kind a program added itself has no derived dates, only its expiry.
"""

from __future__ import annotations

import json
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.assets import asset_path
from bridgedesk.domain.deadline_rules import KindRules, by_code, parse_kinds
from bridgedesk.domain.reminders import parse_offsets
from bridgedesk.storage.models import CredentialKind, CredentialRuleVersion

RULES_FILE = "defaults/credential_kinds.json"


@cache
def default_rules_text() -> str:
    """The shipped rules file's text, read once per process."""
    return asset_path(RULES_FILE).read_text(encoding="utf-8")


@cache
def _parsed(text: str) -> dict[str, KindRules]:
    return by_code(parse_kinds(json.loads(text)))


def default_rules() -> dict[str, KindRules]:
    return _parsed(default_rules_text())


def rules_in_force(session: Session) -> dict[str, KindRules]:
    """Every kind of this program, by code: the newest saved rules (else the shipped ones),
    with the program's own offsets and guidance from its kinds list."""
    text = session.scalar(
        select(CredentialRuleVersion.rules).order_by(CredentialRuleVersion.version.desc()).limit(1)
    )
    shipped = _parsed(text) if text else default_rules()
    found: dict[str, KindRules] = {}
    for code, name, tier, offsets, guidance in session.execute(
        select(
            CredentialKind.code, CredentialKind.name, CredentialKind.tier,
            CredentialKind.reminder_offsets, CredentialKind.guidance,
        )
    ):  # fmt: skip
        base = shipped.get(code) or KindRules(code, name, str(tier), (), (), (), "")
        found[code] = KindRules(
            code=code, name=name, tier=str(tier.value if hasattr(tier, "value") else tier),
            fields=base.fields, derived=base.derived,
            reminder_offsets=tuple(parse_offsets(offsets)), guidance=guidance or base.guidance,
            expiry_label=base.expiry_label, expiry_source=base.expiry_source,
            issued_label=base.issued_label,
            leaving_early=base.leaving_early,
        )  # fmt: skip
    return found
