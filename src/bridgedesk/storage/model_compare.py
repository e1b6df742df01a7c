"""The program's tables compared with BridgeDesk's models, as Alembic's ``check`` does.

``alembic check`` (``command.check``) asks autogenerate whether a new migration would be
needed; the same comparison (:func:`alembic.autogenerate.compare_metadata`) run on a
program's own database says whether the models this version was built with match the
tables it is about to work on. It only means something at the head revision (the models
are head's), so callers run it there. Each difference becomes a key (kind, name), as
:mod:`bridgedesk.storage.server_schema` names things, so a difference already named by the
revision's comparison is not said twice.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from bridgedesk.storage.migrate import VERSION_TABLE
from bridgedesk.storage.models import Base

Difference = tuple[str, str, str]  # (kind, name, sentence)


def model_differences(conn: Connection) -> list[Difference]:
    """Every way the connected database's tables differ from the models; empty when equal."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    context = MigrationContext.configure(
        conn,
        opts={"compare_type": True, "target_metadata": Base.metadata},
    )
    found: list[Difference] = []
    for diff in compare_metadata(context, Base.metadata):
        for item in diff if isinstance(diff, list) else [diff]:
            said = _said(item)
            if said is not None and said[1] != VERSION_TABLE:
                found.append(said)
    return found


def _said(item: tuple[Any, ...]) -> Difference | None:
    """One autogenerate directive as (kind, name, sentence)."""
    op = item[0]
    extra = op.startswith("remove_")
    if op in ("add_table", "remove_table"):
        kind, name = "table", item[1].name
    elif op in ("add_column", "remove_column"):
        kind, name = "column", f"{item[2]}.{item[3].name}"
    elif op in ("add_index", "remove_index"):
        kind, name = "index", item[1].name
    elif op in ("add_constraint", "remove_constraint", "add_fk", "remove_fk"):
        constraint = item[1]
        kind = "foreign key" if op.endswith("_fk") else "unique constraint"
        name = f"{constraint.name} on table {constraint.table.name}"
    elif op.startswith("modify_"):
        column = f"{item[2]}.{item[3]}"
        what = op.removeprefix("modify_").replace("nullable", "nullability")
        return "column", column, f"its column {column} differs from BridgeDesk's models ({what})"
    else:
        return "other", op, f"it differs from BridgeDesk's models ({op.replace('_', ' ')})"
    if extra:
        sentence = f"it has a {kind} {name} that BridgeDesk's models do not have"
    else:
        sentence = f"its {kind} {name}, which BridgeDesk's models have, is missing"
    return kind, name, sentence
