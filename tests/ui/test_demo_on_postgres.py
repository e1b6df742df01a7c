"""The window on a shared PostgreSQL program: a fresh database, the demo, roster and dashboard."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from bridgedesk.bootstrap import open_program
from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.services.demo import generate_demo
from bridgedesk.services.mentees.roster import RosterService
from bridgedesk.services.mentees.roster_rows import roster_rows
from bridgedesk.services.program import details as program_settings
from bridgedesk.services.program.details import ProgramSettings
from bridgedesk.ui.main_window import MainWindow
from bridgedesk.ui.models.roster_model import NAME, ROW_ID_ROLE
from bridgedesk.ui.screens.dashboard.dashboard_view import LOADING, DashboardView
from bridgedesk.ui.view_env import ViewEnv
from tests.postgres_server import database_url

from .conftest import TODAY

MENTEES = 12


@pytest.fixture
def pg_env(postgres_admin, data_paths, dialogs):
    """open_program on a brand-new empty database (not the test template), then the demo."""
    server_url, admin = postgres_admin
    name = f"gui_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    ctx = open_program(data_paths, database_url=database_url(server_url, name), actor="tester")
    generate_demo(ctx, TODAY, mentees=MENTEES, seed=7)
    program_settings.save(
        ctx, ProgramSettings("Hillside District Hospital", "IMG Bridge Program", "Dr Ruth Okafor")
    )
    yield ViewEnv(ctx, data_paths, dialogs, today=lambda: TODAY)
    ctx.db.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def test_window_on_postgres_shows_the_demo_roster_and_builds_the_dashboard(qtbot, pg_env, settings):
    assert pg_env.ctx.db.engine.dialect.name == "postgresql"
    assert not pg_env.paths.database.exists()  # nothing went to a SQLite file
    window = MainWindow(pg_env, settings)
    qtbot.addWidget(window)
    window.show()
    assert not window.on_welcome
    assert window.windowTitle() == "BridgeDesk — IMG Bridge Program"
    roster = window.roster()
    assert RosterService(pg_env.ctx).count() == MENTEES
    qtbot.waitUntil(lambda: roster.model.total_count() == MENTEES, timeout=20_000)
    shown_ids = {
        roster.model.index(row, NAME).data(ROW_ID_ROLE) for row in range(roster.model.rowCount())
    }
    demo = roster_rows(pg_env.ctx, TODAY)
    active = {r.id for r in demo if r.status == MenteeStatus.ACTIVE.value}
    assert active and shown_ids == active  # the view opens on active mentees
    assert roster.count_label.text() == (
        f"{len(active)} of {MENTEES} mentees shown · {len(active)} active"
    )
    names = {roster.model.index(row, NAME).data() for row in range(roster.model.rowCount())}
    for row in demo:  # every active mentee's name is on screen, in whatever form it takes
        if row.id in active:
            assert any(row.legal_name.split()[-1] in name for name in names), row.legal_name
    dashboard = window.show_view("dashboard")
    assert isinstance(dashboard, DashboardView)
    qtbot.waitUntil(lambda: dashboard.status.text() != LOADING, timeout=30_000)
    assert dashboard.status.text().startswith("As of "), dashboard.status.text()
    assert window.current_key() == "dashboard"
