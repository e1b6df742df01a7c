"""Choosing the database: saved choice, precedence, connection test, reconnect after a restart."""

from __future__ import annotations

import datetime as dt
import json
import logging
import stat

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from bridgedesk import bootstrap
from bridgedesk.bootstrap import open_program
from bridgedesk.errors import DatabaseError, UserError
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program_file import connection_settings
from bridgedesk.services.program_file.connection_settings import ServerFields, chosen_url, masked
from bridgedesk.storage import db_errors, migrate
from bridgedesk.storage.engine import CONNECT_TIMEOUT_S, make_engine
from tests.unit.private_postgres import PASSWORD, PrivateServer

TODAY = dt.date(2026, 3, 12)


@pytest.fixture(scope="module")
def server():
    """A password-protected server this module may stop and start."""
    own = PrivateServer()
    own.start()
    admin = create_engine(own.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text('CREATE DATABASE "bridgedesk_own"'))
    admin.dispose()
    yield own
    own.remove()


@pytest.fixture(autouse=True)
def no_env_url(monkeypatch):
    monkeypatch.delenv(connection_settings.ENV_DATABASE_URL, raising=False)


def check(url: str) -> str:
    return connection_settings.test_connection(url)


# ---- saved choice and precedence ------------------------------------------------------
def test_saved_choice_is_private_json_and_keeps_other_keys(data_paths, no_store):
    data_paths.settings_file.write_text(json.dumps({"other": 1}), encoding="utf-8")
    url = "postgresql://ward:pa ss@db.hospital.example:5433/bridgedesk"
    connection_settings.save_url(data_paths, url)
    saved = json.loads(data_paths.settings_file.read_text(encoding="utf-8"))
    assert saved["other"] == 1
    # the password is never written here (tests/unit/test_server_password.py: where it goes)
    assert saved["database_url"] == "postgresql+psycopg://ward@db.hospital.example:5433/bridgedesk"
    assert stat.S_IMODE(data_paths.settings_file.stat().st_mode) == 0o600
    assert connection_settings.saved_url(data_paths) == saved["database_url"]
    connection_settings.save_url(data_paths, None)
    assert connection_settings.saved_url(data_paths) is None
    assert json.loads(data_paths.settings_file.read_text(encoding="utf-8")) == {"other": 1}


def test_precedence_argument_then_environment_then_saved_then_file(data_paths, monkeypatch):
    assert chosen_url(data_paths) is None
    connection_settings.save_url(data_paths, "postgresql://s@saved/db")
    assert chosen_url(data_paths) == "postgresql+psycopg://s@saved/db"
    monkeypatch.setenv(connection_settings.ENV_DATABASE_URL, "postgresql://e@env/db")
    assert chosen_url(data_paths) == "postgresql://e@env/db"
    assert chosen_url(data_paths, "postgresql://a@arg/db") == "postgresql://a@arg/db"


def test_a_damaged_settings_file_means_the_local_file(data_paths):
    data_paths.settings_file.write_text("{not json", encoding="utf-8")
    assert chosen_url(data_paths) is None


def test_not_a_postgresql_url_is_refused_in_words(data_paths):
    with pytest.raises(UserError, match="must be PostgreSQL"):
        check("mysql://u:p@h/db")
    with pytest.raises(UserError, match="not a database URL"):
        connection_settings.save_url(data_paths, "db.hospital.example")


def test_masked_never_shows_the_password():
    shown = masked(f"postgresql://u:{PASSWORD}@h:5432/db")
    assert PASSWORD not in shown and "***" in shown
    fields = ServerFields("h", 5432, "db", "u", PASSWORD)
    assert PASSWORD not in masked(fields.url())
    assert ServerFields.from_url(fields.url()) == fields
    assert ServerFields(port=0).problems().keys() == {"host", "database", "user", "port"}


