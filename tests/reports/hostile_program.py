"""A program built to break a report's layout: 200-character names, names in every script
(Latin with <&>, Arabic, Ethiopic, Devanagari, CJK, Cyrillic, Hebrew), 40 open actions for
one mentee, no checklist assessments, and milestones signed off by hostile names."""

from __future__ import annotations

import datetime as dt

from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.services.timeline.service import TimelineService
from tests.reports.report_data import TODAY, add_mentee, make_program

LONG_FAMILY = " ".join(["Wolfeschlegelsteinhausen", "Bergerdorff"] * 10)[:186].strip()
"""With the given names "Hubert Blaine", a legal name of 200 characters."""
LONG_NAME = f"Hubert Blaine {LONG_FAMILY}"
SIGNER = "Dr. <Sign> & \u00d3'Off"
ECFMG_NUMBER = "0-123-456-7"
ECFMG_VERIFIED = dt.date(2025, 8, 14)
DATED_CREDENTIALS = 16

SCRIPT_MENTEES = [  # given, family, native-script name, preferred name
    ("Ana", "Lopez", "Ana <&> L\u00f3pez", "Ana <&>"),
    ("Muhammad", "Abdullah", "\u0645\u062d\u0645\u062f \u0639\u0628\u062f \u0627\u0644\u0644\u0647", ""),
    ("Selam", "Tesfaye", "\u1230\u120b\u121d \u1270\u1235\u134b\u12ec", ""),
    ("Priya", "Sharma", "\u092a\u094d\u0930\u093f\u092f\u093e \u0936\u0930\u094d\u092e\u093e", ""),
    ("Xiaoming", "Wang", "\u738b\u5c0f\u660e", ""),
    ("Olga", "Ivanova", "\u041e\u043b\u044c\u0433\u0430 \u0418\u0432\u0430\u043d\u043e\u0432\u0430", ""),
    ("Sarah", "Cohen", "\u05e9\u05e8\u05d4 \u05db\u05d4\u05df", ""),
]  # fmt: skip


def make_hostile_program(ctx) -> dict[str, int]:
    """The demo program (3 mentees) plus the hostile ones; their ids by a short key."""
    make_program(ctx, mentees=3)
    ids: dict[str, int] = {}
    ids["long"] = add_mentee(
        ctx, "Hubert Blaine", LONG_FAMILY, LONG_FAMILY, preferred_name=LONG_NAME,
        medical_school=LONG_NAME, visa_kind="J-1 waiver (Conrad 30)",
    )  # fmt: skip
    for given, family, native, preferred in SCRIPT_MENTEES:
        ids[given] = add_mentee(ctx, given, family, native, preferred_name=preferred)
    timeline = TimelineService(ctx)
    for n in range(40):
        due = TODAY + dt.timedelta(days=n * 7 - 140)
        timeline.add_action(ids["long"], f"Action {n + 1}: {LONG_NAME}", due, owner=SIGNER)
    milestones = [e for e in timeline.events(ids["long"], TODAY) if e.kind == "milestone"]
    for event in milestones[:2]:
        timeline.complete_milestone(event.id, min(event.planned, TODAY), SIGNER, today=TODAY)
    credentials = CredentialService(ctx)
    credentials.add(
        ids["long"],
        CredentialFields("ecfmg", number=ECFMG_NUMBER,
                         values={"verified_on": ECFMG_VERIFIED.isoformat()}),
    )  # fmt: skip
    credentials.add(ids["long"], CredentialFields("conrad30", number="C30-1"))
    for n in range(DATED_CREDENTIALS):  # a deadlines table longer than one kept whole
        expires = TODAY + dt.timedelta(days=40 * n + 10)
        fields = CredentialFields("bls", number=f"BLS-{n}", expires_on=expires)
        credentials.add(ids["long"], fields)
    return ids
