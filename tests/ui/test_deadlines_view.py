"""Deadlines view and credential dialog on a real SQLite program file."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QPalette

from bridgedesk.domain.enums import Tier
from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.ui.models.deadlines_model import (
    BAND_ROLE,
    MENTEE,
    ROW_ID_ROLE,
    WHEN,
    DeadlineFilter,
    DeadlinesTableModel,
    band_colour,
    when_text,
)
from bridgedesk.ui.screens.deadlines.deadlines_view import DeadlinesView
from bridgedesk.ui.view_env import ViewEnv

from .conftest import TODAY


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


@pytest.fixture
def people(env) -> dict[str, int]:
    roster = RosterService(env.ctx)
    made = {}
    for given, family, native, site in (
        ("Tesfaye", "Selam", "ሰላም ተስፋዬ", "North clinic"),
        ("Olga", "Ivanova", "Ольга Иванова", "Main campus"),
    ):
        made[family] = roster.create(
            MenteeFields(
                given_names=given, family_name=family, native_name=native, site=site,
                start_date=dt.date(2025, 9, 1),
            )
        )  # fmt: skip
    return made


def kind_code(env, tier: Tier) -> str:
    return next(k.code for k in CredentialService(env.ctx).kinds() if k.tier == tier)


def test_when_text_and_band_colours_follow_the_palette():
    assert when_text(-12) == "Lapsed 12 days ago"
    assert when_text(5) == "In 5 days"
    assert when_text(0) == "Expires today"
    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Base, "#ffffff")
    dark.setColor(QPalette.ColorRole.Base, "#202020")
    assert band_colour("30", light) != band_colour("30", dark)
    assert band_colour("30", dark).lightnessF() < 0.5 < band_colour("30", light).lightnessF()
    assert band_colour("later", light) is None


def test_model_filters_without_a_window(env, people):
    service = CredentialService(env.ctx)
    code = kind_code(env, Tier.GOVERNMENT)
    service.add(people["Selam"], CredentialFields(code, expires_on=TODAY - dt.timedelta(days=3)))
    service.add(
        people["Ivanova"], CredentialFields(code, expires_on=TODAY + dt.timedelta(days=100))
    )
    from bridgedesk.services.mentees.directory import mentee_directory

    model = DeadlinesTableModel()
    model.set_rows(service.deadlines(TODAY), mentee_directory(env.ctx))
    assert model.rowCount() == 2
    assert model.data(model.index(0, WHEN)) == "Lapsed 3 days ago"
    model.set_filter(DeadlineFilter(text="ሰላም"))
    assert [model.row_at(0).mentee_id] == [people["Selam"]] and model.rowCount() == 1
    model.set_filter(DeadlineFilter(site="Main campus"))
    assert model.row_at(0).mentee_id == people["Ivanova"] and model.rowCount() == 1
    model.set_filter(DeadlineFilter(within=90))
    assert model.rowCount() == 1 and model.data(model.index(0, MENTEE), BAND_ROLE) == "lapsed"


def test_add_credential_through_dialog_lands_in_30_day_band(qtbot, env, people):
    service = CredentialService(env.ctx)
    hospital = kind_code(env, Tier.HOSPITAL)
    lapsed_id = service.add(
        people["Ivanova"], CredentialFields(hospital, expires_on=TODAY - dt.timedelta(days=12))
    )
    view = DeadlinesView(env)
    qtbot.addWidget(view)
    view.show()
    dialog = view.add_credential()
    dialog.mentee.select(people["Selam"])
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind_code(env, Tier.GOVERNMENT)))
    dialog.number.setText("<b>&amp;</para>")
    dialog.expires.setText("not a date")
    assert dialog.save() is False
    assert "“not a date” is not a date" in dialog.rows["expires_on"].problem()
    assert dialog.expires.text() == "not a date"  # input kept
    dialog.expires.setText((TODAY + dt.timedelta(days=20)).isoformat())
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()

    rows = service.deadlines(TODAY)
    added = next(r for r in rows if r.mentee_id == people["Selam"])
    assert added.band == "30" and added.number == "<b>&amp;</para>"
    assert view.model.data(view.model.index(0, MENTEE), ROW_ID_ROLE) == lapsed_id  # lapsed on top
    assert view.model.data(view.model.index(0, WHEN)) == "Lapsed 12 days ago"
    view.band.select(30)
    shown = {view.model.data(view.model.index(r, MENTEE), ROW_ID_ROLE) for r in range(2)}
    assert shown == {lapsed_id, added.credential_id}
    assert view.select_credential(added.credential_id)
    assert view.model.data(view.table.currentIndex(), BAND_ROLE) == "30"
    assert "In 20 days" in view.panel.tiers[Tier.GOVERNMENT].text()
    assert view.panel.tiers[Tier.HOSPITAL].text() == "No dated credential"


def test_conflict_is_shown_in_words_and_keeps_input(qtbot, env, people, dialogs):
    service = CredentialService(env.ctx)
    code = kind_code(env, Tier.GOVERNMENT)
    cid = service.add(people["Selam"], CredentialFields(code, expires_on=TODAY))
    view = DeadlinesView(env)
    qtbot.addWidget(view)
    dialog = view.open_dialog(cid)
    service.update(cid, CredentialFields(code, number="X1", expires_on=TODAY), 1)
    dialog.note.setPlainText("n" * 10_000)
    assert dialog.save() is False
    assert dialogs.kinds() == ["error"] and "Someone else changed" in dialogs.messages[0][1]
    assert dialog.note.toPlainText() == "n" * 10_000
