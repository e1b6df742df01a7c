"""``backup --list`` and ``restore FILE`` on a shared PostgreSQL server, with real pg_dump files.

A restore goes only into an empty database, is checked row by row against the dump (counts
and checksums, as migrate-to is) and against its revision's schema, and is all or nothing:
whatever it refuses, the target is left exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from bridgedesk.cli.main import main
from bridgedesk.services.program_file import server_backup
from bridgedesk.storage.copy_tables import copied_tables
from bridgedesk.storage.copy_verification import table_checksum
from tests.unit.server_programs import database, demo_templates, run_sql, scalar

EVERYTHING = (
    "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = 'public'"
)


@pytest.fixture(scope="module")
def sound_template(postgres_admin, tmp_path_factory):
    server_url, admin = postgres_admin
    with demo_templates(server_url, admin, tmp_path_factory.mktemp("demo-data")) as names:
        yield names[1]


@pytest.fixture
def source_url(postgres_admin, sound_template):
    server_url, admin = postgres_admin
    with database(server_url, admin, sound_template) as url:
        yield url


@pytest.fixture
def empty_url(postgres_admin):
    server_url, admin = postgres_admin
    with database(server_url, admin) as url:
        yield url


def bridgedesk(capsys, data: Path, url: str, *args: str) -> tuple[int, list[str], str]:
    code = main(["--data-dir", str(data), "--database-url", url, *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def dump_of(url: str, folder: Path, when: dt.datetime | None = None) -> Path:
    return server_backup.backup_server(url, folder, now=when)


def name_of(url: str) -> str:
    return str(make_url(url).database)


def test_backup_list_shows_the_server_backups_newest_first(capsys, tmp_path, source_url):
    data = tmp_path / "data"
    code, lines, err = bridgedesk(capsys, data, source_url, "backup")
    assert (code, err) == (0, "")
    newest = Path(lines[1].removeprefix("Server backup written and read back: "))
    older = dump_of(source_url, data / "backups", dt.datetime(2026, 1, 2, 3, 4, 5))
    (data / "backups" / "notes.txt").write_text("not a backup")
    code, lines, err = bridgedesk(capsys, data, source_url, "backup", "--list")
    assert (code, err) == (0, "")
    assert lines[0] == f"Server database: {source_url}"
    assert len(lines) == 3
    assert lines[1].endswith(f"24 mentees  database {name_of(source_url):<20} {newest}")
    assert lines[2].startswith("2026-01-02 03:04:05 ")
    assert lines[2].endswith(f"24 mentees  database {name_of(source_url):<20} {older}")


def test_backup_list_says_when_there_is_none(capsys, tmp_path, source_url):
    code, lines, _ = bridgedesk(capsys, tmp_path / "data", source_url, "backup", "--list")
    assert code == 0
    assert lines[1] == f"No server backups in {tmp_path / 'data' / 'backups'}."


def test_restore_into_an_empty_database_is_verified_and_exact(
    capsys, tmp_path, source_url, empty_url
):
    dump = dump_of(source_url, tmp_path)
    code, lines, err = bridgedesk(capsys, tmp_path / "data", empty_url, "restore", str(dump))
    assert (code, err) == (0, "")
    assert lines[0] == f"Server database: {empty_url}"
    assert lines[1].split() == ["table", "backup", "server", "checksum"]
    assert any(line.split()[:4] == ["mentees", "24", "24", "same"] for line in lines)
    assert lines[-1].endswith("row counts and checksums match.")
    assert f"restored into database {name_of(empty_url)}" in lines[-1]
    # independently of the restore's own report: every table equal to the source's
    source, target = create_engine(source_url), create_engine(empty_url)
    with source.connect() as src, target.connect() as dst:
        for table in copied_tables():
            assert table_checksum(src, table) == table_checksum(dst, table), table.name
    source.dispose()
    target.dispose()
    assert bridgedesk(capsys, tmp_path / "data", empty_url, "check")[1][1:] == ["OK"]


def test_an_extension_alone_leaves_a_database_empty_enough(capsys, tmp_path, source_url, empty_url):
    run_sql(empty_url, "CREATE EXTENSION citext")
    dump = dump_of(source_url, tmp_path)
    code, lines, err = bridgedesk(capsys, tmp_path / "data", empty_url, "restore", str(dump))
    assert (code, err) == (0, "")
    assert lines[-1].endswith("row counts and checksums match.")


def test_a_database_that_is_not_empty_is_refused_and_kept(capsys, tmp_path, source_url, empty_url):
    dump = dump_of(source_url, tmp_path)
    run_sql(empty_url, "CREATE TABLE invoices (id serial PRIMARY KEY)")
    code, lines, err = bridgedesk(capsys, tmp_path / "data", empty_url, "restore", str(dump))
    assert code == 1
    assert lines == [f"Server database: {empty_url}"]
    assert err == (
        f"bridgedesk: Database {name_of(empty_url)} is not empty (it holds table "
        "public.invoices); restore into a new, empty database, so nothing saved there is "
        "overwritten.\n"
    )
    assert scalar(empty_url, EVERYTHING) == 3  # invoices, its key's index and its sequence
    # the live program itself is never restored over
    code, _, err = bridgedesk(capsys, tmp_path / "data", source_url, "restore", str(dump))
    assert code == 1 and "is not empty (it holds table public." in err


def test_a_dump_from_a_newer_bridgedesk_is_refused_before_anything_is_written(
    capsys, tmp_path, source_url, empty_url
):
    run_sql(source_url, "UPDATE alembic_version SET version_num = '9001'")
    dump = dump_of(source_url, tmp_path)
    code, _, err = bridgedesk(capsys, tmp_path / "data", empty_url, "restore", str(dump))
    assert code == 1
    assert err == (
        f"bridgedesk: {dump.name} cannot be restored: it was written by a newer version of "
        "BridgeDesk (schema 9001); install that version or newer to restore it.\n"
    )
    assert scalar(empty_url, EVERYTHING) == 0


def test_a_dump_holding_a_trigger_bridgedesk_did_not_make_is_refused(
    capsys, tmp_path, source_url, empty_url
):
    run_sql(
        source_url,
        "CREATE FUNCTION forget() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN DELETE FROM audit_log; RETURN NEW; END $$",
        "CREATE TRIGGER forget_history AFTER INSERT ON mentees "
        "FOR EACH ROW EXECUTE FUNCTION forget()",
    )
    dump = dump_of(source_url, tmp_path)
    code, _, err = bridgedesk(capsys, tmp_path / "data", empty_url, "restore", str(dump))
    assert code == 1
    assert err == (
        f"bridgedesk: {dump.name} cannot be restored: it holds a function forget() that "
        "BridgeDesk did not make; nothing was written.\n"
    )
    assert scalar(empty_url, EVERYTHING) == 0


def test_a_changed_column_is_found_after_the_restore_and_everything_rolled_back(
    capsys, tmp_path, source_url, empty_url
):
    """Names alone pass; the schema comparison inside the transaction catches the change."""
    run_sql(source_url, "ALTER TABLE mentees ALTER COLUMN notes DROP NOT NULL")
    dump = dump_of(source_url, tmp_path)
    code, _, err = bridgedesk(capsys, tmp_path / "data", empty_url, "restore", str(dump))
    assert code == 1
    assert err.startswith(
        f"bridgedesk: {dump.name} was not restored: its column mentees.notes was changed"
    )
    assert err.endswith(f"; database {name_of(empty_url)} was left empty.\n")
    assert scalar(empty_url, EVERYTHING) == 0


def test_the_verification_sees_a_row_changed_after_the_copy(tmp_path, source_url, empty_url):
    """The checksum compares the table with the dump's own rows, not with itself."""
    from bridgedesk.storage import dump_restore

    dump = dump_of(source_url, tmp_path)
    pg_restore = server_backup.find_tool("pg_restore")
    assert pg_restore is not None

    def section(name: str) -> bytes:
        import subprocess

        command = [str(pg_restore), f"--section={name}", "--no-owner", "--file=-", str(dump)]
        return subprocess.run(command, capture_output=True, check=True).stdout

    engine = create_engine(empty_url, poolclass=NullPool)
    with engine.connect() as conn, conn.begin():
        path = dump_restore.search_path(conn)
        dump_restore.run_sql(conn, section("pre-data"))
        twins = dump_restore.load_data(conn, section("data").splitlines(keepends=True))
        dump_restore.run_sql(conn, section("post-data"))
        dump_restore.set_search_path(conn, path)
        assert all(check.matches for check in dump_restore.verify(conn, twins))
        conn.execute(text("UPDATE mentees SET notes = notes || '.' WHERE id = 1"))
        wrong = [c.table for c in dump_restore.verify(conn, twins) if not c.matches]
        assert wrong == ["mentees"]
        conn.rollback()
    engine.dispose()


def test_a_program_file_backup_is_not_restored_onto_a_server(capsys, tmp_path, empty_url):
    from bridgedesk.bootstrap import open_program
    from bridgedesk.paths import DataPaths
    from bridgedesk.services.program_file import safety

    paths = DataPaths(tmp_path / "file-data")
    open_program(paths).db.dispose()
    backup = safety.backup_now(paths).path
    code, _, err = bridgedesk(capsys, tmp_path / "data", empty_url, "restore", str(backup))
    assert code == 1
    assert err.startswith(f"bridgedesk: {backup.name} is a backup of a program file;")
    assert scalar(empty_url, EVERYTHING) == 0


def test_a_server_backup_is_not_restored_over_a_program_file(capsys, tmp_path, source_url):
    from bridgedesk.bootstrap import open_program
    from bridgedesk.paths import DataPaths

    dump = dump_of(source_url, tmp_path)
    paths = DataPaths(tmp_path / "file-data")
    open_program(paths).db.dispose()
    before = paths.database.read_bytes()
    code = main(["--data-dir", str(paths.root), "restore", str(dump)])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.startswith(f"bridgedesk: {dump.name} is a backup of a shared server (pg_dump);")
    assert paths.database.read_bytes() == before
