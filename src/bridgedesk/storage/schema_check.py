"""Does a program file hold exactly the schema of its revision: no more, no less?

A backup or a program file may carry things BridgeDesk never made: a trigger that empties
the audit log, a view, an extra table or index (another tool, or a tampered copy). Its
integrity check still passes. So restore and ``bridgedesk check`` compare the file's
schema (tables, indexes, triggers, views, with their SQL) with the schema the migrations
build for the file's own revision, in a throwaway in-memory database, and name every
difference. SQLite's internal tables (sqlite_sequence, sqlite_stat1) are left out.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path

from bridgedesk.storage.file_checks import readonly_uri

SchemaEntry = tuple[str, str, str]  # (type, name, SQL with its spacing normalised)
_SCHEMA_QUERY = (
    "SELECT type, name, sql FROM sqlite_master "
    "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name"
)
_KINDS = {"table": "table", "index": "index", "trigger": "trigger", "view": "view"}


def _normal(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def file_schema(path: Path) -> set[SchemaEntry]:
    """The schema stored in the file at ``path``, read-only."""
    conn = sqlite3.connect(readonly_uri(path), uri=True)
    try:
        return {(kind, name, _normal(sql)) for kind, name, sql in conn.execute(_SCHEMA_QUERY)}
    finally:
        conn.close()


@cache
def expected_schema(revision: str) -> frozenset[SchemaEntry]:
    """The schema the migrations build up to ``revision``, in an in-memory database."""
    from alembic import command
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    from bridgedesk.storage.migrate import alembic_config

    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            rows = conn.exec_driver_sql(_SCHEMA_QUERY).all()
    finally:
        engine.dispose()
    return frozenset((kind, name, _normal(sql)) for kind, name, sql in rows)


def schema_differences(path: Path, revision: str) -> list[str]:
    """Every way the file's schema differs from its revision's; empty when they are equal."""
    have = file_schema(path)
    want = expected_schema(revision)
    have_names = {(kind, name): sql for kind, name, sql in have}
    want_names = {(kind, name): sql for kind, name, sql in want}
    found = []
    for kind, name in sorted(have_names.keys() - want_names.keys()):
        found.append(f"it has a {_KINDS.get(kind, kind)} {name} that BridgeDesk did not make")
    for kind, name in sorted(want_names.keys() - have_names.keys()):
        found.append(f"its {_KINDS.get(kind, kind)} {name} is missing")
    for key in sorted(have_names.keys() & want_names.keys()):
        if have_names[key] != want_names[key]:
            found.append(f"its {_KINDS.get(key[0], key[0])} {key[1]} was changed")
    return found
