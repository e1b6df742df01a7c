"""History… on a mentee record shows who changed which field, before and after, newest first."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt

from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.timeline.service import TimelineService
from bridgedesk.ui.models.audit_model import (
    AFTER,
    BEFORE,
    FIELD,
    WHAT,
    WHEN,
    WHO,
    AuditModel,
    shortened,
)
from bridgedesk.ui.screens.history.audit_dialog import AuditDialog
from bridgedesk.ui.screens.mentees.mentee_form import MenteeForm

LONG_NOTE = "<b>&amp;</para> " * 625  # 10,000 characters


def _texts(model: AuditModel, role=Qt.ItemDataRole.DisplayRole) -> list[tuple]:
    return [
        tuple(model.data(model.index(r, c), role) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def _edited_twice(ctx) -> int:
    roster = RosterService(ctx, clock=lambda: dt.date(2026, 3, 12))
    mentee_id = roster.create(
        MenteeFields(
            given_names="Mohammed",
            family_name="Abdullah",
            native_name="محمد عبد الله",
            start_date=dt.date(2026, 1, 5),
        )
    )
    ctx.actor = "dr.okafor"
    record = roster.get(mentee_id)
    roster.update(
        mentee_id, dataclasses.replace(record.fields, native_name="प्रिया शर्मा"), record.version
    )
    ctx.actor = "coordinator"
    record = roster.get(mentee_id)
    roster.update(mentee_id, dataclasses.replace(record.fields, notes=LONG_NOTE), record.version)
    return mentee_id


def test_history_button_shows_both_changes_with_actor(qtbot, env):
    mentee_id = _edited_twice(env.ctx)
    form = MenteeForm(env, mentee_id)
    qtbot.addWidget(form)
    form.show()
    assert form.history_button.isVisible()
    qtbot.mouseClick(form.history_button, Qt.MouseButton.LeftButton)
    dialog = form.history_dialog
    assert isinstance(dialog, AuditDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "History of Mohammed Abdullah"
    rows = _texts(dialog.model)
    changes = [r for r in rows if r[WHAT] == "Profile changed"]
    assert [(r[WHO], r[FIELD]) for r in changes] == [
        ("coordinator", "Notes"),
        ("dr.okafor", "Name in native script"),
    ]
    assert changes[0][BEFORE] == "" and changes[0][AFTER] == shortened(LONG_NOTE)
    assert len(changes[0][AFTER]) == 80 and changes[0][AFTER].endswith("…")
    assert (changes[1][BEFORE], changes[1][AFTER]) == ("محمد عبد الله", "प्रिया शर्मा")
    assert rows[0][WHO] == "coordinator"  # newest first
    assert rows[-1][WHAT] == "Profile added"
    notes_row = rows.index(changes[0])
    tip = dialog.model.data(dialog.model.index(notes_row, AFTER), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("<b>&amp;</para>") and len(tip) == 2001
    assert dialog.count_label.text() == f"{len(rows)} entries"
    dialog.close()


def test_sorting_by_when_and_related_records(qtbot, env):
    mentee_id = _edited_twice(env.ctx)
    TimelineService(env.ctx).plan_checkin(mentee_id, dt.date(2026, 4, 2), title="Week 12 talk")
    dialog = AuditDialog(env, "mentee", mentee_id, "Mohammed Abdullah")
    qtbot.addWidget(dialog)
    dialog.show()
    newest_first = _texts(dialog.model)
    dialog.table.horizontalHeader().setSortIndicator(WHEN, Qt.SortOrder.AscendingOrder)
    oldest_first = _texts(dialog.model)
    assert oldest_first[0][WHAT] == "Profile added"
    assert oldest_first[-1][WHO] == "coordinator"
    assert sorted(oldest_first) == sorted(newest_first)
    assert not any(r[WHAT].startswith("Check-in") for r in newest_first)
    dialog.related.click()
    with_related = _texts(dialog.model)
    assert ("Check-in added", "Title", "", "Week 12 talk") in [
        (r[WHAT], r[FIELD], r[BEFORE], r[AFTER]) for r in with_related
    ]
    assert len(with_related) > len(newest_first)
