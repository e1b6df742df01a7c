"""ensure_defaults runs at every start: a filled program costs one query and is not touched;
an emptied table is filled again, alone."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from bridgedesk.services.program.defaults import ensure_defaults
from bridgedesk.storage.models import ChecklistTemplate, CredentialKind, Phase, ScheduleItem


def _counts(session) -> tuple[int, int, int]:
    return tuple(  # type: ignore[return-value]
        session.scalar(select(func.count()).select_from(model))
        for model in (Phase, CredentialKind, ChecklistTemplate)
    )


def test_a_filled_program_is_left_alone(ctx):
    with ctx.unit_of_work() as session:
        before = _counts(session)
        assert all(before)
        assert ensure_defaults(session) is False
        assert _counts(session) == before


def test_an_emptied_table_is_filled_again_alone(ctx):
    with ctx.unit_of_work() as session:
        phases, kinds, templates = _counts(session)
        session.execute(delete(CredentialKind))
    with ctx.unit_of_work() as session:
        assert ensure_defaults(session) is True
    with ctx.read() as session:
        assert _counts(session) == (phases, kinds, templates)
        assert session.scalar(select(func.count()).select_from(ScheduleItem)) > 0
    with ctx.unit_of_work() as session:
        assert ensure_defaults(session) is False
