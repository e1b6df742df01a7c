"""Issue 14 on screen: a waiver entered in the credential form, reminders acknowledged, rules
edited, and the calendar exported, as a director does it (pytest-qt, a real program file)."""

from __future__ import annotations

import datetime as dt
import json

from icalendar import Calendar

from bridgedesk.services.credentials import reminders
from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.ui.models import deadlines_model as cols
from bridgedesk.ui.screens.deadlines.deadlines_view import DeadlinesView
from bridgedesk.ui.view_env import ViewEnv

TODAY = dt.date(2026, 4, 1)


def _env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


def _physician(ctx) -> int:
    return RosterService(ctx, clock=lambda: TODAY).create(
        MenteeFields("Selam", "Tesfaye", native_name="ሰላም ተስፋዬ", start_date=dt.date(2026, 1, 5))
    )


def test_a_conrad_waiver_typed_in_the_form_shows_its_dates(qtbot, sqlite_ctx, data_paths, dialogs):
    env = _env(sqlite_ctx, data_paths, dialogs)
    mentee = _physician(env.ctx)
    view = DeadlinesView(env)
    qtbot.addWidget(view)
    dialog = view.open_dialog(None, mentee)
    dialog.kind.setCurrentIndex(dialog.kind.findData("conrad30"))
    caption = dialog._form.labelForField(dialog.rows["issued_on"])  # noqa: SLF001
    assert caption.text() == "Waiver approved on:"
    dialog.issued.setText("2026-03-02")
    assert "Work must start by: May 31, 2026" in dialog.kind_fields.dates.text()
    assert "1184(l)" in dialog.kind_fields.dates.toolTip()
    dialog.kind_fields.editors["work_start"].setText("2026-05-18")
    years = dialog.kind_fields.editors["obligation_years"]
    years.setCurrentIndex(years.findData("4"))
    assert "Service obligation ends: May 18, 2030" in dialog.kind_fields.dates.text()
    assert dialog.save()
    (row,) = CredentialService(env.ctx).deadlines(TODAY)
    assert (row.what, row.expires_on) == ("Service obligation ends", dt.date(2030, 5, 18))
    table_row = view.model.row_of_id(row.credential_id)
    assert view.model.data(view.model.index(table_row, cols.WHAT)) == "Service obligation ends"


def test_a_bad_kind_field_stays_in_the_form(qtbot, sqlite_ctx, data_paths, dialogs):
    env = _env(sqlite_ctx, data_paths, dialogs)
    mentee = _physician(env.ctx)
    view = DeadlinesView(env)
    qtbot.addWidget(view)
    dialog = view.open_dialog(None, mentee)
    dialog.kind.setCurrentIndex(dialog.kind.findData("conrad30"))
    dialog.kind_fields.editors["work_start"].setText("18/05/2026")
    assert not dialog.save()
    assert dialog.kind_fields.rows["work_start"].problem() == (
        "This computer writes the month first, so “18/05/2026” has no month 18; "
        "type 5/18/2026 or May 18, 2026."
    )
    assert dialog.kind_fields.editors["work_start"].text() == "18/05/2026"


def test_reminders_are_acknowledged_from_the_deadlines_view(qtbot, sqlite_ctx, data_paths, dialogs):
    env = _env(sqlite_ctx, data_paths, dialogs)
    mentee = _physician(env.ctx)
    CredentialService(env.ctx).add(mentee, CredentialFields("dea", expires_on=dt.date(2026, 9, 1)))
    view = DeadlinesView(env)
    qtbot.addWidget(view)
    assert view.reminders.list.count() == 1
    assert view.reminders.summary.text() == "1 reminder to acknowledge."
    view.reminders.ack_button.click()
    assert view.reminders.list.count() == 0
    assert reminders.reminders_due(env.ctx, TODAY) == []


def test_an_unsourced_rule_is_refused_in_the_editor(qtbot, sqlite_ctx, data_paths, dialogs):
    env = _env(sqlite_ctx, data_paths, dialogs)
    view = DeadlinesView(env)
    qtbot.addWidget(view)
    editor = view.edit_rules()
    data = json.loads(editor.text.toPlainText())
    del data["kinds"][3]["derived"][0]["source"]
    editor.text.setPlainText(json.dumps(data))
    assert not editor.save()
    assert "'source' must be a non-empty text" in editor.problem.text()
    data["kinds"][3]["derived"][0]["source"] = "our state's reading of INA 214(l)"
    editor.text.setPlainText(json.dumps(data))
    assert editor.save() and editor.saved_version == 1


def test_the_calendar_is_exported_from_the_view(qtbot, sqlite_ctx, data_paths, dialogs, tmp_path):
    env = _env(sqlite_ctx, data_paths, dialogs)
    mentee = _physician(env.ctx)
    CredentialService(env.ctx).add(mentee, CredentialFields("h1b", expires_on=dt.date(2027, 6, 30)))
    view = DeadlinesView(env)
    qtbot.addWidget(view)
    dialogs.save_path = tmp_path / "deadlines"
    written = view.export_calendar()
    assert written == tmp_path / "deadlines.ics"
    cal = Calendar.from_ical(written.read_bytes())
    starts = {str(e["summary"]): e["dtstart"].dt for e in cal.walk("VEVENT")}
    assert starts["H-1B, Extension may be filed from: Selam Tesfaye"] == dt.date(2026, 12, 30)
    assert dialogs.messages[-1][0] == "info"
