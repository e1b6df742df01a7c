"""Fluency checklist standing: progress by domain (first vs latest) and where self and mentor differ."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from bridgedesk.errors import NotFoundError
from bridgedesk.services.checklists.ratings import ChecklistService
from bridgedesk.services.mentees.record import GapSummary, gap_summary
from bridgedesk.ui.models.text_rows_model import TextRowsModel
from bridgedesk.ui.screens.mentees.sections.common import (
    button,
    button_row,
    heading,
    plain_label,
)
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.progress_bars import DomainProgressBars
from bridgedesk.ui.widgets.settings_lists import list_table

ITEM, SELF, MENTOR, GAP = range(4)
GAP_HEADERS = ("Item", "Self", "Mentor", "Gap")


def gap_text(summary: GapSummary) -> str:
    """One or two sentences: how often self and mentor agree, and which way they differ."""
    if summary.both_rated == 0:
        return "No item has both a self-rating and a mentor rating yet, so there is no gap to show."
    agree = summary.both_rated - summary.mentor_higher - summary.self_higher
    mean = f"{summary.mean_gap:+.1f}" if summary.mean_gap is not None else "–"
    return (
        f"Rated by both on {summary.both_rated} items: they agree on {agree}, the mentor rates "
        f"higher on {summary.mentor_higher} and the mentee higher on {summary.self_higher} "
        f"(mean gap {mean} levels, mentor minus self)."
    )


class ChecklistSection(QWidget):
    open_view_requested = Signal(str, int)

    def __init__(self, env: ViewEnv, mentee_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.mentee_id = env, mentee_id
        self.service = ChecklistService(env.ctx)
        self.intro = plain_label()
        self.bars = DomainProgressBars()
        self.gap = plain_label()
        self.model = TextRowsModel(GAP_HEADERS)
        self.table = list_table(self.model, "Widest gaps between self and mentor ratings", ITEM)
        self.rate_button = button("Rate in Checklists", "Record ratings in the Checklists view")
        self.rate_button.clicked.connect(
            lambda: self.open_view_requested.emit("checklists", self.mentee_id)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        scroll = QScrollArea()  # a dozen domains do not fit the dialog beside the gaps
        scroll.setAccessibleName("Progress by domain")  # it takes the focus to scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.bars)
        layout.addWidget(scroll, 1)
        layout.addWidget(heading("Self and mentor"))
        layout.addWidget(self.gap)
        layout.addWidget(self.table)
        layout.addLayout(button_row(self.rate_button))
        self.refresh()

    def refresh(self) -> None:
        try:
            template = self.service.current_template()
        except NotFoundError as exc:
            self.intro.setText(str(exc))
            self.bars.set_progress([], 1)
            self.gap.setText("")
            self.model.set_rows([])
            return
        progress = self.service.progress(self.mentee_id)
        max_level = max((value for value, _label, _prof in template.levels), default=1)
        self.bars.set_progress(progress, max_level)
        rated = any(p.latest_mean is not None for p in progress)
        self.intro.setText(
            f"{template.name} (version {template.version}), latest ratings by domain. "
            + (
                "The outline shows the share at the first rating."
                if rated
                else "Nothing rated yet: Rate in Checklists to start."
            )
        )
        summary = gap_summary(self.service.grid(self.mentee_id))
        self.gap.setText(gap_text(summary))
        self.model.set_rows(
            [
                (
                    row.item_id,
                    (f"{row.key} {row.item_text}", str(row.latest_self), str(row.latest_mentor),
                     f"{row.gap:+d}"),
                    False,
                )
                for row in summary.largest
            ]
        )  # fmt: skip
        self.table.setVisible(bool(summary.largest))
        rows = max(len(summary.largest), 1)  # the three widest gaps, shown whole, no scrolling
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
