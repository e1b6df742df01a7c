"""The schedule page's cells, edited as a keyboard user does: F2 opens the cell's editor (a
list for kind and tier, a number for the day), Enter keeps the choice, and Save writes it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from bridgedesk.domain.enums import ScheduleItemKind, Tier
from bridgedesk.services.program import schedule_template
from bridgedesk.ui.screens.program_settings.schedule_page import DAY, KIND, NAME, TIER, SchedulePage
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.choice_cells import VALUE
from tests.ui.conftest import TODAY


@pytest.fixture
def page(qtbot, sqlite_ctx, data_paths, dialogs) -> SchedulePage:
    widget = SchedulePage(ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY))
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def open_editor(page: SchedulePage):
    """The editor open in the table (the delegate's), if any."""
    found = [
        w for w in page.table.viewport().findChildren(QWidget, "", Qt.FindChildOption.FindDirectChildrenOnly)
        if isinstance(w, QComboBox | QSpinBox | QLineEdit) and w.isVisible()
    ]  # fmt: skip
    assert len(found) == 1, found
    return found[0]


def edit_cell(qtbot, page: SchedulePage, row: int, column: int):
    """F2 on the cell, as a keyboard user opens it: the editor the delegate made."""
    page.table.setCurrentCell(row, column)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    return open_editor(page)


def test_kind_day_and_tier_are_edited_in_place_and_saved(qtbot, page):
    row = page.add_row(ScheduleItemKind.CHECKIN)  # its name cell open for typing
    name = open_editor(page)
    qtbot.keyClicks(name, "Grand rounds <&> ")
    name.insert("ሰላም")  # typed with an input method: QTest has no keys for Ethiopic
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(page.table.item(row, NAME).text()))

    kind = edit_cell(qtbot, page, row, KIND)
    assert isinstance(kind, QComboBox) and kind.accessibleName() == f"Row {row + 1}: kind"
    kind.setCurrentIndex(kind.findData(ScheduleItemKind.MILESTONE.value))
    qtbot.keyClick(kind, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.item(row, KIND).text() == "Milestone")  # queued commit

    day = edit_cell(qtbot, page, row, DAY)
    assert isinstance(day, QSpinBox)
    assert (day.minimum(), day.maximum()) == (
        schedule_template.EARLIEST_DAY, schedule_template.LATEST_DAY,
    )  # fmt: skip
    day.selectAll()
    qtbot.keyClicks(day, "45")
    qtbot.keyClick(day, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.item(row, DAY).text() == "45")

    tier = edit_cell(qtbot, page, row, TIER)
    assert isinstance(tier, QComboBox)
    tier.setCurrentIndex(tier.findData(Tier.GOVERNMENT.value))
    qtbot.keyClick(tier, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.item(row, TIER).data(VALUE) == Tier.GOVERNMENT.value)

    assert page.items()[row].name == "Grand rounds <&> ሰላም"
    assert page.save()
    saved = [i for i in schedule_template.current_items(page.env.ctx) if i.name.startswith("Grand")]
    assert [(i.kind, i.day, i.tier) for i in saved] == [
        (ScheduleItemKind.MILESTONE, 45, Tier.GOVERNMENT)
    ]


def test_the_table_is_one_stop_of_the_tab_order(qtbot, page):
    """No widget sits in a cell: Tab from the table goes on to the buttons under it."""
    assert all(
        page.table.cellWidget(row, column) is None
        for row in range(page.table.rowCount())
        for column in (KIND, NAME, DAY, TIER)
    )
    assert page.table.tabKeyNavigation() is False  # Tab leaves the table
    assert page.nextInFocusChain() is not None
    chain, widget = [], page.table.nextInFocusChain()
    while widget is not page.table and len(chain) < 50:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain[0] is page.add_checkin_button
