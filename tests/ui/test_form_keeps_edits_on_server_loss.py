"""A shared server that goes away mid-edit: one plain sentence, the typing stays, and the
same form saves once the server is back (the pool reconnects; nothing is reopened)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import create_engine, text

from bridgedesk.bootstrap import open_program
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.storage import db_errors
from bridgedesk.ui.screens.mentees.mentee_form import MenteeForm
from bridgedesk.ui.view_env import ViewEnv
from tests.ui.conftest import TODAY, RecordingDialogs
from tests.unit.private_postgres import PrivateServer

NOTE = ("محمد عبد الله <b>&amp;</para> " * 300)[:9_999] + "."


@pytest.fixture
def server():
    own = PrivateServer()
    own.start()
    admin = create_engine(own.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text('CREATE DATABASE "bridgedesk_gui"'))
    admin.dispose()
    yield own
    own.remove()


def test_server_loss_keeps_the_typed_record_and_saves_after_reconnect(qtbot, server, data_paths):
    ctx = open_program(data_paths, database_url=server.url("bridgedesk_gui"), actor="tester")
    try:
        env = ViewEnv(ctx, data_paths, RecordingDialogs(), today=lambda: TODAY)
        RosterService(ctx).create(
            MenteeFields(given_names="Amal", family_name="Awad", start_date=dt.date(2025, 7, 1))
        )
        form = MenteeForm(env, None)
        qtbot.addWidget(form)
        form.editors["given_names"].setText("Mohammed")
        form.editors["family_name"].setText("Abdullah")
        form.editors["native_name"].setText("محمد عبد الله")
        form.editors["notes"].setPlainText(NOTE)

        server.stop()
        try:
            assert form.save() is False
        finally:
            server.start()
        assert ("error", db_errors.SERVER_GONE) in env.dialogs.messages
        assert form.editors["notes"].toPlainText() == NOTE
        assert form.editors["native_name"].text() == "محمد عبد الله"

        assert form.save() is True  # same window, same context: the pool reconnected
        saved = RosterService(ctx).get(form.mentee_id)
        assert (saved.fields.native_name, saved.fields.notes) == ("محمد عبد الله", NOTE)
        assert RosterService(ctx).count() == 2
    finally:
        ctx.db.dispose()
