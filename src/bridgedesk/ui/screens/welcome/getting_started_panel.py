"""The getting-started checklist shown above the views of a new, empty program.

Four first steps, each a button that takes the user where the step is done, each ticked from
the data by :mod:`bridgedesk.services.program.getting_started`. "Hide" puts it away for good.
What the buttons do is passed in (:class:`Steps`), so the panel can be built and tested alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.errors import UserError
from bridgedesk.services.program import getting_started as service
from bridgedesk.services.program.getting_started import GettingStarted
from bridgedesk.ui.view_env import ViewEnv

DONE_MARK = "✓"
OPEN_MARK = "○"


@dataclass(frozen=True)
class Steps:
    """What each button does, given by the main window."""

    new_mentee: Callable[[], object]
    import_roster: Callable[[], object]
    add_mentor: Callable[[], object]
    program_details: Callable[[], object]
    first_report: Callable[[], object]
    read_guide: Callable[[], object]


@dataclass(frozen=True)
class StepRow:
    key: str  # the GettingStarted field that ticks it
    hint: str
    buttons: tuple[tuple[str, str, str], ...]  # (text, tooltip, Steps field)


STEP_ROWS = (
    StepRow(
        "mentees",
        "one at a time, or many at once from a spreadsheet",
        (
            ("New mentee…", "Add one mentee with the form (Ctrl+N)", "new_mentee"),
            (
                "Import roster…",
                "Bring in many mentees from an Excel or CSV file; the file is checked first",
                "import_roster",
            ),
        ),
    ),
    StepRow(
        "mentors",
        "then assign each mentee a primary mentor",
        (("Add a mentor…", "Open the Mentors view and add a mentor", "add_mentor"),),
    ),
    StepRow(
        "details",
        "your hospital sites, the schedule of check-ins, the reasons for leaving",
        (
            (
                "Program settings…",
                "Open File ▸ Program settings: details, schedule, sites, exit reasons",
                "program_details",
            ),
        ),
    ),
    StepRow(
        "report",
        "to see what the board will see",
        (("Print a first report…", "Open the Reports view", "first_report"),),
    ),
)
STEP_TITLES = {
    "mentees": "Add or import mentees",
    "mentors": "Add mentors",
    "details": "Set the program details",
    "report": "Print a first report",
}


class GettingStartedPanel(QFrame):
    """A framed checklist; ``hidden_for_good`` when the user hides it."""

    hidden_for_good = Signal()

    def __init__(self, env: ViewEnv, steps: Steps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.steps = env, steps
        self.setObjectName("getting_started")
        self.setAccessibleName("Getting started")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel("Getting started")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        self.progress = QLabel()
        self.progress.setAccessibleName("Steps done")
        self.guide_button = QPushButton("Read the guide")
        self.guide_button.setToolTip("Open the user guide's Getting started page (F1)")
        self.guide_button.clicked.connect(lambda: steps.read_guide())
        self.hide_button = QPushButton("Hide")
        self.hide_button.setToolTip("Hide this list for good; the user guide keeps the same steps")
        self.hide_button.setAccessibleName("Hide getting started")
        self.hide_button.clicked.connect(self.hide_for_good)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.progress)
        top.addStretch(1)
        top.addWidget(self.guide_button)
        top.addWidget(self.hide_button)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(3, 1)
        self.marks: dict[str, QLabel] = {}
        self.titles: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        for row, step in enumerate(STEP_ROWS):
            mark = QLabel(OPEN_MARK)
            mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
            mark.setMinimumWidth(mark.fontMetrics().horizontalAdvance("MM"))
            name = QLabel(STEP_TITLES[step.key])
            hint = QLabel(step.hint)
            hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # quieter, any theme
            hint.setWordWrap(True)
            holder = QHBoxLayout()
            holder.setSpacing(6)
            for text, tip, action in step.buttons:
                button = QPushButton(text)
                button.setToolTip(tip)
                button.setAccessibleName(text.rstrip("…"))
                button.clicked.connect(lambda _=False, a=action: getattr(self.steps, a)())
                holder.addWidget(button)
                self.buttons[action] = button
            holder.addStretch(1)
            self.marks[step.key], self.titles[step.key] = mark, name
            grid.addWidget(mark, row, 0)
            grid.addWidget(name, row, 1)
            grid.addLayout(holder, row, 2)
            grid.addWidget(hint, row, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.addLayout(top)
        layout.addLayout(grid)
        self.state: GettingStarted | None = None

    def refresh(self) -> GettingStarted | None:
        """Tick the steps the data shows done (kept as they were if the program can't be read)."""
        try:
            self.state = service.getting_started(self.env.ctx)
        except UserError:
            return self.state
        self.show_state(self.state)
        return self.state

    def show_state(self, state: GettingStarted) -> None:
        self.state = state
        for step in STEP_ROWS:
            done = bool(getattr(state, step.key))
            self.marks[step.key].setText(DONE_MARK if done else OPEN_MARK)
            self.marks[step.key].setAccessibleName("Done" if done else "Not done yet")
            font = QFont(self.titles[step.key].font())
            font.setStrikeOut(done)
            self.titles[step.key].setFont(font)
        self.progress.setText(
            "All done: hide this list whenever you like."
            if state.complete
            else f"{state.done} of 4 done"
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Re-read when the watched window is active again (a dialog closed: a mentor added…)."""
        if event.type() == QEvent.Type.WindowActivate and self.isVisible():
            self.refresh()
        return super().eventFilter(watched, event)

    def report_made(self, _path: object = None) -> None:
        """The Reports view made a report: the last step is done."""
        try:
            service.note_first_report(self.env.ctx, self.env.today())
        except UserError:
            return  # noted the next time a report is made
        self.refresh()

    def hide_for_good(self) -> None:
        try:
            service.hide(self.env.ctx)
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
            return
        self.setVisible(False)
        self.hidden_for_good.emit()
