"""The one date field: type a date in any common form or pick it from a calendar.

``11/15/2026``, ``11/15/26``, ``2026-11-15``, ``Nov 15 2026``, ``15 Nov 2026``, ``November 15,
2026``, ``today``, ``yesterday`` and ``tomorrow`` are read (numbers in the computer's date
order, see :mod:`bridgedesk.ui.widgets.date_fields`); when the field is left the date is shown
again in the locale's words (``Nov 15, 2026``) so the reading can be checked at a glance.
Anything else is refused with one sentence under the field and stays as typed; a dialog's Save
refuses while it does (:meth:`DateEdit.read` raises). Blank is allowed only when ``optional``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from bridgedesk.domain.typed_dates import (
    FIRST_YEAR,
    LAST_YEAR,
    TypedDateProblem,
    read_typed_date,
)
from bridgedesk.errors import ValidationError
from bridgedesk.ui.colours import warning_colour
from bridgedesk.ui.widgets.date_fields import (
    date_reading,
    display_text,
    effective_locale,
    py_date,
    qdate,
)
from bridgedesk.ui.widgets.message_room import message_hidden, message_shown
from bridgedesk.ui.widgets.wrapped_text import wrapped

REQUIRED = "Type a date here, for example {example} or today."


class DateEdit(QWidget):
    """A typed date with a calendar button; ``read()`` is the date, None, or a refusal."""

    date_changed = Signal(object)  # the new date, or None when cleared

    def __init__(
        self,
        value: dt.date | None = None,
        accessible_name: str = "",
        *,
        optional: bool = False,
        today: Callable[[], dt.date] = dt.date.today,
        locale: QLocale | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.optional = optional
        self.today = today
        self.locale_used = effective_locale(locale)
        self.reading = date_reading(self.locale_used)
        self._last: dt.date | None = None
        self._problem = ""
        self.line = QLineEdit()
        self.line.setMaxLength(200)
        example = display_text(dt.date(2026, 11, 15), self.locale_used)
        self.line.setPlaceholderText(
            f"e.g. {example}" + (", or blank" if optional else " or today")
        )
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("M" * 13) + 16)
        self.line.installEventFilter(self)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip("Choose the date on a calendar (Alt+Down)")
        self.button.setAccessibleName("Calendar")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.show_calendar)
        self.message = QLabel()
        self.message.setVisible(False)
        palette = self.message.palette()
        palette.setColor(QPalette.ColorRole.WindowText, warning_colour(palette))
        self.message.setPalette(palette)
        self.setFocusProxy(self.line)
        self.setToolTip(
            f"Type a date such as {self.reading.example()}, {example} or today, "
            "or choose one on the calendar"
        )
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(4)
        self.rows.addLayout(row)
        self.rows.addWidget(self.message)
        self.menu: QMenu | None = None
        self.calendar: QCalendarWidget | None = None
        if accessible_name:
            self.setAccessibleName(accessible_name)
        self.set_value(value)
        self.line.editingFinished.connect(self._finish_typing)
        self.line.textEdited.connect(self._typing)

    # -- the value ------------------------------------------------------------------------
    def read(self) -> dt.date | None:
        """The date typed; None when blank and optional; TypedDateProblem otherwise."""
        value = read_typed_date(self.line.text(), self.today(), self.reading)
        if value is None and not self.optional:
            raise TypedDateProblem(REQUIRED.format(example=self.reading.example()))
        return value

    def value(self) -> dt.date | None:
        """The date, or None when blank or not (yet) a date."""
        try:
            return self.read()
        except TypedDateProblem:
            return None

    def problem(self) -> str:
        try:
            self.read()
        except TypedDateProblem as exc:
            return str(exc)
        return ""

    def set_value(self, value: dt.date | None) -> None:
        self.line.setText(display_text(value, self.locale_used))
        self.show_problem("")
        self._announce(value)

    # The QDateEdit and QLineEdit calls that forms and tests already use.
    def date(self) -> QDate:
        value = self.value()
        return qdate(value) if value is not None else QDate()

    def setDate(self, value: QDate) -> None:  # noqa: N802 - same name as QDateEdit's
        self.set_value(py_date(value) if value.isValid() else None)

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:  # noqa: N802 - same name as QLineEdit's
        self.line.setText(text)
        self._finish_typing()

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt override
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    def setAccessibleDescription(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setAccessibleDescription(text)
        self.line.setAccessibleDescription(text)

    # -- the message ----------------------------------------------------------------------
    def show_problem(self, message: str) -> None:
        """One sentence under the field (empty hides it); FieldRow puts its problems here."""
        was_shown = not self.message.isHidden()
        if message and not was_shown:
            message_shown(self)  # the dialog grows for it and shrinks back once it goes
        self._problem = message
        self.message.setText(self._wrapped(message))
        self.message.setToolTip(message)
        self.message.setVisible(bool(message))
        self.message.setMinimumHeight(self.message.sizeHint().height() if message else 0)
        self.line.setAccessibleDescription(message)
        # A form layout keeps a row at its first height: the field asks for the message's too.
        self.setMinimumHeight(self.rows.sizeHint().height())
        self.updateGeometry()
        if was_shown and not message:
            message_hidden(self)

    def shown_problem(self) -> str:
        return self._problem if not self.message.isHidden() else ""

    def _wrapped(self, message: str) -> str:
        """The message broken into lines as wide as the field (a QLabel's own word wrap
        reports no height to the form layouts here, and the next row would overlap it)."""
        return wrapped(message, self.message.fontMetrics(), max(self.width(), 300))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._problem and self.message.text() != self._wrapped(self._problem):
            self.show_problem(self._problem)

    def _typing(self, _text: str) -> None:
        if self.shown_problem() and not self.problem():
            self.show_problem("")  # fixed: the refusal goes as soon as the date reads

    def _finish_typing(self) -> None:
        try:
            value = self.read()
        except TypedDateProblem as exc:
            self.show_problem(str(exc))
            return
        self.line.setText(display_text(value, self.locale_used))
        self.show_problem("")
        self._announce(value)

    def _announce(self, value: dt.date | None) -> None:
        if value != self._last:
            self._last = value
            self.date_changed.emit(value)

    # -- the calendar ---------------------------------------------------------------------
    def show_calendar(self) -> None:
        if self.menu is None:
            self.menu = QMenu(self)
            self.calendar = QCalendarWidget()
            self.calendar.setLocale(self.locale_used)
            self.calendar.setGridVisible(True)
            self.calendar.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(LAST_YEAR, 12, 31))
            self.calendar.setAccessibleName(f"Calendar: {self.accessibleName()}")
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
            holder = QWidgetAction(self.menu)
            holder.setDefaultWidget(self.calendar)
            self.menu.addAction(holder)
        assert self.calendar is not None
        shown = self.value() or self.today()
        self.calendar.setSelectedDate(qdate(shown))
        self.calendar.setFocus()
        self.menu.popup(self.mapToGlobal(self.line.geometry().bottomLeft()))

    def _picked(self, value: QDate) -> None:
        if self.menu is not None:
            self.menu.close()
        self.set_value(py_date(value))
        self.line.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt_down = event.key() == Qt.Key.Key_Down and (
                event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.show_calendar()
                return True
        return super().eventFilter(watched, event)


def checked_date(editor: DateEdit, key: str) -> dt.date | None:
    """The date in ``editor``, or ValidationError naming ``key`` so Save refuses in place."""
    try:
        return editor.read()
    except TypedDateProblem as exc:
        raise ValidationError({key: str(exc)}) from None


def required_date(editor: DateEdit, key: str) -> dt.date:
    """The date in a field that may not be blank, or ValidationError naming ``key``."""
    value = checked_date(editor, key)
    if value is None:
        raise ValidationError({key: REQUIRED.format(example=editor.reading.example())})
    return value
