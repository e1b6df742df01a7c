"""Alembic environment: always run with a connection handed in by bridgedesk.storage.migrate."""

from __future__ import annotations

from alembic import context

from bridgedesk.storage.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("BridgeDesk migrations run through bridgedesk.storage.migrate only")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
