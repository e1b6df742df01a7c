"""Insights view: create, advance through the workflow, edit what changed, on real SQLite."""

from __future__ import annotations

import datetime as dt

import pytest

from bridgedesk.domain.enums import InsightStatus
from bridgedesk.services.insights.service import InsightFields, InsightRow, InsightService
from bridgedesk.ui.models.insights_model import DESCRIPTION, STATUS, InsightsModel
from bridgedesk.ui.screens.insights.insights_view import InsightsView
from bridgedesk.ui.view_env import ViewEnv

from .conftest import TODAY


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


def test_model_filters_by_status_and_shortens_long_text():
    row = InsightRow(1, TODAY, "Ana", None, "", "Care", "x" * 10_000, InsightStatus.RAISED, "")
    other = InsightRow(2, TODAY, "Bo", None, "", "", "short", InsightStatus.CLOSED, "")
    model = InsightsModel()
    model.set_rows([row, other])
    assert len(model.data(model.index(0, DESCRIPTION))) == 161
    model.set_status_filter("closed")
    assert model.rowCount() == 1 and model.data(model.index(0, STATUS)) == "Closed"


def test_create_and_advance_with_only_legal_buttons(qtbot, env, monkeypatch):
    view = InsightsView(env)
    qtbot.addWidget(view)
    view.show()
    env.dialogs.text_answer = "Talked at the <b>&amp;</para> meeting"
    dialog = view.new_insight()
    assert dialog.save() is False  # no description
    dialog.raised_by.setText("ሰላም ተስፋዬ")
    dialog.category.setText("Patient safety")
    dialog.description.setPlainText("Herbal remedies are missed at medication reconciliation.")
    with qtbot.waitSignal(dialog.saved) as saved:
        assert dialog.save()
    insight_id = saved.args[0]
    assert view.selected_id() == insight_id
    buttons = view.move_buttons

    def enabled() -> set[InsightStatus]:
        return {status for status, button in buttons.items() if button.isEnabled()}

    assert enabled() == {InsightStatus.DISCUSSED, InsightStatus.CLOSED}
    buttons[InsightStatus.DISCUSSED].click()
    assert InsightService(env.ctx).get(insight_id).status == InsightStatus.DISCUSSED
    assert enabled() == {InsightStatus.ACTED_ON, InsightStatus.CLOSED}
    buttons[InsightStatus.ACTED_ON].click()
    record = InsightService(env.ctx).get(insight_id)
    assert record.status == InsightStatus.ACTED_ON
    assert "Acted on: Talked at the <b>&amp;</para> meeting" in record.fields.outcome
    assert enabled() == {InsightStatus.CLOSED}
    assert not buttons[InsightStatus.RAISED].isEnabled()

    view.changed.setPlainText("Pharmacists now ask about traditional remedies.")
    assert view.save_changed_practice()
    assert InsightService(env.ctx).get(insight_id).fields.changed_practice.startswith("Pharmacists")
    view.status.select("acted_on")
    assert view.model.rowCount() == 1
    view.status.select("raised")
    assert view.model.rowCount() == 0


def test_cancelled_note_moves_nothing(qtbot, env, monkeypatch):
    service = InsightService(env.ctx)
    insight_id = service.create(
        InsightFields(raised_on=dt.date(2026, 1, 5), description="Interpreters on weekends")
    )
    view = InsightsView(env)
    qtbot.addWidget(view)
    view.select_insight(insight_id)
    env.dialogs.text_answer = None  # the director cancels the note
    view.move_buttons[InsightStatus.CLOSED].click()
    assert service.get(insight_id).status == InsightStatus.RAISED
