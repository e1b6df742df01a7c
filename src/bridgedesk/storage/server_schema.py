"""Does a PostgreSQL program hold exactly the schema of its revision: no more, no less?

The server twin of :mod:`bridgedesk.storage.schema_check`. A trigger that empties the audit
log, a rule that redirects inserts, a view, an extra index or table, a dropped index or a
constraint left NOT VALID: none of them stops the program from opening. So ``bridgedesk
check`` and a server restore read the program's schema from PostgreSQL's catalog (tables and
their columns, indexes, constraints, sequences, views, triggers, rules, row-level policies,
functions and types) and compare it with what the migrations build for the same revision:
in a scratch schema created inside the caller's transaction and rolled back at once
(``pg_temp`` when the user may not create a schema), so nothing is left behind.
Definitions come from ``pg_get_*def`` with the schema's name taken out, so both sides read
alike. Names are shown, never data.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

from bridgedesk.storage import migrate

# The SQLSTATE PostgreSQL gives when the user lacks a privilege (CREATE on the database).
INSUFFICIENT_PRIVILEGE = "42501"
SCRATCH_PREFIX = "bridgedesk_expected_"
SYSTEM_SCHEMAS = "('pg_catalog', 'information_schema', 'pg_toast')"


class Entry(NamedTuple):
    """One thing in a schema: its kind, its name, its definition, the table it belongs to."""

    kind: str
    name: str
    definition: str
    table: str = ""


# ---- reading a schema from the catalog -------------------------------------------------
# Objects an extension brought (CREATE EXTENSION, by the server's administrator) are the
# extension's: left out of every comparison, as pg_dump leaves them out of a backup.
_NOT_EXTENSION = (
    "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = {catalog}::regclass "
    "AND e.objid = {oid} AND e.deptype = 'e')"
)
_CLASS_NOT_EXTENSION = _NOT_EXTENSION.format(catalog="'pg_class'", oid="c.oid")
_TABLES = f"""
SELECT c.relname, c.relkind, c.relpersistence, c.relrowsecurity, c.relforcerowsecurity
FROM pg_class c WHERE c.relnamespace = :ns AND c.relkind IN ('r', 'p', 'f')
  AND {_CLASS_NOT_EXTENSION}
"""
_COLUMNS = f"""
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE c.relnamespace = :ns AND c.relkind IN ('r', 'p', 'f') AND a.attnum > 0
  AND NOT a.attisdropped AND {_CLASS_NOT_EXTENSION}
"""
_INDEXES = f"""
SELECT c.relname, t.relname, pg_get_indexdef(c.oid)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
WHERE c.relnamespace = :ns
  AND {_NOT_EXTENSION.format(catalog="'pg_class'", oid="t.oid")}
"""
_SEQUENCES = f"""
SELECT c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin,
       s.seqmax, s.seqcache, s.seqcycle
FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE c.relnamespace = :ns
  AND {_CLASS_NOT_EXTENSION}
"""
_VIEWS = f"""
SELECT c.relname, c.relkind, pg_get_viewdef(c.oid)
FROM pg_class c WHERE c.relnamespace = :ns AND c.relkind IN ('v', 'm')
  AND {_CLASS_NOT_EXTENSION}
"""
_CONSTRAINTS = f"""
SELECT con.conname, coalesce(cl.relname, ''), con.contype, pg_get_constraintdef(con.oid)
FROM pg_constraint con LEFT JOIN pg_class cl ON cl.oid = con.conrelid
WHERE con.connamespace = :ns
  AND {_NOT_EXTENSION.format(catalog="'pg_class'", oid="coalesce(cl.oid, 0)")}
"""
_TRIGGERS = """
SELECT t.tgname, c.relname, pg_get_triggerdef(t.oid), t.tgenabled
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE c.relnamespace = :ns AND NOT t.tgisinternal
"""
_RULES = """
SELECT r.rulename, c.relname, pg_get_ruledef(r.oid)
FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
WHERE c.relnamespace = :ns AND r.rulename <> '_RETURN'
"""
_POLICIES = """
SELECT p.polname, c.relname, p.polcmd, p.polpermissive,
       coalesce(pg_get_expr(p.polqual, p.polrelid), ''),
       coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')
FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid WHERE c.relnamespace = :ns
"""
_FUNCTIONS = f"""
SELECT p.proname, pg_get_function_identity_arguments(p.oid), p.prokind,
       pg_get_function_result(p.oid), md5(coalesce(p.prosrc, ''))
