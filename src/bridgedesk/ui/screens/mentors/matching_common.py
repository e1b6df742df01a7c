"""What the two matching dialogs share: the table's look, the button row and the list of who
was left out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from bridgedesk.domain.matching import MenteeProfile

MAX_LISTED = 6


@dataclass(frozen=True)
class MatchingButtons:
    """Matching weights… on the left; leaving (Close or Cancel) and assigning on the right."""

    weights: QPushButton
    leave: QPushButton
    assign: QPushButton  # the default button; its text says what it assigns
    row: QHBoxLayout


def matching_buttons(
    leave_text: str,
    on_weights: Callable[[], object],
    on_leave: Callable[[], object],
    on_assign: Callable[[], object],
) -> MatchingButtons:
    weights = QPushButton("Matching weights…")
    weights.setAccessibleName("Edit the matching weights")
    weights.clicked.connect(on_weights)
    leave = QPushButton(leave_text)
    leave.clicked.connect(on_leave)
    assign = QPushButton()
    assign.setDefault(True)
    assign.clicked.connect(on_assign)
    row = QHBoxLayout()
    row.addWidget(weights)
    row.addStretch(1)
    row.addWidget(leave)
    row.addWidget(assign)
    return MatchingButtons(weights, leave, assign, row)


def matching_table(name: str) -> QTableView:
    """A read-only, row-selecting table whose Why column takes the spare width."""
    table = QTableView()
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # A long why wraps inside its row instead of being cut off; rows fit their text.
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setMinimumSectionSize(table.fontMetrics().height() + 12)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def labelled(text: str, editor: QWidget, buddy_name: str = "") -> QHBoxLayout:
    """``text`` and its editor at the editor's own width, on one line."""
    row = QHBoxLayout()
    caption = QLabel(text)
    caption.setBuddy(editor)
    row.addWidget(caption)
    row.addWidget(editor)
    if buddy_name:
        editor.setAccessibleName(buddy_name)
    return row


def fit_columns(table: QTableView, why_column: int) -> None:
    """Every column to its contents; the Why column stretches over what is left."""
    header = table.horizontalHeader()
    model = table.model()
    for column in range(model.columnCount() if model is not None else 0):
        if column == why_column:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.resizeColumnToContents(column)


def listed(items: Sequence[str], noun: str) -> str:
    """At most MAX_LISTED items in a sentence, then how many more."""
    shown = "; ".join(items[:MAX_LISTED])
    more = len(items) - MAX_LISTED
    return shown + (f"; and {more} more {noun}" if more > 0 else "")


def mentee_summary(mentee: MenteeProfile) -> str:
    """What matching compares for this mentee, in words, or what is missing."""
    known = [
        part
        for part in (
            mentee.specialty,
            f"at {mentee.site_name}" if mentee.site_name else "",
            f"trained in {mentee.country}" if mentee.country else "",
            f"speaks {mentee.languages}" if mentee.languages else "",
        )
        if part
    ]
    missing = [
        word
        for word, value in (
            ("specialty", mentee.specialty),
            ("languages", mentee.languages),
            ("country of training", mentee.country),
            ("site", mentee.site_id),
        )
        if not value
    ]
    text = f"{mentee.name}: " + (", ".join(known) if known else "nothing recorded to compare")
    if missing:
        text += f". Not recorded: {', '.join(missing)} (add them in the mentee's record)"
    return text + "."
