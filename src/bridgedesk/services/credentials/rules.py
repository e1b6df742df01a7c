"""The credential rules in force: the program's rules file, with the offsets a program edited.

Rules come from ``resources/defaults/credential_kinds.json`` (each derived date with its
source). The credential_kinds table holds what a program changed about a kind (its reminder
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
from bridgedesk.storage.models import CredentialKind

RULES_FILE = "defaults/credential_kinds.json"


@cache
def default_rules() -> dict[str, KindRules]:
    """The shipped rules, read once per process."""
    with open(asset_path(RULES_FILE), encoding="utf-8") as fh:
        return by_code(parse_kinds(json.load(fh)))


def rules_in_force(session: Session) -> dict[str, KindRules]:
    """Every kind of this program, by code, with the program's own offsets and guidance."""
    shipped = default_rules()
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
            leaving_early=base.leaving_early,
        )  # fmt: skip
    return found
