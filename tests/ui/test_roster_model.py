"""The roster table model, without a window: sort, search in any script, filters, overdue marks."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from bridgedesk.services.mentees.roster_rows import RosterRow
from bridgedesk.ui.models.roster_model import (
    COLUMN_COUNT,
    NAME,
    NATIVE_NAME,
    NEXT_CHECKIN,
    PROGRESS,
    ROW_ID_ROLE,
    STATUS,
    RosterFilter,
    RosterTableModel,
)

DISPLAY = Qt.ItemDataRole.DisplayRole


def make_row(row_id: int, legal: str, native: str = "", **overrides) -> RosterRow:
    values = dict(
        id=row_id,
        legal_name=legal,
        native_name=native,
        preferred_name="",
        country="Ethiopia",
        specialty="Family medicine",
        site="Main campus",
        phase="Orientation",
        status="active",
        primary_mentor="Dr Grace Hill",
        primary_mentor_id=1,
        next_checkin=None,
        nearest_deadline=None,
        nearest_deadline_kind="",
        checklist_progress=None,
        overdue_count=0,
    )
    values.update(overrides)
    return RosterRow(**values)


@pytest.fixture
def rows() -> list[RosterRow]:
    return [
        make_row(
            1,
            "Selam Tesfaye",
            "ሰላም ተስፋዬ",
            country="Ethiopia",
            checklist_progress=0.68,
            next_checkin=dt.date(2026, 3, 12),
            overdue_count=2,
            urgent="lapsed",
            urgent_what="H-1B status expired 3 days ago",
        ),
        make_row(
            2,
            "Mohammed Abdullah",
            "محمد عبد الله",
            country="Sudan",
            specialty="Surgery",
            site="North clinic",
            phase="Integration",
            primary_mentor="Dr Ann Lee",
            primary_mentor_id=2,
            next_checkin=dt.date(2026, 1, 5),
            overdue_count=5,  # routine overdue items: listed on the Dashboard, not marked here
        ),
        make_row(
            3,
            "Wang Xiaoming",
            "王小明",
            country="China",
            status="completed",
            checklist_progress=0.9,
        ),
        make_row(
            4,
            "Olga Ivanova",
            "Ольга Иванова",
            preferred_name="Olya",
            country="Russia",
            specialty="Surgery",
            checklist_progress=0.2,
            next_checkin=dt.date(2026, 2, 1),
        ),
        make_row(5, "Nguyễn Thị Ánh", "", country="Viet Nam", status="left"),
    ]


@pytest.fixture
def model(qtbot, rows) -> RosterTableModel:
    m = RosterTableModel()
    m.set_rows(rows)
    return m


def names(model: RosterTableModel) -> list[int]:
    return [model.data(model.index(r, 0), ROW_ID_ROLE) for r in range(model.rowCount())]


def test_shape_and_display_formats(model):
    assert model.rowCount() == 5
    assert model.columnCount() == COLUMN_COUNT
    selam = model.row_of_id(1)
    assert model.data(model.index(selam, NEXT_CHECKIN), DISPLAY) == "Mar 12, 2026"
    assert model.data(model.index(selam, PROGRESS), DISPLAY) == "68%"
    assert model.data(model.index(selam, NATIVE_NAME), DISPLAY) == "ሰላም ተስፋዬ"
    assert model.data(model.index(model.row_of_id(3), STATUS), DISPLAY) == "Completed"
    olga = model.row_of_id(4)
    assert model.data(model.index(olga, NAME), DISPLAY) == "Olga Ivanova (Olya)"


def test_sort_by_name_both_ways(model):
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert names(model) == [2, 5, 4, 1, 3]
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    assert names(model) == [3, 1, 4, 5, 2]


def test_sort_by_date_and_progress_keeps_blanks_last(model):
    model.sort(NEXT_CHECKIN, Qt.SortOrder.AscendingOrder)
    assert names(model)[:3] == [2, 4, 1]
    assert set(names(model)[3:]) == {3, 5}
    model.sort(PROGRESS, Qt.SortOrder.DescendingOrder)
    assert names(model)[:3] == [3, 1, 4]
    assert set(names(model)[3:]) == {2, 5}


def test_sort_moves_persistent_indexes_with_their_rows(model):
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    held = QPersistentModelIndex(model.index(model.row_of_id(1), NAME))
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(held.row(), 0), ROW_ID_ROLE) == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ሰላም", {1}),
        ("ተስፋዬ ሰላም", {1}),
        ("محمد", {2}),
        ("عبد الله", {2}),
        ("王小明", {3}),
        ("小明", {3}),
        ("ОЛЬГА", {4}),
        ("olya", {4}),
        ("ánh", {5}),
        ("TESFAYE", {1}),
        ("nobody", set()),
        ("", {1, 2, 3, 4, 5}),
    ],
)
def test_search_in_any_script(model, query, expected):
    model.set_filter(RosterFilter(text=query))
    assert set(names(model)) == expected


def test_search_folds_compatibility_forms(model):
    model.set_filter(RosterFilter(text="ＷＡＮＧ"))  # full-width Latin, as typed by a CJK IME
    assert names(model) == [3]


def test_filters_combine(model):
    model.set_filter(RosterFilter(status="active"))
    assert set(names(model)) == {1, 2, 4}
    model.set_filter(RosterFilter(status="active", specialty="Surgery"))
    assert set(names(model)) == {2, 4}
    model.set_filter(RosterFilter(specialty="Surgery", site="North clinic"))
    assert names(model) == [2]
    model.set_filter(RosterFilter(mentor_id=2))
    assert names(model) == [2]
    model.set_filter(RosterFilter(phase="Integration", text="olga"))
    assert names(model) == []
    model.set_filter(RosterFilter())
    assert model.rowCount() == 5


def test_filter_emits_model_reset(qtbot, model):
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.set_filter(RosterFilter(text="olga"))


def test_only_urgent_rows_are_marked(model):
    selam = model.index(model.row_of_id(1), NAME)
    mohammed = model.index(model.row_of_id(2), NAME)
    olga = model.index(model.row_of_id(4), NAME)
    tip = model.data(selam, Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[:2] == ["H-1B status expired 3 days ago", "2 overdue items"]
    assert model.data(selam, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(selam, DISPLAY).startswith("⚠")
    assert (
        model.data(selam, Qt.ItemDataRole.AccessibleTextRole)
        == "Selam Tesfaye, H-1B status expired 3 days ago"
    )
    # Overdue check-ins alone are routine: named in the tooltip, never painted red.
    assert model.data(mohammed, Qt.ItemDataRole.ForegroundRole) is None
    assert not model.data(mohammed, DISPLAY).startswith("⚠")
    assert model.data(mohammed, Qt.ItemDataRole.ToolTipRole).startswith("5 overdue items")
    assert model.data(olga, Qt.ItemDataRole.ForegroundRole) is None
    assert not model.data(olga, DISPLAY).startswith("⚠")


def test_lapsed_is_red_and_due_soon_amber(rows):
    rows[1] = dataclasses.replace(rows[1], urgent="soon", urgent_what="Licence expires in 9 days")
    m = RosterTableModel()
    m.set_rows(rows)
    red = m.data(m.index(m.row_of_id(1), NAME), Qt.ItemDataRole.ForegroundRole).color()
    amber = m.data(m.index(m.row_of_id(2), NAME), Qt.ItemDataRole.ForegroundRole).color()
    assert red != amber
    assert red.red() > red.green() and amber.red() > amber.blue()


def test_ten_thousand_rows_sort_and_filter_correctly(qtbot):
    rows = [
        make_row(
            i,
            f"Person {i:05d}",
            status="active" if i % 3 else "left",
            checklist_progress=(i % 101) / 100,
        )
        for i in range(10_000)
    ]
    model = RosterTableModel()
    model.set_rows(reversed(rows))
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert names(model)[:3] == [0, 1, 2]
    model.set_filter(RosterFilter(status="active", text="person 09"))
    shown = names(model)
    # every word of the query must appear somewhere in the names
    assert shown == [i for i in range(10_000) if i % 3 and "09" in f"{i:05d}"]
    model.sort(PROGRESS, Qt.SortOrder.DescendingOrder)
    progress = [model.row_at(r).checklist_progress for r in range(model.rowCount())]
    assert progress == sorted(progress, reverse=True)
