"""The revision constants in storage/migrate.py match Alembic's scripts, so they never drift."""

from __future__ import annotations

import sqlite3

from sqlalchemy import create_engine

from bridgedesk.storage import migrate


def test_head_revision_constant_is_alembics_head():
    assert migrate.script_head_revision() == migrate.HEAD_REVISION
    assert migrate.head_revision() == migrate.script_head_revision()


def test_known_revisions_constant_lists_every_script():
    assert migrate.known_revisions() == migrate.script_revisions()
    assert len(migrate.KNOWN_REVISIONS) == len(set(migrate.KNOWN_REVISIONS))


def test_current_revision_reads_what_alembic_stamped(sqlite_ctx):
    from alembic.migration import MigrationContext

    engine = sqlite_ctx.db.engine
    with engine.connect() as conn:
        alembics_answer = MigrationContext.configure(conn).get_current_revision()
    assert migrate.current_revision(engine) == alembics_answer == migrate.HEAD_REVISION


def test_current_revision_of_a_new_file_is_none(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'new.db'}")
    try:
        assert migrate.current_revision(engine) is None
    finally:
        engine.dispose()


def test_an_emptied_version_table_reads_as_none(tmp_path):
    path = tmp_path / "empty-version.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    conn.commit()
    conn.close()
    engine = create_engine(f"sqlite:///{path}")
    try:
        assert migrate.current_revision(engine) is None
        assert migrate.upgrade(engine) is True  # no foreign tables: the schema is created
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        assert migrate.upgrade(engine) is False
    finally:
        engine.dispose()
