"""The credential facts a mentee's identity block prints: visas and waivers on record, and
the ECFMG certificate with the day it was verified at the source.

The mentee's own "visa kind" is free text on the record; the credentials are what the
program has filed. Both are printed, so a reader sees when they disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from bridgedesk.domain.enums import CredentialStatus
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials.field_values import read_values
from bridgedesk.storage.models import Credential, CredentialKind

ECFMG_CODE = "ecfmg"
IMMIGRATION_CODES = frozenset(
    {"j1_visa", "h1b", "niw", "conrad30", "hhs_waiver", "arc_waiver", "dra_waiver"}
)
"""Credential kinds that are a visa or a J-1 waiver (the default kinds' codes)."""
IDS_PER_QUERY = 500


@dataclass(frozen=True)
class EcfmgFacts:
    number: str
    status: CredentialStatus
    verified_on: dt.date | None  # None: not verified at the source yet


@dataclass(frozen=True)
class IdentityCredentials:
    immigration: list[str] = field(default_factory=list)  # kind names, oldest record first
    ecfmg: EcfmgFacts | None = None  # None: no ECFMG certificate on record


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def identity_credentials(
    ctx: ServiceContext, mentee_ids: Sequence[int]
) -> dict[int, IdentityCredentials]:
    """Each mentee's visas, waivers and ECFMG certificate (every id a key).

    Visas and waivers count while their credential is not completed or revoked; the ECFMG
    certificate shown is the newest one recorded, whatever its status.
    """
    immigration: dict[int, list[str]] = {mid: [] for mid in mentee_ids}
    ecfmg: dict[int, EcfmgFacts] = {}
    live = (
        CredentialStatus.ACTIVE,
        CredentialStatus.PENDING,
        CredentialStatus.RENEWING,
        CredentialStatus.EXPIRED,
    )
    unique = sorted(set(mentee_ids))
    with ctx.read() as s:
        for at in range(0, len(unique), IDS_PER_QUERY):
            stmt = (
                select(
                    Credential.mentee_id, CredentialKind.code, CredentialKind.name,
                    Credential.number, Credential.status, Credential.field_values,
                )
                .join(CredentialKind, CredentialKind.id == Credential.kind_id)
                .where(Credential.mentee_id.in_(unique[at : at + IDS_PER_QUERY]))
                .where(CredentialKind.code.in_(IMMIGRATION_CODES | {ECFMG_CODE}))
                .order_by(Credential.id)
            )  # fmt: skip
            for mid, code, name, number, status, values in s.execute(stmt):
                if code == ECFMG_CODE:
                    verified = _date(read_values(values).get("verified_on"))
                    ecfmg[mid] = EcfmgFacts(number, CredentialStatus(status), verified)
                elif status in live and name not in immigration[mid]:
                    immigration[mid].append(name)
    return {mid: IdentityCredentials(immigration[mid], ecfmg.get(mid)) for mid in mentee_ids}
