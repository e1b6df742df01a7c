"""The Dashboard's "Needs attention" list: ranked rows, Open (Enter, double-click), Snooze…, Dismiss….

Open asks the window for the row's target (a view, the mentee there, the item selected).
Snooze offers a few spans; Dismiss asks for the reason. Both go through the attention
service (audited) and the list reloads.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.errors import UserError
from bridgedesk.services.attention import decisions
from bridgedesk.services.attention.needs_attention import AttentionList, HiddenRow
from bridgedesk.services.attention.rows import AttentionRow, Severity, Target
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.models.attention_model import (
    BADGE,
    MENTEE,
    TODO,
    WHAT,
    AttentionModel,
    badge_colours,
)
from bridgedesk.ui.view_env import ViewEnv

SNOOZE_CHOICES: tuple[tuple[str, int], ...] = (
    ("For a week", 7),
    ("For two weeks", 14),
    ("For a month", 30),
    ("For three months", 91),
)
EMPTY = "Nothing needs attention today."
MIN_HEIGHT = 300  # the heading and about ten rows


class BadgeDelegate(QStyledItemDelegate):
    """The severity as a coloured pill that keeps its colour when the row is selected."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model = index.model()
        line = model.lines[index.row()] if isinstance(model, AttentionModel) else None
        if line is None or line.row is None:  # a group's heading: the ordinary painting
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget is not None else None
        if style is not None:  # the selection band behind the pill
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                option.widget)  # fmt: skip
        fill, text = badge_colours(line.severity)
        rect = QRectF(option.rect).adjusted(6, 4, -6, -4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        font = painter.font()
        font.setBold(line.severity in (Severity.LAPSED, Severity.SOON))
        font.setPointSizeF(font.pointSizeF() * 0.9)
        painter.setFont(font)
        painter.setPen(text)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), line.badge)
        painter.restore()