FROM pg_proc p WHERE p.pronamespace = :ns
  AND {_NOT_EXTENSION.format(catalog="'pg_proc'", oid="p.oid")}
"""
_TYPES = f"""
SELECT t.typname, t.typtype,
       coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
                 FROM pg_enum e WHERE e.enumtypid = t.oid), ''),
       coalesce(format_type(t.typbasetype, t.typtypmod), '')
FROM pg_type t LEFT JOIN pg_class c ON c.oid = t.typrelid
WHERE t.typnamespace = :ns
  AND (t.typrelid = 0 OR c.relkind = 'c')
  AND NOT EXISTS (SELECT 1 FROM pg_type el WHERE el.typarray = t.oid)
  AND {_NOT_EXTENSION.format(catalog="'pg_type'", oid="t.oid")}
"""
# Foreign keys are enforced by internal triggers; ALTER TABLE ... DISABLE TRIGGER ALL
# switches them off without a trace in the constraint itself.
_FOREIGN_KEYS_OFF = """
SELECT DISTINCT c.relname
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE c.relnamespace = :ns AND t.tgisinternal AND t.tgenabled = 'D'
ORDER BY c.relname
"""
_VIEW_KINDS = {"v": "view", "m": "materialized view"}
_ROUTINE_KINDS = {"p": "procedure", "a": "aggregate", "w": "window function"}
_TYPE_KINDS = {"e": "enum type", "d": "domain", "r": "range type", "c": "composite type"}
_CONSTRAINT_KINDS = {
    "p": "primary key",
    "f": "foreign key",
    "u": "unique constraint",
    "c": "check constraint",
    "x": "exclusion constraint",
    "t": "constraint trigger",
    "n": "not-null constraint",
}


def _unqualified(sql: str, schema: str) -> str:
    """``sql`` without the schema's name in front of object names, spacing normalised."""
    names = [re.escape(schema), re.escape(f'"{schema}"')]
    if schema.startswith("pg_temp"):
        names += [r"pg_temp_\d+", "pg_temp"]
    pattern = rf"(?<![\w\"'$.])(?:{'|'.join(names)})\."
    return re.sub(r"\s+", " ", re.sub(pattern, "", sql or "")).strip()


def read_schema(conn: Connection, schema: str) -> set[Entry]:
    """Everything the catalog holds in ``schema``, read with that schema first on the path."""
    with _on_search_path(conn, schema):
        ns = conn.execute(
            text("SELECT CAST(CAST(:s AS regnamespace) AS oid)"), {"s": _quoted(schema)}
        ).scalar()
        return _entries(conn, int(ns or 0), schema)


def _entries(conn: Connection, ns: int, schema: str) -> set[Entry]:
    def rows(query: str) -> list[tuple[object, ...]]:
        return [tuple(row) for row in conn.execute(text(query), {"ns": ns})]

    def clean(sql: object) -> str:
        return _unqualified(str(sql or ""), schema)

    found: set[Entry] = set()
    for name, kind, persistence, rls, forced in rows(_TABLES):
        flags = [{"r": "table", "p": "partitioned table", "f": "foreign table"}[str(kind)]]
        flags += ["unlogged"] if persistence == "u" else []
        flags += ["row level security"] if rls else []
        flags += ["forced row level security"] if forced else []
        found.add(Entry("table", str(name), " ".join(flags), str(name)))
    for table, column, type_, not_null, default, identity, generated in rows(_COLUMNS):
        parts = [str(type_), "NOT NULL" if not_null else "NULL"]
        parts += [f"DEFAULT {clean(default)}"] if default is not None else []
        parts += [f"IDENTITY {identity}"] if identity else []
        parts += [f"GENERATED {generated}"] if generated else []
        found.add(Entry("column", f"{table}.{column}", " ".join(parts), str(table)))
    for name, table, definition in rows(_INDEXES):
        found.add(Entry("index", str(name), clean(definition), str(table)))
    for name, *params in rows(_SEQUENCES):
        found.add(Entry("sequence", str(name), " ".join(map(str, params))))
    for name, kind, definition in rows(_VIEWS):
        found.add(Entry(_VIEW_KINDS[str(kind)], str(name), clean(definition), str(name)))
    for name, table, kind, definition in rows(_CONSTRAINTS):
        label = _CONSTRAINT_KINDS.get(str(kind), "constraint")
        where = f"{name} on table {table}" if table else str(name)
        found.add(Entry(label, where, clean(definition), str(table)))
    for name, table, definition, enabled in rows(_TRIGGERS):
        state = " (switched off)" if enabled == "D" else f" ({enabled})"
        found.add(
            Entry("trigger", f"{name} on table {table}", clean(definition) + state, str(table))
        )
    for name, table, definition in rows(_RULES):
        found.add(Entry("rule", f"{name} on table {table}", clean(definition), str(table)))
    for name, table, *definition in rows(_POLICIES):
        found.add(
            Entry("row policy", f"{name} on table {table}", clean(" ".join(map(str, definition))))
        )
    for name, arguments, kind, result, body in rows(_FUNCTIONS):
        routine = _ROUTINE_KINDS.get(str(kind), "function")
        signature = f"{name}({clean(arguments)})"
        found.add(Entry(routine, signature, f"{clean(result)} {body}"))
    for name, kind, labels, base in rows(_TYPES):
        found.add(Entry(_TYPE_KINDS.get(str(kind), "type"), str(name), f"{labels} {clean(base)}"))
    return found


