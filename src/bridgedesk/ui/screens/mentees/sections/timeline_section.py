"""The mentee's program on one line, then what is overdue and what comes next.

The strip is the Timeline view's own widget; logging and rescheduling stay in that view,
reached with "Open in Timeline".
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from bridgedesk.services.mentees.overview import overdue_and_next
from bridgedesk.services.timeline.service import TimelineService
from bridgedesk.ui.formatting import format_date, plural
from bridgedesk.ui.models.text_rows_model import TextRowsModel
from bridgedesk.ui.screens.mentees.sections.common import (
    button,
    button_row,
    heading,
    plain_label,
    table_for,
)
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.timeline_strip import KIND_LABELS, TimelineStrip

WHEN, WHAT, KIND, STATE = range(4)
HEADERS = ("Date", "What", "Kind", "State")


class TimelineSection(QWidget):
    open_view_requested = Signal(str, int)

    def __init__(self, env: ViewEnv, mentee_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.mentee_id = env, mentee_id
        self.service = TimelineService(env.ctx)
        self.strip = TimelineStrip()
        self.summary = plain_label()
        self.model = TextRowsModel(HEADERS, warn_column=STATE)
        self.table = table_for(self.model, "Overdue and next check-ins and milestones", WHAT)
        self.open_button = button("Open in Timeline", "Log, reschedule or add in the Timeline view")
        self.open_button.clicked.connect(
            lambda: self.open_view_requested.emit("timeline", self.mentee_id)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.strip)
        layout.addWidget(self.summary)
        layout.addWidget(heading("Overdue and next"))
        layout.addWidget(self.table, 1)
        layout.addLayout(button_row(self.open_button))
        self.refresh()

    def refresh(self) -> None:
        today = self.env.today()
        events = self.service.events(self.mentee_id, today)
        self.strip.set_data(self.service.phase_bands(self.mentee_id), events, today)
        overdue, upcoming = overdue_and_next(events, today)
        rows = [
            (
                (event.kind, event.id),
                (
                    format_date(event.planned), event.title, KIND_LABELS[event.kind],
                    "Overdue" if event.state == "overdue" else "Coming",
                ),
                event.state == "overdue",
            )
            for event in (*overdue, *upcoming)
        ]  # fmt: skip
        self.model.set_rows(rows)
        held = sum(1 for e in events if e.state == "held")
        missed = sum(1 for e in events if e.state == "missed")
        milestones = [e for e in events if e.kind == "milestone"]
        done = sum(1 for e in milestones if e.state == "done")
        self.summary.setText(
            f"{plural(held, 'check-in')} held, {missed} missed, {len(overdue)} overdue. "
            f"Milestones: {done} of {len(milestones)} done."
        )
