"""Shared fixtures: every test gets its own program database file under tmp_path."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bridgedesk.bootstrap import open_program  # noqa: E402
from bridgedesk.paths import DataPaths  # noqa: E402
from bridgedesk.services.context import ServiceContext  # noqa: E402


@pytest.fixture
def data_paths(tmp_path) -> DataPaths:
    return DataPaths(tmp_path / "data").ensure()


@pytest.fixture
def ctx(data_paths) -> ServiceContext:
    """A migrated program database with the default content, acting as 'tester'."""
    context = open_program(data_paths, actor="tester")
    yield context
    context.db.dispose()