def foreign_keys_switched_off(conn: Connection, schema: str | None = None) -> list[str]:
    """The tables of ``schema`` (the program's) whose foreign-key checks are disabled."""
    schema = schema or program_schema(conn)
    ns = conn.execute(
        text("SELECT CAST(CAST(:s AS regnamespace) AS oid)"), {"s": _quoted(schema)}
    ).scalar()
    return [str(name) for (name,) in conn.execute(text(_FOREIGN_KEYS_OFF), {"ns": ns})]


def event_triggers(conn: Connection) -> list[str]:
    """Database-wide event triggers (on DDL): BridgeDesk never makes one."""
    return [str(n) for (n,) in conn.execute(text("SELECT evtname FROM pg_event_trigger"))]


def stamped_revision(conn: Connection) -> str | None:
    """The revision in the program's alembic_version table, None when there is none."""
    if not inspect(conn).has_table(migrate.VERSION_TABLE):
        return None
    row = conn.execute(text(f"SELECT version_num FROM {migrate.VERSION_TABLE}")).first()
    return None if row is None else str(row[0])


def program_schema(conn: Connection) -> str:
    """The schema the program lives in: the first one on the connection's search path."""
    return str(conn.execute(text("SELECT current_schema()")).scalar() or "public")


# ---- what the migrations build ---------------------------------------------------------
def expected_schema(conn: Connection, revision: str) -> set[Entry]:
    """The schema the migrations build up to ``revision``, built and read inside a savepoint.

    Runs inside the caller's transaction; everything it creates is rolled back before it
    returns, so it changes nothing (a sequence it advanced is its own, and gone too).
    """
    from alembic import command

    savepoint = conn.begin_nested()
    try:
        schema = _scratch_schema(conn)
        conn.execute(text(f"SET LOCAL search_path TO {_quoted(schema)}"))
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        ns = conn.execute(
            text("SELECT CAST(CAST(:s AS regnamespace) AS oid)"), {"s": _quoted(schema)}
        ).scalar()
        return _entries(conn, int(ns or 0), schema)
    finally:
        savepoint.rollback()


