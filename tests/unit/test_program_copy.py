"""migrate-to: a SQLite program copied into an empty PostgreSQL database, verified, all or nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

import pytest
from sqlalchemy import create_engine, func, insert, select, text, update

from bridgedesk.bootstrap import open_program
from bridgedesk.cli import cmd_server, commands
from bridgedesk.cli.main import main as cli_main
from bridgedesk.errors import DatabaseError, UserError
from bridgedesk.services.demo import generate_demo
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.storage import migrate
from bridgedesk.storage.models import Mentee
from bridgedesk.storage.program_copy import (
    copied_tables,
    copy_program,
    normalised,
    verify_copy,
)
from tests.postgres_server import database_url

TODAY = dt.date(2026, 3, 12)
HOSTILE = (
    "<b>&amp;</para> " + "ሰላም ተስፋዬ محمد عبد الله प्रिया शर्मा 王小明 Ольга Иванова Nguyễn Thị Ánh"
)


@pytest.fixture
def empty_pg(postgres_admin):
    """A brand-new, empty database on the throwaway server; dropped afterwards."""
    server_url, admin = postgres_admin
    name = f"copy_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield database_url(server_url, name)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def file_digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in copied_tables()
            }
    finally:
        engine.dispose()


def demo_file(sqlite_ctx, mentees: int):
    generate_demo(sqlite_ctx, TODAY, mentees=mentees, seed=3)
    RosterService(sqlite_ctx, clock=lambda: TODAY).create(
        MenteeFields(
            given_names="Ánh",
            family_name="Nguyễn Thị",
            native_name="ሰላም ተስፋዬ",
            start_date=TODAY,
            notes=HOSTILE + "x" * 10_000,
        )
    )
    sqlite_ctx.db.dispose()  # let go of the file, as the CLI does before migrate-to
    return sqlite_ctx.db.path


def test_copy_of_a_demo_program_is_exact_and_leaves_the_file_untouched(
    sqlite_ctx, empty_pg, data_paths
):
    source = demo_file(sqlite_ctx, 50)
    before = file_digest(source)
    report = copy_program(source, empty_pg, batch_rows=37)  # batches that do not divide evenly
    assert file_digest(source) == before
    by_table = {c.table: c for c in report.checks}
    assert by_table["mentees"].target_rows == 51
    assert by_table["checkins"].target_rows > 50
    assert all(c.matches for c in report.checks)
    assert report.total_rows == sum(table_counts(empty_pg).values())
    assert "checksums match" in report.lines()[-1]
    # The server is a working program: same text, and new rows get ids after the copied ones.
    ctx = open_program(data_paths, database_url=empty_pg, actor="after-copy")
    try:
        roster = RosterService(ctx, clock=lambda: TODAY)
        assert roster.count() == 51
        found = dict(roster.find("Nguyễn Thị"))
        (mentee_id,) = found
        assert roster.get(mentee_id).fields.notes.startswith(HOSTILE)
        new_id = roster.create(  # also writes an audit entry: both sequences were moved on
            MenteeFields(
                given_names="Xiaoming", family_name="Wang", native_name="王小明", start_date=TODAY
            )
        )
        assert new_id == 52
        assert migrate.current_revision(ctx.db.engine) == migrate.head_revision()
    finally:
        ctx.db.dispose()


def test_a_non_empty_target_is_refused_and_left_as_it_was(sqlite_ctx, postgres_admin, ctx):
    if ctx.db.engine.dialect.name != "postgresql":
        return  # the target must be a server; the SQLite run of ctx has nothing to check
    source = demo_file(sqlite_ctx, 3)
    target = ctx.db.engine.url.render_as_string(hide_password=False)
    ctx.db.dispose()
    before = table_counts(target)
    with pytest.raises(
        UserError, match=r"^The server database is not empty \(table \w+ holds rows\)"
    ):
        copy_program(source, target)
    assert table_counts(target) == before


def test_a_checksum_mismatch_is_found(sqlite_ctx, empty_pg):
    source = demo_file(sqlite_ctx, 5)
    copy_program(source, empty_pg)
    assert all(c.matches for c in verify_copy(source, empty_pg))
    engine = create_engine(empty_pg)
    with engine.begin() as conn:  # one letter of one name, same row count
        conn.execute(update(Mentee).where(Mentee.id == 2).values(family_name="Changed"))
    engine.dispose()
    wrong = [c for c in verify_copy(source, empty_pg) if not c.matches]
    assert [c.table for c in wrong] == ["mentees"]
    assert wrong[0].source_rows == wrong[0].target_rows
    assert wrong[0].source_sha256 != wrong[0].target_sha256


def test_a_failure_part_way_leaves_the_target_empty(sqlite_ctx, empty_pg, monkeypatch):
    source = demo_file(sqlite_ctx, 5)
    from bridgedesk.storage import program_copy

    def corrupt(checks):
        raise DatabaseError("simulated mismatch")

    monkeypatch.setattr(program_copy, "_raise_on_mismatch", corrupt)
    with pytest.raises(DatabaseError, match="simulated"):
        copy_program(source, empty_pg)
    engine = create_engine(empty_pg)
    with engine.connect() as conn:
        tables = conn.execute(
            text("SELECT count(*) FROM information_schema.tables WHERE table_schema='public'")
        ).scalar_one()
    engine.dispose()
    assert tables == 0  # not even the schema: the migration was rolled back with the rows


def test_a_text_too_long_for_the_server_column_names_the_table(sqlite_ctx, empty_pg):
    with sqlite_ctx.unit_of_work() as session:  # SQLite does not enforce VARCHAR lengths
        session.execute(
            insert(Mentee).values(given_names="x" * 500, family_name="Long", start_date=TODAY)
        )
    sqlite_ctx.db.dispose()
    with pytest.raises(DatabaseError, match=r"^Table mentees could not be copied"):
        copy_program(sqlite_ctx.db.path, empty_pg)
    assert sum(table_counts_or_empty(empty_pg).values()) == 0


def table_counts_or_empty(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        present = conn.execute(
            text("SELECT count(*) FROM information_schema.tables WHERE table_schema='public'")
        ).scalar_one()
    engine.dispose()
    return table_counts(url) if present else {}


def test_values_are_normalised_the_same_way_on_both_sides():
    assert normalised(dt.date(2026, 3, 1)) == "2026-03-01"
    assert normalised(dt.datetime(2026, 3, 1, 4, 5, 6, 7)) == "2026-03-01T04:05:06.000007"
    assert normalised(True) is True and normalised(1) == 1
    assert normalised(0.1) == "0.1"
    assert normalised(None) is None


def test_cli_migrate_to_prints_counts_and_refuses_a_missing_file(
    sqlite_ctx, empty_pg, data_paths, capsys, monkeypatch
):
    if cmd_server.register not in commands.REGISTRARS:  # until cli/commands.py lists it
        monkeypatch.setattr(commands, "REGISTRARS", [*commands.REGISTRARS, cmd_server.register])
    demo_file(sqlite_ctx, 4)
    code = cli_main(["--data-dir", str(data_paths.root), "migrate-to", empty_pg, "--use"])
    out = capsys.readouterr().out
    assert code == 0
    assert "checksums match" in out
    assert "mentees" in out and "audit_log" in out
    from bridgedesk.services.program_file import connection_settings

    assert connection_settings.saved_url(data_paths) == empty_pg
    code = cli_main(["--data-dir", str(data_paths.root / "elsewhere"), "migrate-to", empty_pg])
    assert code == 1
    assert "There is no program file" in capsys.readouterr().err


def test_cli_migrate_to_refuses_while_bridgedesk_holds_the_data_folder(
    sqlite_ctx, data_paths, capsys, monkeypatch
):
    from bridgedesk.services.program_file.instance_lock import InstanceLock

    if cmd_server.register not in commands.REGISTRARS:
        monkeypatch.setattr(commands, "REGISTRARS", [*commands.REGISTRARS, cmd_server.register])
    sqlite_ctx.db.dispose()
    before = file_digest(data_paths.database)
    url = "postgresql://nobody@127.0.0.1:1/never"  # never reached: the lock refuses first
    with InstanceLock(data_paths.lock_file):  # a running BridgeDesk on the same folder
        code = cli_main(["--data-dir", str(data_paths.root), "migrate-to", url])
    err = capsys.readouterr().err
    assert code == 1
    assert "BridgeDesk is open on this data folder; close it first" in err
    assert err.strip().count("\n") == 0
    assert file_digest(data_paths.database) == before
    # once it is closed, the lock is free again and migrate-to gets as far as the server
    code = cli_main(["--data-dir", str(data_paths.root), "migrate-to", url])
    err = capsys.readouterr().err
    assert code == 1 and "No database server is running at 127.0.0.1:1" in err
    with InstanceLock(data_paths.lock_file):  # migrate-to let go of the lock
        pass


def test_cli_migrate_to_without_a_terminal_asks_for_pgpassword(data_paths, monkeypatch):
    url = cmd_server.connection_settings.parse_server_url("postgresql://ánh@db.example/program")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr(cmd_server.server_move, "server_wants_password", lambda _url: True)
    monkeypatch.setattr(cmd_server.sys.stdin, "isatty", lambda: False, raising=False)
    with pytest.raises(UserError, match="set PGPASSWORD, or run migrate-to in a terminal"):
        cmd_server._with_password(url)
    monkeypatch.setattr(cmd_server.sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(cmd_server.getpass, "getpass", lambda prompt: "typed secret")
    assert cmd_server._with_password(url).password == "typed secret"
    monkeypatch.setenv("PGPASSWORD", "from env")
    assert cmd_server._with_password(url).password == "from env"
    with_pw = url.set(password="given")
    assert cmd_server._with_password(with_pw).password == "given"
