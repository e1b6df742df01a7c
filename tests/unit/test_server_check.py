"""``bridgedesk check`` on a shared PostgreSQL server: OK on a fresh demo, one sentence per problem.

Every test works on its own copy of a demo program written by the real ``bridgedesk demo`` on
the throwaway server, damages it by hand as a person with psql could, and runs the real
command in this process.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bridgedesk.bootstrap import open_program
from bridgedesk.cli.main import main
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.storage import migrate
from tests.unit.server_programs import database, demo_templates, run_sql, scalar


@pytest.fixture(scope="module")
def templates(postgres_admin, tmp_path_factory):
    """(the demo as written by bridgedesk demo, the same with its sequences caught up)."""
    server_url, admin = postgres_admin
    with demo_templates(server_url, admin, tmp_path_factory.mktemp("demo-data")) as names:
        yield names


@pytest.fixture
def fresh_demo_url(postgres_admin, templates):
    server_url, admin = postgres_admin
    with database(server_url, admin, templates[0]) as url:
        yield url


@pytest.fixture
def demo_url(postgres_admin, templates):
    server_url, admin = postgres_admin
    with database(server_url, admin, templates[1]) as url:
        yield url


def check(capsys, tmp_path, url: str) -> tuple[int, list[str], str]:
    code = main(["--data-dir", str(tmp_path / "data"), "--database-url", url, "check"])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def problems(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("Problem: ")]


def name_of(url: str) -> str:
    return str(make_url(url).database)


def test_a_fresh_demo_on_the_server_checks_ok(capsys, tmp_path, fresh_demo_url):
    code, lines, err = check(capsys, tmp_path, fresh_demo_url)
    assert (err, lines[0]) == ("", f"Server database: {fresh_demo_url}")
    assert (code, lines[1:]) == (0, ["OK"])


def test_a_sound_demo_on_the_server_checks_ok(capsys, tmp_path, demo_url):
    code, lines, err = check(capsys, tmp_path, demo_url)
    assert (code, err) == (0, "")
    assert lines == [f"Server database: {demo_url}", "OK"]


def test_a_dropped_index_is_one_sentence_and_the_newest_backup_is_named(capsys, tmp_path, demo_url):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "--database-url", demo_url, "backup"]) == 0
    written = capsys.readouterr().out.splitlines()[-1].split(": ", 1)[1]
    run_sql(demo_url, "DROP INDEX ix_checklist_summaries_rollup")
    code, lines, _ = check(capsys, tmp_path, demo_url)
    assert code == 1
    assert problems(lines) == [
        f"Problem: database {name_of(demo_url)}: its index ix_checklist_summaries_rollup "
        "is missing."
    ]
    assert lines[-2:] == [
        f"Newest server backup: {written}",
        "Restore it into a new, empty database with: bridgedesk --database-url "
        f"postgresql://USER@SERVER/NEW_DATABASE restore {written}",
    ]


def test_without_a_server_backup_the_check_says_so(capsys, tmp_path, demo_url):
    run_sql(demo_url, "DROP INDEX ix_checklist_summaries_rollup")
    _, lines, _ = check(capsys, tmp_path, demo_url)
    assert lines[-1] == (
        f"No server backup of database {name_of(demo_url)} was found in "
        f"{tmp_path / 'data' / 'backups'}."
    )


def test_an_extra_trigger_is_named_with_its_function(capsys, tmp_path, demo_url):
    run_sql(
        demo_url,
        "CREATE FUNCTION forget() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN DELETE FROM audit_log; RETURN NEW; END $$",
        "CREATE TRIGGER forget_history AFTER INSERT ON mentees "
        "FOR EACH ROW EXECUTE FUNCTION forget()",
    )
    code, lines, _ = check(capsys, tmp_path, demo_url)
    name = name_of(demo_url)
    assert code == 1
    assert problems(lines) == [
        f"Problem: database {name}: it has a trigger forget_history on table mentees "
        "that BridgeDesk did not make.",
        f"Problem: database {name}: it has a function forget() that BridgeDesk did not make.",
    ]


def test_a_newer_revision_is_refused_and_nothing_else_is_read(capsys, tmp_path, demo_url):
    run_sql(demo_url, "UPDATE alembic_version SET version_num = '9001'")
    code, lines, _ = check(capsys, tmp_path, demo_url)
    assert code == 1
    assert problems(lines) == [
        f"Problem: database {name_of(demo_url)}: it was written by a newer version of "
        "BridgeDesk (schema 9001); install that version or newer to check or open it."
    ]


def test_an_orphan_row_slipped_past_the_foreign_keys_is_found(capsys, tmp_path, demo_url):
    engine = create_engine(demo_url)
    with engine.begin() as conn:  # as a replication tool or a careless restore would
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text("CREATE TEMP TABLE one_goal AS SELECT * FROM goals LIMIT 1"))
        conn.execute(text("UPDATE one_goal SET id = nextval('goals_id_seq'), mentee_id = 987654"))
        conn.execute(text("INSERT INTO goals SELECT * FROM one_goal"))
    engine.dispose()
    code, lines, _ = check(capsys, tmp_path, demo_url)
    assert code == 1
    assert problems(lines) == [
        f"Problem: database {name_of(demo_url)}: table goals has 1 row whose mentee_id "
        "points at no row of mentees."
    ]


def test_an_extension_the_administrator_installed_is_no_problem(capsys, tmp_path, demo_url):
    """citext puts a type, functions and operators into public: they are the extension's."""
    run_sql(demo_url, "CREATE EXTENSION citext")
    code, lines, _ = check(capsys, tmp_path, demo_url)
    assert (code, lines[1:]) == (0, ["OK"])