def _scratch_schema(conn: Connection) -> str:
    """A new, empty schema of our own; ``pg_temp`` when the user may not create one."""
    name = f"{SCRATCH_PREFIX}{uuid.uuid4().hex[:12]}"
    attempt = conn.begin_nested()
    try:
        conn.execute(text(f"CREATE SCHEMA {name}"))
    except DBAPIError as exc:
        attempt.rollback()
        if getattr(exc.orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
            raise
        # The session's own temporary schema: every user may create tables there.
        conn.execute(text("CREATE TEMP TABLE bridgedesk_scratch_probe (x int)"))
        conn.execute(text("DROP TABLE bridgedesk_scratch_probe"))
        return str(
            conn.execute(
                text("SELECT nspname FROM pg_namespace WHERE oid = pg_my_temp_schema()")
            ).scalar()
        )
    attempt.commit()
    return name


# ---- the comparison --------------------------------------------------------------------
def schema_differences(
    conn: Connection, revision: str, want: set[Entry] | None = None
) -> list[str]:
    """Every way the program's schema differs from its revision's (``want``, built when not
    given); empty when they are equal."""
    have = read_schema(conn, program_schema(conn))
    if want is None:
        want = expected_schema(conn, revision)
    found = differences(have, want)
    found += [
        f"its foreign-key checks on table {t} are switched off"
        for t in foreign_keys_switched_off(conn)
    ]
    found += [
        f"it has an event trigger {name} that BridgeDesk did not make"
        for name in event_triggers(conn)
    ]
    return found


def differences(have: set[Entry], want: set[Entry]) -> list[str]:
    """One sentence per difference; a missing or extra table counts once, not per column."""
    have_by = {(e.kind, e.name): e for e in have}
    want_by = {(e.kind, e.name): e for e in want}
    extra_tables = {n for k, n in have_by.keys() - want_by.keys() if k == "table"}
    missing_tables = {n for k, n in want_by.keys() - have_by.keys() if k == "table"}
    found = []
    for key in sorted(have_by.keys() - want_by.keys(), key=_order):
        entry = have_by[key]
        if entry.kind == "table" or entry.table not in extra_tables:
            found.append(
                f"it has {_article(entry.kind)} {entry.kind} {entry.name} that BridgeDesk did not make"
            )
    for key in sorted(want_by.keys() - have_by.keys(), key=_order):
        entry = want_by[key]
        if entry.kind == "table" or entry.table not in missing_tables:
            found.append(f"its {entry.kind} {entry.name} is missing")
    for key in sorted(have_by.keys() & want_by.keys(), key=_order):
        if have_by[key].definition != want_by[key].definition:
            found.append(f"its {key[0]} {key[1]} was changed")
    return found


def _order(key: tuple[str, str]) -> tuple[int, str, str]:
    first = ("table", "column", "view", "materialized view", "trigger", "rule")
    return (first.index(key[0]) if key[0] in first else len(first), key[0], key[1])


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


# ---- an empty database -----------------------------------------------------------------
_ANY_OBJECT = f"""
SELECT kind, name FROM (
  SELECT 1 AS o, 'table' AS kind, n.nspname || '.' || c.relname AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname NOT IN {SYSTEM_SCHEMAS} AND n.nspname NOT LIKE 'pg\\_%'
    AND {_CLASS_NOT_EXTENSION}
  UNION ALL
  SELECT 2, 'function', n.nspname || '.' || p.proname
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE n.nspname NOT IN {SYSTEM_SCHEMAS} AND n.nspname NOT LIKE 'pg\\_%'
    AND {_NOT_EXTENSION.format(catalog="'pg_proc'", oid="p.oid")}
  UNION ALL
  SELECT 3, 'type', n.nspname || '.' || t.typname
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
  WHERE n.nspname NOT IN {SYSTEM_SCHEMAS} AND n.nspname NOT LIKE 'pg\\_%'
    AND {_NOT_EXTENSION.format(catalog="'pg_type'", oid="t.oid")}
    AND t.typrelid = 0  -- row types go with their tables
    AND NOT EXISTS (SELECT 1 FROM pg_type el WHERE el.typarray = t.oid)  -- arrays with theirs
  UNION ALL
  SELECT 4, 'schema', n.nspname FROM pg_namespace n
  WHERE n.nspname NOT IN {SYSTEM_SCHEMAS} AND n.nspname NOT LIKE 'pg\\_%'
    AND n.nspname <> 'public'
  UNION ALL
  SELECT 5, 'event trigger', evtname FROM pg_event_trigger
) AS everything ORDER BY o, name LIMIT 1
"""


def first_object(conn: Connection) -> str | None:
    """The first thing found in the database outside PostgreSQL's own schemas, in words.

    None for an empty database (as CREATE DATABASE makes it): a restore goes only there.
    """
    row = conn.execute(text(_ANY_OBJECT)).first()
    return None if row is None else f"{row[0]} {row[1]}"


# ---- helpers ---------------------------------------------------------------------------
def _quoted(schema: str) -> str:
    return (
        schema
        if re.fullmatch(r"[a-z_][a-z0-9_]*", schema)
        else '"' + schema.replace('"', '""') + '"'
    )


@contextmanager
def _on_search_path(conn: Connection, schema: str) -> Iterator[None]:
    """``schema`` alone on the search path while reading (undone with a savepoint)."""
    savepoint = conn.begin_nested()
    try:
        conn.execute(text(f"SET LOCAL search_path TO {_quoted(schema)}"))
        yield
    finally:
        savepoint.rollback()
