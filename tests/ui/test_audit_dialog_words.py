"""History in plain words on screen: field names, phase names, labels, dates as dates, the director."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt

from bridgedesk.bootstrap import open_program
from bridgedesk.services.mentees import leaving
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program import details
from bridgedesk.services.program.exit_reasons import exit_reasons
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.models.audit_model import AFTER, BEFORE, FIELD, WHO
from bridgedesk.ui.screens.history.audit_dialog import AuditDialog
from bridgedesk.ui.view_env import ViewEnv
from tests.ui.conftest import TODAY


@pytest.fixture
def director_env(data_paths, dialogs):
    """A program opened as the window opens it: no actor named, a director in the details."""
    ctx = open_program(data_paths)
    details.save(ctx, details.ProgramSettings("Hillside", "IMG Bridge", "Dr Ruth Okafor"))
    yield ViewEnv(ctx, data_paths, dialogs, today=lambda: TODAY)
    ctx.db.dispose()


def _shown(dialog: AuditDialog) -> list[tuple[str, str, str, str]]:
    model = dialog.model
    return [
        tuple(
            model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)
            for c in (WHO, FIELD, BEFORE, AFTER)
        )
        for r in range(model.rowCount())
    ]


def test_history_reads_as_words_not_columns_and_codes(qtbot, director_env):
    ctx = director_env.ctx
    roster = RosterService(ctx, clock=lambda: TODAY)
    mentee_id = roster.create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", start_date=dt.date(2026, 1, 5))
    )
    phase_id, phase_name = roster.phases()[-1]
    record = roster.get(mentee_id)
    roster.update(
        mentee_id, dataclasses.replace(record.fields, phase_override_id=phase_id), record.version
    )
    reason = exit_reasons(ctx)[0]
    leaving.archive(ctx, mentee_id, "left", dt.date(2026, 6, 1), reason.id, "moved away")

    dialog = AuditDialog(director_env, "mentee", mentee_id, "Selam Tesfaye")
    qtbot.addWidget(dialog)
    shown = _shown(dialog)
    assert ("Dr Ruth Okafor", "Phase (set by hand)", "", phase_name) in shown
    assert ("Dr Ruth Okafor", "Status", "Active", "Left") in shown
    assert ("Dr Ruth Okafor", "Reason for leaving", "", reason.label) in shown
    assert ("Dr Ruth Okafor", "Date left", "", format_date(dt.date(2026, 6, 1))) in shown
    assert {row[0] for row in shown} == {"Dr Ruth Okafor"}
    texts = " ".join(" ".join(row) for row in shown)
    assert "_id" not in texts and "phase_override" not in texts
    assert not {"left", "active", "resident"} & {value for row in shown for value in row[2:]}
    header = dialog.model.headerData(WHO, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "login" not in header