# ---- the connection test ----------------------------------------------------------------
def test_connection_to_an_empty_database_says_it_will_be_created(server):
    said = check(server.url("bridgedesk_own"))
    assert said.startswith("Connected to PostgreSQL ")
    assert f"at 127.0.0.1:{server.port}, database bridgedesk_own;" in said
    assert "empty" in said and PASSWORD not in said


def test_connection_to_a_program_names_its_revision(server, data_paths):
    engine = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text('CREATE DATABASE "bridgedesk_prog"'))
    engine.dispose()
    ctx = open_program(data_paths, database_url=server.url("bridgedesk_prog"))
    ctx.db.dispose()
    said = check(server.url("bridgedesk_prog"))
    assert f"revision {migrate.head_revision()}, up to date" in said


def test_wrong_password_is_one_sentence_without_the_password(server, caplog):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(UserError) as caught:
        check(server.url(password="wrong-guess"))
    assert str(caught.value) == "The server refused user postgres: the password is wrong."
    assert "wrong-guess" not in caplog.text


def test_nobody_listening_is_reported_as_server_not_running(server):
    with pytest.raises(UserError, match=r"^No database server is running at 127\.0\.0\.1:1,"):
        check("postgresql://u:p@127.0.0.1:1/db")


def test_unknown_host_is_reported(server):
    with pytest.raises(UserError, match=r"^The server name no-such-host\.invalid is unknown"):
        check("postgresql://u:p@no-such-host.invalid:5432/db")


def test_missing_database_is_reported(server):
    with pytest.raises(UserError, match="has no database named nowhere"):
        check(server.url("nowhere"))


def test_start_up_with_a_saved_server_and_a_bad_password_says_so(server, data_paths):
    connection_settings.save_url(data_paths, server.url("bridgedesk_own", password="nope"))
    with pytest.raises(DatabaseError, match="the password is wrong"):
        bootstrap.open_database(data_paths)


def test_saved_server_is_used_at_start_up(server, data_paths, store):
    engine = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text('CREATE DATABASE "bridgedesk_saved"'))
    engine.dispose()
    connection_settings.save_url(data_paths, server.url("bridgedesk_saved"))
    assert PASSWORD not in data_paths.settings_file.read_text(encoding="utf-8")
    ctx = open_program(data_paths)
    try:
        assert ctx.db.engine.dialect.name == "postgresql"
        assert ctx.db.engine.url.database == "bridgedesk_saved"
        assert PASSWORD not in ctx.db.url
        assert not data_paths.database.exists()  # no SQLite file was made
    finally:
        ctx.db.dispose()


# ---- reconnecting after the server went away ------------------------------------------
def test_engine_pings_and_times_out_on_a_server():
    engine = make_engine("postgresql://u@h/db")
    assert engine.pool._pre_ping
    assert engine.dialect.driver == "psycopg"
    engine.dispose()
    assert CONNECT_TIMEOUT_S <= 5


def test_a_restarted_server_is_used_again_without_reopening(server, data_paths):
    engine = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text('CREATE DATABASE "bridgedesk_restart"'))
    engine.dispose()
    ctx = open_program(data_paths, database_url=server.url("bridgedesk_restart"))
    roster = RosterService(ctx, clock=lambda: TODAY)
    try:
        first = roster.create(
            MenteeFields(
                given_names="Olga",
                family_name="Ivanova",
                native_name="Ольга Иванова",
                start_date=TODAY,
            )
        )
        assert roster.count() == 1  # a pooled connection now exists
        server.stop()
        try:
            with pytest.raises(DatabaseError) as caught:
                roster.count()
            assert str(caught.value) == db_errors.SERVER_GONE
            assert isinstance(caught.value.__cause__, OperationalError)
        finally:
            server.start()
        assert roster.count() == 1  # same context, same engine: the pool replaced the connection
        assert roster.get(first).fields.native_name == "Ольга Иванова"
    finally:
        ctx.db.dispose()
