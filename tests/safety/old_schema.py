"""A program file exactly as an older BridgeDesk wrote it, holding a newer program's rows.

Downgrading a file is how the upgrade tests get an old program full of data, but a migration
that rebuilds a table (Alembic's batch mode on SQLite) leaves that table's CREATE statement in
SQLAlchemy's words, not the old release's, and ``bridgedesk check`` compares the words. So the
rows of the downgraded file are copied into a file the migrations up to ``revision`` made from
nothing: the schema of a real old file, the data of the downgraded one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine

from bridgedesk.storage import migrate


def as_written_at(downgraded: Path, revision: str, target: Path) -> None:
    """Write ``target``: the schema of ``revision`` built from nothing, the rows of ``downgraded``."""
    from alembic import command

    engine = create_engine(f"sqlite:///{target}")
    try:
        cfg = migrate.alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()
    conn = sqlite3.connect(target)  # foreign keys off (sqlite3's default): rows in any order
    try:
        conn.execute("ATTACH DATABASE ? AS old", (str(downgraded),))
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM main.sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite%' AND name != 'alembic_version'"
            )
        ]
        for table in tables:
            columns = ", ".join(
                row[1] for row in conn.execute(f'PRAGMA main.table_info("{table}")')
            )
            conn.execute(
                f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM old."{table}"'
            )
        conn.commit()
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
