"""The Deadlines view, the dashboard, the mentee report and the program figures agree on
every credential's next event, over the demo program (one engine, one definition)."""

from __future__ import annotations

import datetime as dt

from bridgedesk.domain.reminders import LAPSED
from bridgedesk.reports.mentee_data import load_reports
from bridgedesk.services.credentials.service import CredentialService
from bridgedesk.services.demo import generate_demo
from bridgedesk.services.metrics import compute_program_metrics
from bridgedesk.services.metrics.dashboard_lists import deadlines_soon
from bridgedesk.ui.models.deadlines_model import ROW_ID_ROLE
from bridgedesk.ui.screens.deadlines.deadlines_view import DeadlinesView
from bridgedesk.ui.view_env import ViewEnv

TODAY = dt.date(2026, 6, 30)


def test_every_surface_reads_the_same_next_event(qtbot, sqlite_ctx, data_paths, dialogs):
    generate_demo(sqlite_ctx, TODAY, mentees=40, seed=5)
    rows = CredentialService(sqlite_ctx).deadlines(TODAY)
    assert len(rows) > 20 and any(r.band == LAPSED for r in rows)
    truth = {r.credential_id: (r.mentee_id, r.expires_on, r.what) for r in rows}

    view = DeadlinesView(ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY))
    qtbot.addWidget(view)
    shown = {}
    for n in range(view.model.rowCount()):
        row = view.model.row_at(n)
        assert view.model.data(view.model.index(n, 0), ROW_ID_ROLE) == row.credential_id
        shown[row.credential_id] = (row.mentee_id, row.expires_on, row.what)
    assert shown == truth

    soon = deadlines_soon(sqlite_ctx, TODAY, within_days=3650)
    assert sorted((i.mentee_id, i.when) for i in soon) == sorted(
        (mid, on) for mid, on, _what in truth.values()
    )

    mentees = sorted({mid for mid, _on, _what in truth.values()})
    reports = load_reports(sqlite_ctx, mentees, TODAY)
    in_reports = {d.credential_id: (d.mentee_id, d.expires_on, d.what)
                  for data in reports.values() for d in data.deadlines}  # fmt: skip
    assert in_reports == truth

    metrics = compute_program_metrics(sqlite_ctx, dt.date(2026, 1, 1), TODAY, TODAY)
    assert metrics.deadlines.lapsed.value == sum(1 for r in rows if r.band == LAPSED)
    assert metrics.deadlines.tracked.value == len(rows)
