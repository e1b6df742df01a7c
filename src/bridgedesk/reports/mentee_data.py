"""Everything one mentee's report prints, read before any layout starts.

Why a separate step: the packet prints a report per active mentee, and reading them one at a
time cost ~1,500 queries for 100 mentees. ``load_reports`` reads all of them with the bulk
reads of ``services.timeline_bulk`` (a few queries in all); one mentee's report uses the same
path with a single id, so both print exactly the same data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.services.checklists.mentor_judged import (
    MentorJudgedProgress,
    mentor_judged_by_mentee,
)
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials.identity_facts import (
    IdentityCredentials,
    identity_credentials,
)
from bridgedesk.services.credentials.service import CredentialService, DeadlineRow
from bridgedesk.services.history.audit_rows import AuditRow
from bridgedesk.services.history.audit_wording import read_plain_history
from bridgedesk.services.mentees.roster import MenteeRecord, RosterService
from bridgedesk.services.mentors.service import AssignmentRow
from bridgedesk.services.pair_health.reads import MenteePairHealth, pair_health_by_mentee
from bridgedesk.services.timeline import bulk as timeline_bulk
from bridgedesk.services.timeline.milestone_rows import MilestoneRow, milestones_by_mentee
from bridgedesk.services.timeline.reads import (
    ActionRow,
    CheckinDetail,
    GoalRow,
    PhaseBand,
    TimelineEvent,
)


@dataclass(frozen=True)
class MenteeReportData:
    record: MenteeRecord
    assignments: list[AssignmentRow]
    events: list[TimelineEvent]
    bands: list[PhaseBand]
    checkin_details: dict[int, CheckinDetail]  # the check-ins the report lists, by id
    checklist: list[MentorJudgedProgress]  # per domain, proficiency as the mentor judged it
    milestones: list[MilestoneRow]  # by due date
    credentials: IdentityCredentials  # visas, waivers and the ECFMG certificate on record
    goals: list[GoalRow]
    open_actions: list[ActionRow]
    deadlines: list[DeadlineRow]  # dated ones only, nearest first
    audit: list[AuditRow] | None  # None: not asked for; one row per changed field
    pair_health: MenteePairHealth | None = None  # fit, pulses, surveys, flags


def load_reports(
    ctx: ServiceContext,
    mentee_ids: Sequence[int],
    today: dt.date,
    checkins_period: tuple[dt.date, dt.date] | None = None,
    include_audit: bool = False,
) -> dict[int, MenteeReportData]:
    """The data of each mentee's report, by id (NotFoundError for an unknown id).

    ``checkins_period`` limits which check-ins' details are read, as the report prints them.
    """
    roster = RosterService(ctx, clock=lambda: today)
    records = {mid: roster.get(mid) for mid in mentee_ids}
    events = timeline_bulk.events_by_mentee(ctx, mentee_ids, today)
    shown = [
        e.id
        for rows in events.values()
        for e in rows
        if e.kind == "checkin"
        and (checkins_period is None or checkins_period[0] <= e.date <= checkins_period[1])
    ]
    details = timeline_bulk.checkin_details(ctx, shown)
    bands = timeline_bulk.phase_bands_by_mentee(ctx, mentee_ids)
    assignments = timeline_bulk.assignments_by_mentee(ctx, mentee_ids)
    checklist = mentor_judged_by_mentee(ctx, mentee_ids)
    milestones = milestones_by_mentee(ctx, mentee_ids, today)
    credentials = identity_credentials(ctx, mentee_ids)
    goals = timeline_bulk.goals_by_mentee(ctx, mentee_ids)
    actions = timeline_bulk.open_actions_by_mentee(ctx, mentee_ids)
    deadlines = _deadlines(ctx, records, today)
    trails = _audit_trails(ctx, mentee_ids) if include_audit else {}
    pairs = pair_health_by_mentee(ctx, mentee_ids, today)
    return {
        mid: MenteeReportData(
            record=records[mid],
            assignments=assignments[mid],
            events=events[mid],
            bands=bands[mid],
            checkin_details={
                e.id: details[e.id] for e in events[mid] if e.id in details and e.kind == "checkin"
            },
            checklist=checklist[mid],
            milestones=milestones[mid],
            credentials=credentials[mid],
            goals=goals[mid],
            open_actions=actions[mid],
            deadlines=deadlines.get(mid, []),
            audit=trails.get(mid, []) if include_audit else None,
            pair_health=pairs.get(mid),
        )
        for mid in mentee_ids
    }


def _deadlines(
    ctx: ServiceContext, records: dict[int, MenteeRecord], today: dt.date
) -> dict[int, list[DeadlineRow]]:
    """Dated credentials per mentee: one query for the active ones, one each for the others
    (the program-wide list covers active mentees only)."""
    service = CredentialService(ctx)
    out: dict[int, list[DeadlineRow]] = {}
    active = [mid for mid, r in records.items() if r.status == MenteeStatus.ACTIVE]
    rows: list[DeadlineRow] = []
    if len(active) > 1:
        wanted = set(active)
        rows += [d for d in service.deadlines(today) if d.mentee_id in wanted]
    else:
        rows += [d for mid in active for d in service.deadlines(today, mentee_id=mid)]
    for mid in records:
        if mid not in active:
            rows += service.deadlines(today, mentee_id=mid)
    for row in rows:
        if row.expires_on is not None:
            out.setdefault(row.mentee_id, []).append(row)
    for dated in out.values():
        dated.sort(key=lambda d: (d.expires_on or today, d.credential_id))
    return out


def _audit_trails(ctx: ServiceContext, mentee_ids: Sequence[int]) -> dict[int, list[AuditRow]]:
    """Each mentee record's audit trail, oldest first, one row per changed field, in the plain
    words the record's History dialog shows (``services.history.audit_wording``): field names,
    linked names and the person as a reader sees them, so both read the same."""
    with ctx.read() as session:
        return {
            mid: read_plain_history(session, "mentee", mid, oldest_first=True) for mid in mentee_ids
        }
