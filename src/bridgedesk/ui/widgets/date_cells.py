"""Dates typed in a table's cells (a check-in's agreed actions, a new goal's tasks): the same
forms as :class:`~bridgedesk.ui.widgets.date_edit.DateEdit`, shown again in words once read,
refused with their sentence by the form's Save."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtWidgets import QStyledItemDelegate, QWidget

from bridgedesk.domain.typed_dates import TypedDateProblem
from bridgedesk.errors import ValidationError
from bridgedesk.ui.widgets.date_fields import display_text, read_cell_date


def cell_date(text: str, today: dt.date, where: str, key: str) -> dt.date | None:
    """The date typed in a table cell, or ValidationError naming ``key`` ("Task 2: ...")."""
    try:
        return read_cell_date(text, today)
    except TypedDateProblem as exc:
        raise ValidationError({key: f"{where}: {exc}"}) from None


class DateCellDelegate(QStyledItemDelegate):
    """A table's date column: a date typed in a cell is shown again in words once read
    (``11/15/26`` becomes ``Nov 15, 2026``); text that is not a date stays for the form
    to refuse with its sentence (:func:`cell_date`)."""

    def __init__(self, today: Callable[[], dt.date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = today

    def setModelData(  # noqa: N802 - Qt override
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().setModelData(editor, model, index)
        text = str(model.data(index) or "")
        try:
            value = read_cell_date(text, self.today())
        except TypedDateProblem:
            return
        model.setData(index, display_text(value))
