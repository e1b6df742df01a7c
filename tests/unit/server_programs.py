"""Demo programs on the throwaway PostgreSQL server, cloned per test, for the server-side commands.

A demo program is written once per test module into a template database through the real
``bridgedesk demo`` command; each test gets its own copy (``CREATE DATABASE ... TEMPLATE``),
which it may damage by hand, and which is dropped after it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, text

from bridgedesk.cli.main import main
from tests.postgres_server import database_url

# Every serial column's sequence moved to its table's highest value plus one (plain SQL, so
# the fixture does not lean on the code under test).
CATCH_UP_SEQUENCES = """
DO $$
DECLARE r record; top bigint;
BEGIN
  FOR r IN SELECT table_name, column_name FROM information_schema.columns
           WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'
  LOOP
    EXECUTE format('SELECT coalesce(max(%I), 0) FROM %I', r.column_name, r.table_name) INTO top;
    PERFORM setval(pg_get_serial_sequence(quote_ident(r.table_name), r.column_name), top + 1,
                   false);
  END LOOP;
END $$
"""


@contextmanager
def demo_templates(server_url: str, admin: Engine, data_dir: Path) -> Iterator[tuple[str, str]]:
    """Two template databases, dropped afterwards: (the demo, the same with sound sequences).

    The first holds a 24-mentee demo written by the real ``bridgedesk demo``. That command
    writes rows with ids of its own and leaves every id sequence at 1 on a server, so the
    first mentee added afterwards fails (a duplicate key), and ``check`` says so. Until the
    demo catches its sequences up (services/demo/generator.py; test_server_check.py keeps
    two strict xfails on it), tests that damage a program on purpose start from the second,
    whose sequences follow its rows, so each sees only the damage it made.
    """
    suffix = uuid.uuid4().hex[:10]
    demo, sound = f"demo_{suffix}", f"sound_{suffix}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{demo}"'))
    try:
        url = database_url(server_url, demo)
        code = main(["--data-dir", str(data_dir), "--database-url", url, "demo", "--mentees", "24"])
        assert code == 0
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{sound}" TEMPLATE "{demo}"'))
        run_sql(database_url(server_url, sound), CATCH_UP_SEQUENCES)
        yield demo, sound
    finally:
        with admin.connect() as conn:
            for name in (demo, sound):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@contextmanager
def database(server_url: str, admin: Engine, template: str | None = None) -> Iterator[str]:
    """A new database (a copy of ``template``, else empty); its URL; dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    try:
        yield database_url(server_url, name)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def run_sql(url: str, *statements: str) -> None:
    """Run statements as the server's superuser, each committed on its own."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def scalar(url: str, query: str) -> object:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(query)).scalar()
    finally:
        engine.dispose()
