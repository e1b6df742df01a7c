"""roster_rows' per-table figures: deadline ties across milestones and credentials, and what
counts as overdue, so the grouped queries keep the meaning the roster columns promise."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bridgedesk.domain.enums import CheckinStatus, CredentialStatus, Tier
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentees.roster_rows import roster_rows
from bridgedesk.storage.models import Checkin, Credential, CredentialKind, Milestone
from tests.unit.plans import without_schedule

TODAY = dt.date(2025, 6, 1)


def _mentee(roster: RosterService, given: str, family: str, native: str = "") -> int:
    return without_schedule(roster.ctx, _created(roster, given, family, native))


def _created(roster: RosterService, given: str, family: str, native: str) -> int:
    return roster.create(
        MenteeFields(
            given_names=given,
            family_name=family,
            native_name=native,
            start_date=dt.date(2025, 1, 6),
            specialty="Family medicine",
            site="Main campus",
        )
    )


def test_deadline_ties_take_the_first_name_across_milestones_and_credentials(ctx):
    roster = RosterService(ctx, clock=lambda: TODAY)
    tie = _mentee(roster, "Ánh", "Nguyễn", "Nguyễn Thị Ánh")
    cred_only = _mentee(roster, "Xiaoming", "Wang", "王小明")
    past_only = _mentee(roster, "Mohammed", "Abdullah", "محمد عبد الله")
    same_day = dt.date(2025, 7, 1)
    with ctx.unit_of_work() as s:
        kind_b = CredentialKind(code="zz-b", name="B licence <b>&amp;</para>", tier=Tier.HOSPITAL)
        kind_z = CredentialKind(code="zz-z", name="Ольга's permit", tier=Tier.HOSPITAL)
        s.add_all([kind_b, kind_z])
        s.flush()
        s.add_all(
            [
                # tie: same day for a milestone ("C review") and two credentials; "B licence" wins.
                Milestone(mentee_id=tie, name="C review", due_date=same_day),
                Milestone(mentee_id=tie, name="A done", due_date=same_day, completed_date=TODAY),
                Credential(mentee_id=tie, kind_id=kind_z.id, expires_on=same_day),
                Credential(mentee_id=tie, kind_id=kind_b.id, expires_on=same_day),
                Credential(  # not live: neither a deadline nor overdue
                    mentee_id=tie,
                    kind_id=kind_b.id,
                    expires_on=dt.date(2025, 5, 1),
                    status=CredentialStatus.COMPLETED,
                ),
                Checkin(mentee_id=tie, planned_date=TODAY),  # today is next, not overdue
                # cred_only: the later credential, the earlier one not live.
                Credential(mentee_id=cred_only, kind_id=kind_z.id, expires_on=dt.date(2025, 9, 1)),
                Credential(
                    mentee_id=cred_only,
                    kind_id=kind_b.id,
                    expires_on=dt.date(2025, 8, 1),
                    status=CredentialStatus.EXPIRED,  # lapsed whatever its date
                ),
                # past_only: everything already late, nothing ahead.
                Milestone(mentee_id=past_only, name="90-day review", due_date=dt.date(2025, 5, 1)),
                Milestone(mentee_id=past_only, name="Due today", due_date=TODAY),
                Credential(mentee_id=past_only, kind_id=kind_b.id, expires_on=dt.date(2025, 5, 31)),
                Checkin(mentee_id=past_only, planned_date=dt.date(2025, 5, 2)),
                Checkin(mentee_id=past_only, planned_date=dt.date(2025, 5, 3)),
                Checkin(
                    mentee_id=past_only,
                    planned_date=dt.date(2025, 5, 4),
                    status=CheckinStatus.MISSED,
                ),
            ]
        )
        z_name = s.scalar(select(CredentialKind.name).where(CredentialKind.code == "zz-z"))

    rows = {r.id: r for r in roster_rows(ctx, TODAY)}
    assert (rows[tie].nearest_deadline, rows[tie].nearest_deadline_kind) == (
        same_day,
        "B licence <b>&amp;</para>",
    )
    assert rows[tie].next_checkin == TODAY and rows[tie].overdue_count == 0
    assert rows[tie].native_name == "Nguyễn Thị Ánh" and rows[tie].status == "active"
    assert (rows[cred_only].nearest_deadline, rows[cred_only].nearest_deadline_kind) == (
        dt.date(2025, 9, 1),
        z_name,
    )
    assert rows[cred_only].overdue_count == 1 and rows[cred_only].next_checkin is None
    assert (rows[past_only].nearest_deadline, rows[past_only].nearest_deadline_kind) == (
        TODAY,
        "Due today",
    )
    # two planned check-ins past, one milestone past due, one live credential expired
    assert rows[past_only].overdue_count == 4 and rows[past_only].next_checkin is None
