"""What leaving the program sets off for a physician on a waiver, an H-1B or a J-1.

Before a mentee holding one of these is archived, the archive asks for confirmation naming the
consequence (the facts are those the program's pathways notes give):

- a J-1 waiver (Conrad 30 or another agency's waiver) binds the physician to 3 years of
  full-time work at the approved site; leaving the waiver job early can revive the J-1
  two-year home-country residence requirement;
- an H-1B is tied to this employer: when the job ends, the employer must notify USCIS;
- a J-1 exchange program ends with the job; the 30-day grace period after it allows no work.

A credential counts while it is watched (pending, active or renewing) and its end date, if it
has one, is after the exit date. Credentials are only read here (their rules belong to the
credentials service).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials.service import WATCHED
from bridgedesk.storage.models import Credential, CredentialKind

WAIVER_CODES = frozenset({"conrad30", "hhs_waiver", "arc_waiver", "dra_waiver"})
H1B_CODE = "h1b"
J1_CODE = "j1_visa"

WAIVER_TEXT = (
    "the J-1 waiver obliges three years of full-time work at the approved site; leaving the "
    "waiver job early can revive the J-1 two-year home-country residence requirement. Speak "
    "with the immigration attorney before the last day."
)
H1B_TEXT = (
    "the H-1B is tied to this employer: when the job ends, the hospital as employer must "
    "notify USCIS, and the physician needs a new employer's petition or another status to stay."
)
J1_TEXT = (
    "the J-1 exchange program ends with the job: the sponsor must be told, and the 30-day "
    "grace period after the program ends allows no work."
)


@dataclass(frozen=True)
class ExitWarning:
    kind: str  # "waiver" | "h1b" | "j1"
    credential: str  # the credential kind's name, as on the record
    ends_on: dt.date | None
    text: str

    def sentence(self) -> str:
        until = f" (until {self.ends_on.day} {self.ends_on:%b %Y})" if self.ends_on else ""
        return f"{self.credential}{until}: {self.text}"


def exit_warnings(ctx: ServiceContext, mentee_id: int, exit_date: dt.date) -> list[ExitWarning]:
    """The warnings archiving this mentee on ``exit_date`` calls for; [] when none."""
    stmt = (
        select(CredentialKind.code, CredentialKind.name, Credential.expires_on)
        .join(CredentialKind, CredentialKind.id == Credential.kind_id)
        .where(Credential.mentee_id == mentee_id, Credential.status.in_(WATCHED))
        .order_by(Credential.id)
    )
    with ctx.read() as s:
        rows = list(s.execute(stmt).all())
    rows.sort(key=lambda r: (r[2] is None, r[2] or dt.date.min))  # soonest end first, undated last
    out: list[ExitWarning] = []
    for code, name, ends in rows:
        if ends is not None and ends <= exit_date:
            continue  # served or ended by then: leaving sets nothing off
        if code in WAIVER_CODES:
            out.append(ExitWarning("waiver", name, ends, WAIVER_TEXT))
        elif code == H1B_CODE:
            out.append(ExitWarning("h1b", name, ends, H1B_TEXT))
        elif code == J1_CODE:
            out.append(ExitWarning("j1", name, ends, J1_TEXT))
    return out


def confirmation_text(name: str, warnings: list[ExitWarning]) -> str:
    """The question the archive asks: each consequence named, one paragraph each."""
    lines = [f"{name} holds immigration status tied to this job:"]
    lines += [f"• {w.sentence()}" for w in warnings]
    lines.append("Archive anyway?")
    return "\n\n".join(lines)
