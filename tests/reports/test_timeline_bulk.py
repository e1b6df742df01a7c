"""The packet's bulk reads give, per mentee, exactly what the one-mentee service methods give."""

from __future__ import annotations

import datetime as dt

from bridgedesk.services.checklists.ratings import ChecklistService
from bridgedesk.services.demo import generate_demo
from bridgedesk.services.mentees.roster_rows import roster_rows
from bridgedesk.services.mentors.service import MentorService
from bridgedesk.services.timeline import bulk as timeline_bulk
from bridgedesk.services.timeline.service import TimelineService

TODAY = dt.date(2026, 6, 30)


def test_bulk_reads_equal_the_one_mentee_methods(ctx, monkeypatch):
    generate_demo(ctx, TODAY, mentees=10, seed=5)
    monkeypatch.setattr(timeline_bulk, "CHUNK", 3)  # several chunks, as with 10,000 mentees
    ids = [r.id for r in roster_rows(ctx, TODAY)]
    timeline, checklists, mentors = TimelineService(ctx), ChecklistService(ctx), MentorService(ctx)
    events = timeline_bulk.events_by_mentee(ctx, ids, TODAY)
    bands = timeline_bulk.phase_bands_by_mentee(ctx, ids)
    goals = timeline_bulk.goals_by_mentee(ctx, ids)
    actions = timeline_bulk.open_actions_by_mentee(ctx, ids)
    assignments = timeline_bulk.assignments_by_mentee(ctx, ids)
    progress = timeline_bulk.checklist_progress_by_mentee(ctx, ids)
    checkin_ids = [e.id for rows in events.values() for e in rows if e.kind == "checkin"]
    details = timeline_bulk.checkin_details(ctx, checkin_ids)
    assert len(details) == len(checkin_ids) > 20
    assert any(d.actions for d in details.values()) and any(goals.values())
    assert any(p.first_share is not None for rows in progress.values() for p in rows)
    for mid in ids:
        assert events[mid] == timeline.events(mid, TODAY)
        assert bands[mid] == timeline.phase_bands(mid)
        assert goals[mid] == timeline.goals(mid)
        assert actions[mid] == timeline.open_actions(mid)
        assert assignments[mid] == mentors.assignments(mid)
        assert progress[mid] == checklists.progress(mid)
    for cid in checkin_ids:
        assert details[cid] == timeline.checkin_detail(cid)
    assert timeline_bulk.events_by_mentee(ctx, [], TODAY) == {}
