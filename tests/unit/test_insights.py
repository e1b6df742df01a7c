"""Insights: the raised -> discussed -> acted_on -> closed workflow and program settings."""

from __future__ import annotations

import datetime as dt

import pytest

from bridgedesk.domain.enums import InsightStatus
from bridgedesk.errors import ConflictError, UserError, ValidationError
from bridgedesk.services.insights.service import InsightFields, InsightService, can_advance
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program import details as program_settings


@pytest.fixture
def svc(ctx) -> InsightService:
    return InsightService(ctx)


def insight(**over) -> InsightFields:
    base = InsightFields(
        raised_by="محمد عبد الله",
        raised_on=dt.date(2025, 3, 1),
        category="Language access",
        description="Interpreter line rings out at night <b>&amp;</para>",
    )
    for k, v in over.items():
        setattr(base, k, v)
    return base


def test_create_get_update_and_rows(ctx, svc):
    mentee_id = RosterService(ctx, clock=lambda: dt.date(2025, 6, 1)).create(
        MenteeFields(given_names="Mohammed", family_name="Abdullah", start_date=dt.date(2025, 1, 1))
    )
    iid = svc.create(insight(mentee_id=mentee_id))
    rec = svc.get(iid)
    assert rec.status == InsightStatus.RAISED and rec.fields.raised_by == "محمد عبد الله"
    assert rec.fields.description.endswith("<b>&amp;</para>")
    rec.fields.action = "Night interpreter contract"
    assert svc.update(iid, rec.fields, rec.version) == 2
    with pytest.raises(ConflictError):
        svc.update(iid, rec.fields, rec.version)
    rows = svc.rows()
    assert [(r.id, r.mentee_name, r.status) for r in rows] == [
        (iid, "Mohammed Abdullah", InsightStatus.RAISED)
    ]
    with pytest.raises(ValidationError) as err:
        svc.create(InsightFields())
    assert set(err.value.problems) == {"description", "raised_on"}


def test_workflow_forward_close_and_reopen(svc):
    iid = svc.create(insight())
    svc.advance(iid, InsightStatus.DISCUSSED, "Discussed at staff meeting")
    with pytest.raises(UserError) as err:
        svc.advance(iid, InsightStatus.RAISED, "")
    assert "cannot be moved" in str(err.value)
    assert svc.get(iid).status == InsightStatus.DISCUSSED
    svc.advance(iid, InsightStatus.ACTED_ON, "Contract signed")
    svc.advance(iid, InsightStatus.CLOSED, "")
    rec = svc.get(iid)
    assert rec.status == InsightStatus.CLOSED
    assert rec.fields.outcome == "Discussed: Discussed at staff meeting\nActed on: Contract signed"
    with pytest.raises(UserError):
        svc.advance(iid, InsightStatus.ACTED_ON, "")
    svc.advance(iid, InsightStatus.RAISED, "reopened")
    assert svc.get(iid).status == InsightStatus.RAISED
    other = svc.create(insight())
    svc.advance(other, InsightStatus.CLOSED, "")  # close from any open state
    with pytest.raises(UserError):
        svc.advance(svc.create(insight()), InsightStatus.ACTED_ON, "")  # skipping discussed


def test_transition_table():
    assert can_advance(InsightStatus.RAISED, InsightStatus.DISCUSSED)
    assert not can_advance(InsightStatus.ACTED_ON, InsightStatus.DISCUSSED)
    assert can_advance(InsightStatus.CLOSED, InsightStatus.RAISED)
    assert not can_advance(InsightStatus.CLOSED, InsightStatus.CLOSED)


def test_program_settings_round_trip(ctx):
    assert not program_settings.is_configured(ctx)
    program_settings.save(
        ctx, program_settings.ProgramSettings("Ridge County Hospital", "", "Dr Ольга Иванова")
    )
    assert not program_settings.is_configured(ctx)
    settings = program_settings.load(ctx)
    settings.program_name = "  IMG Bridge  "
    program_settings.save(ctx, settings)
    assert program_settings.load(ctx) == program_settings.ProgramSettings(
        "Ridge County Hospital", "IMG Bridge", "Dr Ольга Иванова"
    )
    assert program_settings.is_configured(ctx)
    with pytest.raises(ValidationError):
        program_settings.save(ctx, program_settings.ProgramSettings("x" * 201, "p", "d"))
