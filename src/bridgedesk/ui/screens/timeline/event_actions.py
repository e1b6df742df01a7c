"""What the Timeline view does with the selected check-in or milestone: log it (late entry
allowed), reschedule it, mark it missed, sign a milestone off, add an agreed action.

A mixin of :class:`~bridgedesk.ui.screens.timeline.timeline_view.TimelineView`, kept apart so
the view's module holds its layout and selection, this one the work the buttons start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from bridgedesk.errors import UserError
from bridgedesk.services.pair_health.reads import mentee_pair_health
from bridgedesk.services.timeline.service import CheckinLog, TimelineEvent, TimelineService
from bridgedesk.ui import undo_steps
from bridgedesk.ui.screens.mentees.sections.pair_health_dialogs import FitDialog
from bridgedesk.ui.screens.timeline.checkin_dialog import (
    LogCheckinDialog,
    MilestoneDoneDialog,
    RescheduleDialog,
)
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.form_dialog import FormDialog
from bridgedesk.ui.widgets.mentee_picker import MenteePicker
from bridgedesk.ui.widgets.plan_dialogs import ActionDialog
from bridgedesk.ui.widgets.timeline_strip import describe

OPEN_CHECKIN = ("planned", "overdue")


class EventActions:
    """Log, reschedule, miss, sign off and add an action (the view supplies what is typed here)."""

    env: ViewEnv
    service: TimelineService
    mentee: MenteePicker

    def as_widget(self) -> QWidget:
        """The view itself, as the parent of its dialogs."""
        return cast(QWidget, self)

    def selected(self) -> TimelineEvent | None:  # pragma: no cover - the view's own
        raise NotImplementedError

    def _open(self, dialog: FormDialog) -> FormDialog:  # pragma: no cover - the view's own
        raise NotImplementedError

    def _after_change(self) -> None:  # pragma: no cover - the view's own
        raise NotImplementedError

    def log_checkin(self) -> FormDialog | None:
        mentee_id, event = self.mentee.value(), self.selected()
        if mentee_id is None:
            return None
        today = self.env.today()
        held: list[dt.date] = []  # the day the saved check-in was held

        def logged(save: Callable[[CheckinLog], object]) -> Callable[[CheckinLog], object]:
            def run(log: CheckinLog) -> object:
                result = save(log)
                held.append(log.held_date)
                return result

            return run

        if event is not None and event.kind == "checkin" and event.state in OPEN_CHECKIN:
            heading = f"Log “{event.title}”, planned for {describe(event).split(' — ')[1]}."
            save = logged(lambda log: self.service.log_checkin(event.id, log, today))
        else:
            heading = f"Log a check-in that was not planned, for {self.mentee.currentText()}."
            save = logged(
                lambda log: self.service.log_unplanned_checkin(mentee_id, log, today=today)
            )
        dialog = self._open(LogCheckinDialog(self.env, save, heading, self.as_widget()))

        def after_close(_code: int) -> None:
            if held:  # saved: the pair's first check-in brings the fit question
                QTimer.singleShot(0, self.as_widget(), lambda: self.offer_fit(mentee_id, held[0]))

        dialog.finished.connect(after_close)
        return dialog

    def offer_fit(self, mentee_id: int, held_on: dt.date) -> FormDialog | None:
        """After the first check-in held with the current mentor, ask "is this a good fit?"
        of both sides, once: not when the pair has answered, nor after a later check-in.
        Cancel leaves it for later (the record's Pair health tab shows it as due)."""
        health = mentee_pair_health(self.env.ctx, mentee_id, self.env.today())
        if (
            health.mentor_id is None
            or health.fit is not None
            or health.first_held_with_mentor != held_on
        ):
            return None
        return self._open(FitDialog(self.env, health, self.as_widget()))

    def reschedule(self) -> FormDialog | None:
        event = self.selected()
        if event is None or event.kind != "checkin":
            return None
        heading = f"Move “{event.title}” to a new date; the old one is kept as rescheduled."
        start = max(event.planned, self.env.today())
        return self._open(
            RescheduleDialog(
                self.env,
                lambda day: self.service.reschedule(event.id, day),
                heading,
                start,
                self.as_widget(),
            )
        )

    def mark_missed(self) -> None:
        event = self.selected()
        if event is None or event.kind != "checkin":
            return
        question = f"Mark “{event.title}” as missed? It stays on the timeline as missed."
        if not self.env.dialogs.confirm(self.as_widget(), "Mark missed", question, "Mark missed"):
            return
        try:
            with undo_steps.missed_checkin(self.env, event.id, event.title):
                self.service.mark_missed(event.id)
        except UserError as exc:
            self.env.dialogs.error(self.as_widget(), str(exc))
        self._after_change()

    def milestone_done(self) -> FormDialog | None:
        event = self.selected()
        if event is None or event.kind != "milestone":
            return None
        today = self.env.today()
        return self._open(
            MilestoneDoneDialog(
                self.env,
                lambda day, who: self._complete_milestone(event, day, who, today),
                f"Record that “{event.title}” is complete, and who signed it off.",
                self.as_widget(),
            )
        )

    def _complete_milestone(
        self, event: TimelineEvent, day: dt.date, who: str, today: dt.date
    ) -> None:
        with undo_steps.milestone_done(self.env, event.id, event.title):
            self.service.complete_milestone(event.id, day, who, today)

    def add_action(self) -> FormDialog | None:
        mentee_id, event = self.mentee.value(), self.selected()
        if mentee_id is None:
            return None
        checkin = event if event is not None and event.kind == "checkin" else None
        checkin_id = checkin.id if checkin is not None else None
        heading = "Add an agreed action" + (
            f" from “{checkin.title}”."
            if checkin is not None
            else f" for {self.mentee.currentText()}."
        )
        return self._open(
            ActionDialog(
                self.env,
                lambda text, due, owner: self.service.add_action(
                    mentee_id, text, due, checkin_id, owner
                ),
                heading,
                parent=self.as_widget(),
            )
        )
