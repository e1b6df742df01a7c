"""Where the open program is kept: a SQLite file in the data folder, or a database server."""

from __future__ import annotations

from bridgedesk.services.context import ServiceContext


def is_program_file(ctx: ServiceContext) -> bool:
    """True for a SQLite program file, which BridgeDesk itself backs up into backups/.

    A server database (PostgreSQL) has no file here: it is backed up with
    ``bridgedesk backup`` (pg_dump) or by the server's administrator.
    """
    return ctx.db.engine.dialect.name == "sqlite"
