"""The program's own consistency, read with plain queries on SQLite and PostgreSQL alike.

Foreign keys are enforced by the database, but not always: a session with
``session_replication_role = replica``, a table whose triggers were switched off, a
restore tool that skipped the constraints. :func:`orphan_rows` looks for rows that point at
a row that is not there, for every foreign key the models declare. :func:`stored_rows` and
:func:`scratch_copy` let the service layer recount a derived table (the checklist summary)
without writing to it. Counts and table names only, never a row's contents.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Table, and_, exists, func, select, text

from bridgedesk.storage.copy_verification import normalised
from bridgedesk.storage.models import Base


def orphan_rows(conn: Connection) -> list[str]:
    """One sentence per foreign key with rows pointing at a row that is not there."""
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in sorted(table.foreign_key_constraints, key=lambda f: str(f.name)):
            parent = fk.referred_table.alias("parent")
            matched = and_(*[parent.c[el.column.name] == el.parent for el in fk.elements])
            query = (
                select(func.count())
                .select_from(table)
                .where(*[column.isnot(None) for column in fk.columns], ~exists().where(matched))
            )
            count = int(conn.execute(query).scalar() or 0)
            if count:
                columns = ", ".join(column.name for column in fk.columns)
                rows = "1 row" if count == 1 else f"{count:,} rows"
                found.append(
                    f"table {table.name} has {rows} whose {columns} points at no row "
                    f"of {fk.referred_table.name}"
                )
    return found


def stored_rows(
    conn: Connection, table: Table, leave_out: tuple[str, ...] = ("id",)
) -> list[tuple[Any, ...]]:
    """Every row of ``table`` (without the ``leave_out`` columns), values normalised, sorted."""
    columns = [c for c in table.columns if c.name not in leave_out]
    rows = [tuple(normalised(v) for v in row) for row in conn.execute(select(*columns))]
    return sorted(rows, key=repr)


@contextmanager
def scratch_copy(conn: Connection, table: Table) -> Iterator[None]:
    """While inside, ``table``'s name means an empty temporary copy of it on ``conn``.

    Both SQLite and PostgreSQL look for an unqualified table name among the connection's
    temporary tables first, so code that writes to ``table`` (a summary's refresh) writes
    to the copy: the real table is neither written nor locked. The copy has the columns but
    no constraints or defaults (its ids stay empty), and is dropped on the way out. Read
    the real table before entering.
    """
    if table.schema is not None:  # a qualified name would reach the real table
        raise ValueError(f"{table.name} is schema-qualified; it cannot be shadowed")
    name = conn.dialect.identifier_preparer.quote(table.name)
    source = "main" if conn.dialect.name == "sqlite" else _schema(conn)
    conn.execute(text(f"CREATE TEMP TABLE {name} AS SELECT * FROM {source}.{name} WHERE 1 = 0"))
    try:
        yield
    finally:
        conn.execute(
            text(f"DROP TABLE temp.{name}" if source == "main" else f"DROP TABLE pg_temp.{name}")
        )


def _schema(conn: Connection) -> str:
    schema = str(conn.execute(text("SELECT current_schema()")).scalar())
    return conn.dialect.identifier_preparer.quote(schema)
