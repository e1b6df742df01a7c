"""--database-url: a foreign SQLite file stays byte for byte as it was; an unsupported database
or a missing driver is said in one sentence that tells what to do."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

from bridgedesk.cli.main import main

MARKER = "Zelalem Hostile-Marker-7731"

# A child whose ``import psycopg`` fails, as on a machine without the PostgreSQL extra.
WITHOUT_PSYCOPG = (
    "import sys\n"
    "sys.modules['psycopg'] = None\n"
    "from bridgedesk.cli.main import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


def _foreign_file(path: Path) -> Path:
    """Another program's SQLite database (rollback journal, as most programs keep it)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, customer TEXT)")
    conn.execute("INSERT INTO invoices (customer) VALUES (?)", (MARKER,))
    conn.commit()
    conn.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_foreign_sqlite_file_is_refused_and_left_byte_for_byte(tmp_path, capsys):
    foreign = _foreign_file(tmp_path / "invoices.db")
    before = _digest(foreign)
    code, out, err = _run(
        capsys,
        "--data-dir",
        str(tmp_path / "data"),
        "--database-url",
        f"sqlite:///{foreign}",
        "export",
        "roster",
        str(tmp_path / "roster.csv"),
    )
    assert _digest(foreign) == before  # as the message says: left untouched
    assert sorted(p.name for p in tmp_path.glob("invoices.db*")) == ["invoices.db"]
    assert code == 1
    assert err == (
        "bridgedesk: invoices.db is a database, but not a BridgeDesk database; "
        "it was left untouched.\n"
    )
    conn = sqlite3.connect(f"file:{foreign}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        conn.close()
    assert MARKER not in out + err


def test_a_file_that_is_no_database_is_refused_and_left_as_it_was(tmp_path, capsys):
    notes = tmp_path / "notes.db"
    notes.write_bytes(b"not a database at all\n" * 20)
    code, _, err = _run(
        capsys, "--data-dir", str(tmp_path / "data"), "--database-url", f"sqlite:///{notes}",
        "demo",
    )  # fmt: skip
    assert code == 1
    assert err.startswith("bridgedesk: notes.db is damaged or is not a BridgeDesk database")
    assert notes.read_bytes() == b"not a database at all\n" * 20


def test_a_mysql_url_names_the_databases_bridgedesk_works_with(tmp_path, capsys):
    code, _, err = _run(
        capsys,
        "--data-dir",
        str(tmp_path / "data"),
        "--database-url",
        "mysql://director@db.example.org/program",
        "export",
        "roster",
        str(tmp_path / "roster.csv"),
    )
    assert code == 1
    assert err == (
        "bridgedesk: BridgeDesk works with its own SQLite file or a shared PostgreSQL server "
        "(postgresql://user@server:5432/database); a mysql database is not supported.\n"
    )


def _without_psycopg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_PSYCOPG, *args], capture_output=True, text=True, timeout=60
    )


def test_a_missing_postgresql_driver_says_what_to_install(tmp_path):
    done = _without_psycopg(
        "--data-dir",
        str(tmp_path / "data"),
        "--database-url",
        "postgresql://director@127.0.0.1:1/program",
        "export",
        "roster",
        str(tmp_path / "roster.csv"),
    )
    assert done.returncode == 1
    assert done.stderr == (
        "bridgedesk: This BridgeDesk has no PostgreSQL driver; install the PostgreSQL support: "
        "pip install 'bridgedesk[postgres]'.\n"
    )


def test_migrate_to_without_the_postgresql_driver_says_what_to_install(sqlite_ctx, data_paths):
    sqlite_ctx.db.dispose()
    done = _without_psycopg(
        "--data-dir", str(data_paths.root), "migrate-to", "postgresql://director@127.0.0.1:1/x"
    )
    assert done.returncode == 1
    assert done.stderr.startswith("bridgedesk: This BridgeDesk has no PostgreSQL driver")
    assert "pip install 'bridgedesk[postgres]'" in done.stderr
