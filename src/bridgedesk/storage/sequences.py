"""The id sequences of a PostgreSQL program, and rows written with ids of their own.

Rows inserted with explicit ids (a copy, the demo, a restore) leave a table's ``serial``
sequence where it was, and the next row added in the window would be given an id that is
already taken. :func:`catch_up` moves every sequence past its table's highest id (never
back: ids of deleted rows stay unused, as the audit trail still names them); :func:`behind`
says which tables would fail that way. Both read the catalog, so they work at any schema
revision. SQLite needs neither: its ``INTEGER PRIMARY KEY`` takes the highest id plus one.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# Every column of the program's schema whose default draws from a sequence it owns.
_SERIAL_COLUMNS = """
SELECT t.relname, a.attname, pg_get_serial_sequence(format('%I', t.relname), a.attname)
FROM pg_class t JOIN pg_attribute a ON a.attrelid = t.oid
WHERE t.relnamespace = CAST(current_schema() AS regnamespace) AND t.relkind IN ('r', 'p')
  AND a.attnum > 0 AND NOT a.attisdropped
  AND pg_get_serial_sequence(format('%I', t.relname), a.attname) IS NOT NULL
ORDER BY t.relname, a.attname
"""


def _positions(conn: Connection) -> list[tuple[str, str, int, int | None]]:
    """(table, sequence, the value it gives next, the table's highest value) per serial column."""
    if conn.dialect.name != "postgresql":
        return []
    quote = conn.dialect.identifier_preparer.quote
    found = []
    for table, column, sequence in conn.execute(text(_SERIAL_COLUMNS)).all():
        top = conn.execute(text(f"SELECT max({quote(column)}) FROM {quote(table)}")).scalar()
        last, called = conn.execute(text(f"SELECT last_value, is_called FROM {sequence}")).one()
        upcoming = int(last) + 1 if called else int(last)
        found.append((str(table), str(sequence), upcoming, None if top is None else int(top)))
    return found


def catch_up(conn: Connection) -> None:
    """Move each sequence that would give a taken id to the table's highest id plus one."""
    for _table, sequence, upcoming, top in _positions(conn):
        if top is not None and upcoming <= top:
            conn.execute(text("SELECT setval(:s, :v, false)"), {"s": sequence, "v": top + 1})


def behind(conn: Connection) -> list[tuple[str, int, int]]:
    """(table, the id its sequence would give next, the highest id) where that id is taken."""
    return [
        (table, upcoming, top)
        for table, _sequence, upcoming, top in _positions(conn)
        if top is not None and upcoming <= top
    ]
