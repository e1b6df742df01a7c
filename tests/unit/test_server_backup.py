"""Backing up a shared server with pg_dump: a readable custom-format dump, password kept off argv."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess

import pytest
from sqlalchemy import create_engine, text

from bridgedesk.bootstrap import open_program
from bridgedesk.errors import UserError
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program_file import server_backup
from bridgedesk.services.program_file.server_backup import backup_server, dump_contents, find_tool
from tests.unit.private_postgres import PASSWORD, PrivateServer

TODAY = dt.date(2026, 3, 12)


@pytest.fixture(scope="module")
def program_url(tmp_path_factory):
    """A password-protected server holding a small program with one mentee."""
    own = PrivateServer()
    own.start()
    admin = create_engine(own.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text('CREATE DATABASE "program"'))
        conn.execute(text('CREATE DATABASE "restored"'))
    admin.dispose()
    from bridgedesk.paths import DataPaths

    ctx = open_program(DataPaths(tmp_path_factory.mktemp("bk")).ensure(), own.url("program"))
    RosterService(ctx, clock=lambda: TODAY).create(
        MenteeFields(
            given_names="Mohammed",
            family_name="Abdullah",
            native_name="محمد عبد الله",
            start_date=TODAY,
        )
    )
    ctx.db.dispose()
    yield own
    own.remove()


def test_dump_is_custom_format_private_and_lists_the_tables(program_url, tmp_path, monkeypatch):
    calls: list[tuple[list[str], dict[str, str] | None]] = []
    real_run = subprocess.run

    def recording_run(cmd, *args, **kwargs):
        calls.append((list(cmd), kwargs.get("env")))
        return real_run(cmd, *args, **kwargs)

    monkeypatch.setattr(server_backup.subprocess, "run", recording_run)
    written = backup_server(
        program_url.url("program"), tmp_path, now=dt.datetime(2026, 3, 12, 8, 30, 0)
    )
    assert written == tmp_path / "bridgedesk-program-20260312-083000.dump"
    assert written.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert not list(tmp_path.glob("*.partial"))
    dump_cmd, dump_env = calls[0]
    assert "--format=custom" in dump_cmd
    assert all(PASSWORD not in part for part in dump_cmd)
    assert dump_env is not None and dump_env["PGPASSWORD"] == PASSWORD
    contents = dump_contents(written)
    assert any("TABLE public mentees" in line for line in contents)
    assert any("TABLE DATA public mentees" in line for line in contents)
    assert any("TABLE DATA public alembic_version" in line for line in contents)


def test_dump_restores_into_another_database(program_url, tmp_path):
    written = backup_server(program_url.url("program"), tmp_path / "named.dump")
    assert written.name == "named.dump"
    restored = subprocess.run(
        [
            str(find_tool("pg_restore")),
            "--no-owner",
            *("-h", "127.0.0.1", "-p", str(program_url.port), "-U", "postgres", "-d", "restored"),
            str(written),
        ],
        env={**os.environ, "PGPASSWORD": PASSWORD},
        capture_output=True,
        text=True,
    )
    assert restored.returncode == 0, restored.stderr
    engine = create_engine(program_url.url("restored"))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT native_name FROM mentees")).scalars().all() == [
            "محمد عبد الله"
        ]
    engine.dispose()


def test_wrong_password_fails_in_one_sentence_and_keeps_nothing(program_url, tmp_path):
    with pytest.raises(UserError, match=r"^pg_dump could not back up the server \(") as caught:
        backup_server(program_url.url("program", password="not-it"), tmp_path)
    assert "not-it" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_without_pg_dump_the_administrator_is_named(monkeypatch, tmp_path):
    monkeypatch.setattr(server_backup, "find_tool", lambda name: None)
    with pytest.raises(UserError, match="server administrator's job") as caught:
        backup_server("postgresql://u:p@db.example/program", tmp_path)
    assert "pg_dump" in str(caught.value)


def test_pg_dump_is_found_on_path_or_in_the_postgresql_folder():
    found = find_tool("pg_dump")
    assert found is not None and found.name == "pg_dump" and found.exists()
