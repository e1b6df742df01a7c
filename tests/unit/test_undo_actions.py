"""The undo service functions on both back ends: audited, and refused once the record moved on."""

from __future__ import annotations

import datetime as dt

import pytest

from bridgedesk.domain.enums import AssessmentMethod, CheckinStatus, InsightStatus, ObserverRole
from bridgedesk.errors import ConflictError
from bridgedesk.services.checklists.ratings import ChecklistService, Rating
from bridgedesk.services.history import undo_actions
from bridgedesk.services.history.audit_rows import history_rows
from bridgedesk.services.insights.service import InsightFields, InsightService
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.timeline.service import TimelineService

TODAY = dt.date(2026, 3, 12)


@pytest.fixture
def mentee(ctx) -> int:
    return RosterService(ctx).create(
        MenteeFields(given_names="Olga", family_name="Ivanova", native_name="Ольга Иванова",
                     start_date=dt.date(2026, 1, 5))
    )  # fmt: skip


def test_reopen_and_mark_missed_again_follow_the_version(ctx, mentee):
    timeline = TimelineService(ctx)
    checkin = timeline.plan_checkin(mentee, dt.date(2026, 2, 20), "Day 30 — 王小明")
    timeline.mark_missed(checkin)
    version = undo_actions.version_of(ctx, "check-in", checkin)
    planned_again = undo_actions.reopen_checkin(ctx, checkin, version)
    assert planned_again == version + 1
    assert timeline.checkin_detail(checkin).status == CheckinStatus.PLANNED
    with pytest.raises(ConflictError, match="changed after that"):
        undo_actions.mark_missed_again(ctx, checkin, version)  # a stale version
    undo_actions.mark_missed_again(ctx, checkin, planned_again)
    assert timeline.checkin_detail(checkin).status == CheckinStatus.MISSED
    changes = [(r.action, r.before, r.after) for r in history_rows(ctx, "checkin", checkin)]
    assert changes[:2] == [("update", "planned", "missed"), ("update", "missed", "planned")]


def test_remove_assessment_is_audited_and_refreshes_the_grid(ctx, mentee):
    service = ChecklistService(ctx)
    item_id = service.current_template().domains[0][1][0][0]
    rating = Rating(item_id, 2, TODAY, "<b>&amp;</para>", ObserverRole.SELF,
                    AssessmentMethod.SELF_REPORT, "x" * 10_000)  # fmt: skip
    assessment = service.rate(mentee, rating, today=TODAY)
    undo_actions.remove_assessment(ctx, assessment)
    assert all(row.latest_any is None for row in service.grid(mentee))
    assert {r.action for r in history_rows(ctx, "assessment", assessment)} == {"create", "delete"}
    with pytest.raises(ConflictError, match="already removed"):
        undo_actions.remove_assessment(ctx, assessment)


def test_milestone_and_insight_restores_refuse_stale_versions(ctx, mentee):
    milestone = TimelineService(ctx).add_milestone(mentee, "Orientation", dt.date(2026, 2, 1))
    TimelineService(ctx).complete_milestone(milestone, TODAY, "नमस्ते प्रिया शर्मा", TODAY)
    done = undo_actions.milestone_sign_off(ctx, milestone)
    undo_actions.reopen_milestone(ctx, milestone, done.version)
    assert undo_actions.milestone_sign_off(ctx, milestone).completed is None
    with pytest.raises(ConflictError):
        undo_actions.reopen_milestone(ctx, milestone, done.version)

    insights = InsightService(ctx)
    insight = insights.create(InsightFields(raised_on=TODAY, description="محمد عبد الله"))
    insights.advance(insight, InsightStatus.CLOSED, "done")
    record = insights.get(insight)
    undo_actions.restore_insight_status(ctx, insight, record.version, InsightStatus.RAISED, "")
    back = insights.get(insight)
    assert (back.status, back.fields.outcome) == (InsightStatus.RAISED, "")
    with pytest.raises(ConflictError):
        undo_actions.restore_insight_status(
            ctx, insight, record.version, InsightStatus.CLOSED, "Closed: done"
        )