def test_switched_off_foreign_keys_are_named(capsys, tmp_path, demo_url):
    run_sql(demo_url, "ALTER TABLE checkins DISABLE TRIGGER ALL")
    code, lines, _ = check(capsys, tmp_path, demo_url)
    assert code == 1
    assert problems(lines) == [
        f"Problem: database {name_of(demo_url)}: its foreign-key checks on table checkins "
        "are switched off."
    ]


def test_a_summary_that_differs_from_a_recount_is_found_and_left_as_it_was(
    capsys, tmp_path, demo_url
):
    query = "SELECT mentee_id FROM checklist_summaries ORDER BY id LIMIT 1"
    mentee = scalar(demo_url, query)
    run_sql(
        demo_url,
        "UPDATE checklist_summaries SET latest_proficient = latest_proficient + 1 "
        "WHERE id = (SELECT min(id) FROM checklist_summaries)",
    )
    before = scalar(demo_url, "SELECT sum(latest_proficient) FROM checklist_summaries")
    code, lines, _ = check(capsys, tmp_path, demo_url)
    assert code == 1
    assert problems(lines) == [
        f"Problem: database {name_of(demo_url)}: its checklist summary of 1 mentee "
        f"(id {mentee}) differs from a recount of their ratings."
    ]
    # the recount went to a temporary copy: the stored rows are as they were
    assert scalar(demo_url, "SELECT sum(latest_proficient) FROM checklist_summaries") == before


def test_a_sequence_behind_its_ids_is_found(capsys, tmp_path, demo_url):
    run_sql(demo_url, "SELECT setval('mentors_id_seq', 3)")
    code, lines, _ = check(capsys, tmp_path, demo_url)
    top = scalar(demo_url, "SELECT max(id) FROM mentors")
    assert code == 1
    assert problems(lines) == [
        f"Problem: database {name_of(demo_url)}: its table mentors would give the next new "
        f"row the id 4, which is taken (the highest is {top}); adding one would fail."
    ]


def test_after_demo_on_the_server_a_new_mentee_can_be_added(fresh_demo_url, tmp_path):
    """The demo writes rows with their own ids; the id sequences must follow them."""
    highest = scalar(fresh_demo_url, "SELECT max(id) FROM mentees")
    ctx = open_program(DataPaths(tmp_path / "data"), fresh_demo_url, actor="tester")
    try:
        created = RosterService(ctx, clock=lambda: dt.date(2026, 3, 12)).create(
            MenteeFields(given_names="Nadia", family_name="Rahman", start_date=dt.date(2026, 3, 1))
        )
    finally:
        ctx.db.dispose()
    assert created == highest + 1


