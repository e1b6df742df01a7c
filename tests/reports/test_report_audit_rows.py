"""The report's audit appendix is the History dialog's rows in its plain words, oldest first,
and the
one-mentee reads refuse unknown ids the way they did before they shared the bulk readers."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bridgedesk.errors import NotFoundError
from bridgedesk.reports.mentee_data import load_reports
from bridgedesk.services.checklists.ratings import ChecklistService
from bridgedesk.services.history.audit_rows import history_rows
from bridgedesk.services.history.audit_wording import plain_history
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.timeline import bulk as timeline_bulk
from bridgedesk.services.timeline.service import TimelineService

TODAY = dt.date(2026, 6, 30)
HOSTILE = "<b>&amp;</para>"


def test_audit_appendix_lines_are_history_rows_in_plain_words_oldest_first(ctx):
    roster = RosterService(ctx, clock=lambda: TODAY)
    mid = roster.create(
        MenteeFields(
            given_names="Ánh", family_name="Nguyễn Thị", native_name="ሰላም ተስፋዬ",
            start_date=dt.date(2026, 1, 5),
        )
    )  # fmt: skip
    for change in ({"native_name": "محمد عبد الله"}, {"notes": HOSTILE * 1000}):
        record = roster.get(mid)
        roster.update(mid, dataclasses.replace(record.fields, **change), record.version)
    lines = load_reports(ctx, [mid], TODAY, include_audit=True)[mid].audit
    raw = history_rows(ctx, "mentee", mid, oldest_first=True)
    shown = plain_history(ctx, "mentee", mid)  # the History dialog's rows, newest first
    assert lines is not None and len(lines) == len(raw) == len(shown) > 2

    def key(x):
        return (x.when, x.who, x.action, x.field, x.before, x.after)

    # The dialog's rows exactly, and in the order of the audit trail, oldest first.
    assert sorted(map(key, lines)) == sorted(map(key, shown))
    assert [(x.when, x.action) for x in lines] == [(r.when, r.action) for r in raw]
    assert lines[0].action == "create" and lines[-1].after == HOSTILE * 1000
    # Plain words, as History shows them: never the raw column names.
    assert [x.field for x in lines if x.action == "update"] == ["Name in native script", "Notes"]
    assert {"Given names", "Start date"} <= {x.field for x in lines if x.action == "create"}
    assert not any("_" in x.field for x in lines)
    assert all(x.field != "id" for x in lines)
    assert load_reports(ctx, [mid], TODAY)[mid].audit is None


def test_one_mentee_reads_refuse_unknown_ids_and_bulk_gives_empty(ctx):
    timeline = TimelineService(ctx)
    with pytest.raises(NotFoundError):
        timeline.phase_bands(999_999)
    with pytest.raises(NotFoundError):
        timeline.checkin_detail(999_999)
    assert timeline.events(999_999, TODAY) == [] and timeline.goals(999_999) == []
    assert timeline.open_actions(999_999) == []
    assert timeline_bulk.phase_bands_by_mentee(ctx, [999_999, 999_999]) == {999_999: []}
    assert timeline_bulk.checkin_details(ctx, [999_999]) == {}
    progress = ChecklistService(ctx).progress(999_999)
    assert progress and all(p.first_share is None and p.share == 0.0 for p in progress)
    assert timeline_bulk.checklist_progress_by_mentee(ctx, [999_999]) == {999_999: progress}