class _Table(QTableView):
    activated_line = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_line.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class AttentionListWidget(QWidget):
    """``target_requested(Target)`` when a row is opened; ``changed()`` after a snooze, a
    dismissal or bringing a row back."""

    target_requested = Signal(object)
    changed = Signal()

    def __init__(self, env: ViewEnv) -> None:
        super().__init__()
        self.env = env
        self.listed: AttentionList | None = None
        self.heading = QLabel("Needs attention")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.counts = QLabel("")
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setAccessibleName("Needs attention, counts")
        self.model = AttentionModel()
        self.table = _Table()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setModel(self.model)
        self.table.setAccessibleName("Needs attention")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setItemDelegateForColumn(BADGE, BadgeDelegate(self.table))
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        for column, mode in (
            (BADGE, QHeaderView.ResizeMode.Fixed),
            (MENTEE, QHeaderView.ResizeMode.Interactive),
            (WHAT, QHeaderView.ResizeMode.Interactive),
            (TODO, QHeaderView.ResizeMode.Stretch),
        ):
            header.setSectionResizeMode(column, mode)
        widest = self.fontMetrics().horizontalAdvance("Due soon") + 32
        self.table.setColumnWidth(BADGE, max(widest, 90))
        self.table.setColumnWidth(MENTEE, 170)
        self.table.setColumnWidth(WHAT, 400)
        self.table.doubleClicked.connect(lambda index: self.open_line(index.row()))
        self.table.activated_line.connect(self.open_line)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.open_button = QPushButton("&Open")
        self.open_button.setToolTip("Open the view where this is dealt with (Enter)")
        self.snooze_button = QPushButton("S&nooze…")
        self.snooze_button.setToolTip("Hide this row until a later day")
        self.dismiss_button = QPushButton("D&ismiss…")
        self.dismiss_button.setToolTip("Hide this row until its item changes; a reason is kept")
        self.open_button.clicked.connect(lambda: self.open_line(self.table.currentIndex().row()))
        self.snooze_button.clicked.connect(self.snooze_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.restore_button = QPushButton("Bring &back")
        self.restore_button.setToolTip("Put this snoozed or dismissed row back on the list")
        self.restore_button.clicked.connect(self.restore_selected)
        self.show_hidden = QCheckBox("Show &snoozed and dismissed")
        self.show_hidden.toggled.connect(lambda _on: self._fill())
        self._build()
        self._enable()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.counts, 1)
        top.addWidget(self.show_hidden)
        top.addWidget(self.open_button)
        top.addWidget(self.snooze_button)
        top.addWidget(self.dismiss_button)
        top.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    # -- showing --------------------------------------------------------------------------
    def set_list(self, listed: AttentionList) -> None:
        self.listed = listed
        self.show_hidden.setVisible(bool(listed.hidden))
        self._fill()

    def _fill(self) -> None:
        listed = self.listed
        if listed is None:
            return
        self.model.set_rows(listed.rows, listed.hidden if self.show_hidden.isChecked() else ())
        self.table.clearSpans()
        for line in self.model.headings:  # a few, however many rows
            self.table.setSpan(line, 0, 1, self.model.columnCount())
        self.counts.setText(self._counts_text(listed))
        self._fit(self.model.rowCount() > 0)
        if self.model.rowCount() > 1:  # the first line is a heading, the second its first row
            self.table.setCurrentIndex(self.model.index(1, MENTEE))
        self._enable()

    def _fit(self, has_rows: bool) -> None:
        """Room for about ten rows; with none, one line (no empty white box)."""
        self.table.setVisible(has_rows)
        for button in (self.open_button, self.snooze_button, self.dismiss_button):
            button.setVisible(has_rows)
        self.restore_button.setVisible(has_rows and self.show_hidden.isChecked())
        self.setMinimumHeight(MIN_HEIGHT if has_rows else 0)
        vertical = QSizePolicy.Policy.Expanding if has_rows else QSizePolicy.Policy.Maximum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)

    @staticmethod
    def _counts_text(listed: AttentionList) -> str:
        if not listed.rows and not listed.hidden:
            return EMPTY
        counts = Counter(r.severity for r in listed.rows)
        parts = [
            f"{counts[Severity.LAPSED]:,} lapsed",
            f"{counts[Severity.SOON]:,} due within 30 days",
            f"{counts[Severity.ROUTINE]:,} to do",
        ]
        hidden = []
        if listed.snoozed:
            hidden.append(f"{listed.snoozed} snoozed")
        if listed.dismissed:
            hidden.append(f"{listed.dismissed} dismissed")
        text = " · ".join(parts)
        return text + (f"  ({', '.join(hidden)})" if hidden else "")

    def selected_row(self) -> AttentionRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_key(self, key: str) -> bool:
        line = self.model.line_of_key(key)
        if line is None:
            return False
        self.table.setCurrentIndex(self.model.index(line, MENTEE))
        return True

    def selected_hidden(self) -> HiddenRow | None:
        index = self.table.currentIndex()
        return self.model.hidden_at(index.row()) if index.isValid() else None

    def _enable(self) -> None:
        has_row = self.selected_row() is not None
        hidden = self.selected_hidden() is not None
        self.open_button.setEnabled(has_row)
        self.snooze_button.setEnabled(has_row and not hidden)
        self.dismiss_button.setEnabled(has_row and not hidden)
        self.restore_button.setEnabled(hidden)

    # -- actions --------------------------------------------------------------------------
    def open_line(self, line: int) -> Target | None:
        row = self.model.row_at(line)
        if row is None:
            return None
        self.target_requested.emit(row.target)
        return row.target

    def snooze_selected(self) -> bool:
        row = self.selected_row()
        if row is None or self.selected_hidden() is not None:
            return False
        today = self.env.today()
        choices = [
            f"{words} (until {format_date(today + dt.timedelta(days=n))})"
            for words, n in SNOOZE_CHOICES
        ]
        chosen = self.env.dialogs.choose(
            self, "Snooze", f"Hide this row for a while?\n\n{row.mentee_name}: {row.what}", choices
        )
        if chosen is None:
            return False
        until = today + dt.timedelta(days=SNOOZE_CHOICES[chosen][1])
        return self._apply(lambda: decisions.snooze(self.env.ctx, row, until, today))

    def dismiss_selected(self) -> bool:
        row = self.selected_row()
        if row is None or self.selected_hidden() is not None:
            return False
        reason = self.env.dialogs.ask_text(
            self,
            "Dismiss",
            f"{row.mentee_name}: {row.what}\n\nWhy is this dismissed? (kept in the history; "
            "the row comes back if the item changes)",
        )
        if reason is None:
            return False
        return self._apply(lambda: decisions.dismiss(self.env.ctx, row, reason))

    def restore_selected(self) -> bool:
        hidden = self.selected_hidden()
        if hidden is None:
            return False
        return self._apply(lambda: decisions.restore(self.env.ctx, hidden.row.key))

    def _apply(self, act: Callable[[], None]) -> bool:
        try:
            act()
        except UserError as exc:
            self.env.dialogs.warn(self, "Needs attention", str(exc).split(": ", 1)[-1])
            return False
        self.changed.emit()
        return True
