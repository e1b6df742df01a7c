"""A hand-built program with exactly one item of each kind the attention list ranks.

(The surveys at the start fell due 192 days ago, past the list's horizon; the 6-month ones
are answered by everyone but the mentee with the overdue check-in.)

Built through the services, as a user would: the mentee form's RosterService, mentors and
their assignments, credentials, the timeline, checklist ratings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bridgedesk.domain.enums import AssessmentMethod, AssignmentKind, ObserverRole
from bridgedesk.services.checklists.ratings import ChecklistService, Rating
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.pair_health import surveys
from bridgedesk.services.timeline.service import TimelineService

TODAY = dt.date(2026, 3, 12)
START = dt.date(2025, 9, 1)  # 192 days before TODAY: past the 90-day first assessment


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@dataclass(frozen=True)
class Program:
    lapsed: int  # H-1B expired 12 days ago (and one check-in 200 days overdue)
    soon: int  # state licence expiring in 20 days, passport in 100 (180-day reminder)
    overdue: int  # one check-in 12 days overdue; the 6-month survey (due 11 days ago) unanswered
    no_mentor: int
    unassessed: int
    credential_ids: dict[str, int]
    checkin_ids: dict[str, int]


def add_mentee(ctx: ServiceContext, given: str, family: str, native: str = "") -> int:
    roster = RosterService(ctx, clock=lambda: TODAY)
    fields = MenteeFields(given_names=given, family_name=family, native_name=native,
                          start_date=START)  # fmt: skip
    return roster.create(fields)


def rate_once(ctx: ServiceContext, mentee_id: int) -> None:
    checklists = ChecklistService(ctx)
    item_id = checklists.current_template().domains[0][1][0][0]
    rating = Rating(item_id, 2, days(-40), "Dr Mentor", ObserverRole.MENTOR,
                    AssessmentMethod.DIRECT_OBSERVATION)  # fmt: skip
    checklists.rate(mentee_id, rating, TODAY)


def build_program(ctx: ServiceContext) -> Program:
    lapsed = add_mentee(ctx, "Selam", "Tesfaye", "ሰላም ተስፋዬ")
    soon = add_mentee(ctx, "Muhammad", "Abdullah", "محمد عبد الله")
    overdue = add_mentee(ctx, "Olga", "Ivanova")
    no_mentor = add_mentee(ctx, "Nguyễn", "Ánh")
    unassessed = add_mentee(ctx, "Wang", "Xiaoming", "王小明")
    mentors = MentorService(ctx)
    mentor = mentors.create(MentorFields(name="Dr Ann Lee", capacity=10))
    for mid in (lapsed, soon, overdue, unassessed):
        mentors.assign(mid, mentor, AssignmentKind.PRIMARY, START)
    for mid in (lapsed, soon, overdue, no_mentor):
        rate_once(ctx, mid)
    credentials = CredentialService(ctx)
    credential_ids = {
        "h1b": credentials.add(lapsed, CredentialFields("h1b", expires_on=days(-12))),
        "licence": credentials.add(soon, CredentialFields("state_licence", expires_on=days(20))),
        "passport": credentials.add(soon, CredentialFields("passport", expires_on=days(100))),
    }
    timeline = TimelineService(ctx)
    checkin_ids = {
        "overdue": timeline.plan_checkin(overdue, days(-12), "Month 6 check-in"),
        "ancient": timeline.plan_checkin(lapsed, days(-200), "Month 1 check-in"),
    }
    first_item = surveys.current_form(ctx).items[0].key
    for mid in (lapsed, soon, no_mentor, unassessed):  # the 6-month survey, due on days(-11)
        surveys.record_answers(ctx, mid, 6, days(-5), TODAY, {first_item: 4})
    return Program(lapsed, soon, overdue, no_mentor, unassessed, credential_ids, checkin_ids)