def test_an_empty_database_and_a_foreign_one_are_said(capsys, tmp_path, postgres_admin):
    server_url, admin = postgres_admin
    with database(server_url, admin) as url:
        code, lines, _ = check(capsys, tmp_path, url)
        assert code == 1
        assert problems(lines) == [
            f"Problem: database {name_of(url)}: it is empty: there is no BridgeDesk program "
            "in it yet."
        ]
        run_sql(url, "CREATE TABLE invoices (id serial PRIMARY KEY, total numeric)")
        code, lines, _ = check(capsys, tmp_path, url)
        assert code == 1
        assert problems(lines) == [
            f"Problem: database {name_of(url)}: it is not a BridgeDesk database (it holds "
            "table public.invoices and no schema revision)."
        ]


def test_an_older_revision_is_compared_with_its_own_schema(capsys, tmp_path, postgres_admin):
    """A server still at an older revision is compared with what that revision built."""
    from alembic import command

    older = migrate.KNOWN_REVISIONS[-2]
    server_url, admin = postgres_admin
    with database(server_url, admin) as url:
        engine = create_engine(url)
        with engine.begin() as conn:
            cfg = migrate.alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, older)
        engine.dispose()
        code, lines, _ = check(capsys, tmp_path, url)
        assert (code, lines[1:]) == (
            0,
            [
                f"Note: database {name_of(url)} is at schema revision {older}: BridgeDesk "
                f"upgrades it to {migrate.head_revision()} at its next start, and its data "
                "is checked from then on.",
                "OK",
            ],
        )
        run_sql(url, "CREATE INDEX ix_sneaky ON settings (value)")
        code, lines, _ = check(capsys, tmp_path, url)
        assert code == 1
        assert problems(lines) == [
            f"Problem: database {name_of(url)}: it has an index ix_sneaky that BridgeDesk "
            "did not make."
        ]


def test_the_check_leaves_the_server_as_it_was(capsys, tmp_path, demo_url):
    snapshot = (
        "SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace "
        "WHERE nspname NOT LIKE 'pg\\_%'"
    )
    schemas = scalar(demo_url, snapshot)
    sequence = scalar(demo_url, "SELECT last_value FROM checklist_summaries_id_seq")
    assert check(capsys, tmp_path, demo_url)[0] == 0
    assert scalar(demo_url, snapshot) == schemas  # no scratch schema left behind
    assert scalar(demo_url, "SELECT last_value FROM checklist_summaries_id_seq") == sequence


def test_a_user_who_may_not_create_schemas_gets_the_same_check(capsys, tmp_path, demo_url):
    """Without CREATE on the database, the revision's schema is built in pg_temp instead."""
    role = f"reader_{name_of(demo_url)}"
    run_sql(
        demo_url,
        f"CREATE ROLE {role} LOGIN",
        f"REVOKE CREATE ON DATABASE {name_of(demo_url)} FROM PUBLIC",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
    )
    try:
        as_reader = re.sub(r"//postgres@", f"//{role}@", demo_url)
        code, lines, _ = check(capsys, tmp_path, as_reader)
        assert (code, lines[1:]) == (0, ["OK"])
        run_sql(demo_url, "DROP INDEX ix_checklist_summaries_rollup")
        code, lines, _ = check(capsys, tmp_path, as_reader)
        assert code == 1
        assert problems(lines) == [
            f"Problem: database {name_of(demo_url)}: its index ix_checklist_summaries_rollup "
            "is missing."
        ]
    finally:
        run_sql(demo_url, f"DROP OWNED BY {role}", f"DROP ROLE {role}")


def test_an_unreachable_server_is_one_sentence(capsys, tmp_path):
    code, lines, err = check(capsys, tmp_path, "postgresql://director@127.0.0.1:1/program")
    assert code == 1
    assert lines == ["Server database: postgresql+psycopg://director@127.0.0.1:1/program"]
    assert err == (
        "bridgedesk: No database server is running at 127.0.0.1:1, or a firewall blocks it.\n"
    )
