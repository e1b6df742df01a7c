"""Shared fixtures: every test gets its own program database.

``ctx`` runs a test twice: on a SQLite file under tmp_path and on its own database in a
throwaway PostgreSQL server (tests/postgres_server.py). ``sqlite_ctx`` is for tests about
the SQLite file itself.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import create_engine, text  # noqa: E402

from bridgedesk.bootstrap import open_program  # noqa: E402
from bridgedesk.paths import DataPaths  # noqa: E402
from bridgedesk.services.context import ServiceContext  # noqa: E402
from tests.postgres_server import database_url, running_server  # noqa: E402
from tests.unit.password_stores import no_store, store  # noqa: E402, F401 - shared fixtures

TEMPLATE_DB = "bridgedesk_template"


@pytest.fixture
def data_paths(tmp_path) -> DataPaths:
    return DataPaths(tmp_path / "data").ensure()


@pytest.fixture
def sqlite_ctx(data_paths) -> ServiceContext:
    """A migrated SQLite program file with the default content, acting as 'tester'."""
    context = open_program(data_paths, actor="tester")
    yield context
    context.db.dispose()


@pytest.fixture(scope="session")
def postgres_admin(tmp_path_factory):
    """A running PostgreSQL server with a migrated template database holding the defaults."""
    with running_server() as server_url:
        admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{TEMPLATE_DB}"'))
            conn.execute(text(f'CREATE DATABASE "{TEMPLATE_DB}"'))
        template = open_program(
            DataPaths(tmp_path_factory.mktemp("pg-template")),
            database_url=database_url(server_url, TEMPLATE_DB),
        )
        template.db.dispose()
        yield server_url, admin
        admin.dispose()


def _fresh_postgres_database(server_url: str, admin, data_paths: DataPaths):
    name = f"t_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE_DB}"'))
    context = open_program(data_paths, database_url=database_url(server_url, name), actor="tester")
    return name, context


@pytest.fixture(params=["sqlite", "postgresql"])
def ctx(request, data_paths) -> ServiceContext:
    """A migrated program database with the default content, on each supported backend."""
    if request.param == "sqlite":
        context = open_program(data_paths, actor="tester")
        yield context
        context.db.dispose()
        return
    server_url, admin = request.getfixturevalue("postgres_admin")
    name, context = _fresh_postgres_database(server_url, admin, data_paths)
    yield context
    context.db.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _needs_a_server(item: pytest.Item) -> bool:
    """A test on a real PostgreSQL server: the shared one (ctx[postgresql] and friends) or its own."""
    if "postgres_admin" in getattr(item, "fixturenames", ()):
        return True
    callspec = getattr(item, "callspec", None)
    if callspec is not None and "postgresql" in callspec.params.values():
        return True  # ctx[postgresql] asks for the server only when it runs
    module = getattr(item, "module", None)
    return module is not None and hasattr(module, "PrivateServer")


# Folders whose tests run real processes (kills, full disks, installers): the slow tier.
_PROCESS_TIERS = ("safety", "installers")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto``: one worker per core, plus one when the slow tier runs.

    The slow tier's accessibility walk holds its worker for minutes while it mostly waits
    for AT-SPI answers and Tab events; the extra worker keeps every core busy meanwhile. The
    fast tier (``-m "not slow"``) keeps one worker per core.
    """
    if "not slow" in (config.getoption("markexpr", "") or ""):
        return None  # xdist's own count: one per core
    return (os.cpu_count() or 1) + 1


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The fast tier (-m "not slow") runs every rule on SQLite in this process; the slow tier adds
    the PostgreSQL runs and the tests that start, kill or install real processes. CI runs both."""
    for item in items:
        if _needs_a_server(item):
            item.add_marker(pytest.mark.postgres)
            item.add_marker(pytest.mark.slow)
        elif (
            Path(str(item.fspath)).parent.name in _PROCESS_TIERS or "in_a_real_process" in item.name
        ):
            item.add_marker(pytest.mark.slow)
