"""The Checklists view on a real database: rate by keyboard, gaps, dates, template versions."""

from __future__ import annotations

import datetime as dt

import pypdf
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPalette

from bridgedesk.domain.enums import AssessmentMethod, ObserverRole
from bridgedesk.reports.mentee_report import build_mentee_report
from bridgedesk.services.checklists.mentor_judged import mentor_judged_by_mentee
from bridgedesk.services.checklists.ratings import ChecklistService, DomainProgress, Rating
from bridgedesk.services.checklists.templates import template_versions
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.ui.models import checklist_grid_model as cols
from bridgedesk.ui.models.checklist_grid_model import ChecklistGridModel, gap_colour, gap_text
from bridgedesk.ui.screens.checklists.checklists_view import ChecklistsView
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.progress_bars import DomainProgressBars

from .conftest import TODAY

HOSTILE = "<b>&amp;</para>"


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


@pytest.fixture
def mentees(env) -> dict[str, int]:
    roster = RosterService(env.ctx)
    people = [("Tesfaye", "Selam", "ሰላም ተስፋዬ"), ("Ánh", "Nguyễn Thị", "Nguyễn Thị Ánh")]
    return {
        native: roster.create(
            MenteeFields(
                given_names=given, family_name=family, native_name=native,
                start_date=dt.date(2025, 9, 1),
            )
        )
        for given, family, native in people
    }  # fmt: skip


@pytest.fixture
def view(qtbot, env, mentees) -> ChecklistsView:
    widget = ChecklistsView(env)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.select_mentee(mentees["Nguyễn Thị Ánh"])
    return widget


def rate(env, mentee_id, item_id, level, role, on=dt.date(2026, 1, 5), observer="Dr Ruth Okafor"):
    ChecklistService(env.ctx).rate(
        mentee_id,
        Rating(item_id, level, on, observer, role, AssessmentMethod.DIRECT_OBSERVATION),
        today=TODAY,
    )


def test_rate_by_keyboard_saves_and_moves_on(qtbot, view, env, mentees):
    mentee = mentees["Nguyễn Thị Ánh"]
    view.table.setFocus()
    view.table.selectRow(1)
    item = view.model.row_at(1)
    qtbot.keyClick(view.table, Qt.Key.Key_3)
    assert view.panel.level.currentData() == 3
    qtbot.keyClicks(view.panel.observer, "Dr ")  # QTest types ASCII only; the rest is pasted
    view.panel.observer.insert("Ольга Иванова")
    view.panel.evidence.setText(HOSTILE)
    qtbot.keyClick(view.panel.observer, Qt.Key.Key_Return)

    grid = {r.item_id: r for r in ChecklistService(env.ctx).grid(mentee)}
    assert grid[item.item_id].latest_mentor == 3
    assert grid[item.item_id].latest_on == TODAY
    (stored,) = ChecklistService(env.ctx).history(mentee, item.key)
    assert (stored.observer, stored.observer_role, stored.evidence) == (
        "Dr Ольга Иванова", ObserverRole.MENTOR, HOSTILE,
    )  # fmt: skip
    row = view.model.row_of_item(item.item_id)
    assert view.model.index(row, cols.MENTOR).data() == "Proficient"
    assert view.table.currentIndex().row() == 2  # moved to the next item
    assert view.panel.evidence.text() == ""  # observer kept, evidence cleared
    assert view.panel.observer.text() == "Dr Ольга Иванова"

    # The next item straight from the grid: digit, Enter.
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_1)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    third = view.model.row_at(2)
    assert view.model.index(2, cols.MENTOR).data() == "Beginning"
    assert ChecklistService(env.ctx).history(mentee, third.key)[0].level == 1
    assert view.history_rows() == []  # the selection moved on to row 3, not yet rated
    view.table.selectRow(2)
    assert view.history_rows()[0][:3] == ["Mar 12, 2026", "Beginning", "Dr Ольга Иванова"]


def test_self_and_mentor_side_by_side_with_gap(qtbot, view, env, mentees):
    mentee = mentees["Nguyễn Thị Ánh"]
    item_id = view.model.row_at(0).item_id
    rate(env, mentee, item_id, 4, ObserverRole.SELF)
    rate(env, mentee, item_id, 2, ObserverRole.MENTOR)
    view.refresh()
    assert view.model.index(0, cols.SELF).data() == "Can teach others"
    assert view.model.index(0, cols.MENTOR).data() == "Developing"
    assert view.model.index(0, cols.GAP).data() == "−2"
    brush = view.model.index(0, cols.GAP).data(Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color().isValid()
    assert "below self" in view.model.index(0, cols.GAP).data(Qt.ItemDataRole.ToolTipRole)
    assert view.model.index(1, cols.GAP).data() == ""  # not rated by both


def test_future_date_refused_inline(qtbot, view, env, mentees):
    view.table.selectRow(0)
    view.panel.observer.setText("Dr Ruth Okafor")
    view.panel.date.setDate(QDate(2026, 3, 13))  # tomorrow
    qtbot.keyClick(view.panel.observer, Qt.Key.Key_Return)
    assert view.panel.date_row.problem() == "A rating cannot be dated in the future."
    assert not view.panel.date.message.isHidden()  # the date field shows its own problems
    assert ChecklistService(env.ctx).grid(mentees["Nguyễn Thị Ánh"])[0].latest_on is None
    assert env.dialogs.messages == []  # no message box
    view.panel.date.setDate(QDate(2026, 3, 12))
    qtbot.keyClick(view.panel.observer, Qt.Key.Key_Return)
    assert view.panel.problems_shown() == []


def test_missing_observer_refused_inline(view):
    view.table.selectRow(0)
    assert not view.panel.save()
    assert view.panel.observer_row.problem() == "Name who observed."


def test_template_editor_saves_new_version_and_old_wording_stays(qtbot, view, env, mentees):
    mentee = mentees["Nguyễn Thị Ánh"]
    first = view.model.row_at(0)
    rate(env, mentee, first.item_id, 3, ObserverRole.MENTOR)
    editor = view.open_editor()
    assert "keep the wording" in editor.findChildren(type(view.summary))[0].text()
    assert editor.versions.count() == 1
    domain = editor.tree.topLevelItem(0)
    domain.child(0).setText(0, "Asks for the patient's own view: " + "王小明")
    editor.tree.setCurrentItem(domain)
    added = editor.add_item()
    added.setText(0, "Uses plain words " + HOSTILE)
    before_count = domain.childCount()
    editor.tree.setCurrentItem(domain.child(1))
    editor.remove_selected()
    assert domain.childCount() == before_count - 1
    with qtbot.waitSignal(editor.saved):
        editor.save_button.click()

    versions = template_versions(env.ctx)
    assert [v.version for v in versions] == [2, 1] and versions[0].is_current
    template = ChecklistService(env.ctx).current_template()
    texts = [t for _i, _k, t in template.domains[0][1]]
    assert texts[0] == "Asks for the patient's own view: 王小明"
    assert texts[-1] == "Uses plain words " + HOSTILE
    assert view.model.index(0, cols.ITEM).data().endswith("王小明")
    assert view.model.index(0, cols.MENTOR).data() == "Proficient"  # history followed the key
    view.table.selectRow(0)
    (old,) = view.history_rows()
    assert old[5] == "v1" and old[6] == first.item_text  # rated against the old wording


def test_template_editor_refuses_an_empty_item(qtbot, view, env):
    editor = view.open_editor()
    editor.tree.topLevelItem(0).child(0).setText(0, "  ")
    editor.save_button.click()
    assert editor.message.problem() == "Every item needs its text."
    assert len(template_versions(env.ctx)) == 1


def test_mentee_picker_switches_grid(qtbot, view, env, mentees):
    item_id = view.model.row_at(0).item_id
    rate(env, mentees["ሰላም ተስፋዬ"], item_id, 2, ObserverRole.SELF)
    view.refresh()
    assert view.model.index(0, cols.SELF).data() == ""
    view.select_mentee(mentees["ሰላም ተስፋዬ"])
    assert view.model.index(0, cols.SELF).data() == "Developing"
    assert "ሰላም ተስፋዬ" in view.mentee.currentText()


def test_progress_bars_paint(qtbot, view, env, mentees):
    mentee = mentees["Nguyễn Thị Ánh"]
    rate(env, mentee, view.model.row_at(0).item_id, 4, ObserverRole.MENTOR)
    view.refresh()
    view.tabs.setCurrentIndex(1)
    bars = view.bars
    assert bars.rows()[0].proficient_items == 1
    image = bars.grab().toImage()
    assert not image.isNull() and image.width() > 300
    highlight = bars.palette().color(QPalette.ColorRole.Highlight)
    row_h = bars.fontMetrics().height() + 12
    y = row_h + row_h // 2  # the first domain's bar
    found = {image.pixelColor(x, y).name() for x in range(240, image.width())}
    assert highlight.name() in found
    assert "1 of 3 proficient" in bars.accessibleDescription()


def test_progress_bars_alone_paint_dark(qtbot):
    bars = DomainProgressBars()
    qtbot.addWidget(bars)
    palette = bars.palette()
    palette.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.black)
    palette.setColor(QPalette.ColorRole.WindowText, Qt.GlobalColor.white)
    bars.setPalette(palette)
    bars.set_progress([DomainProgress("Ольга", 2, 1, 0.5, 0.0, 2.0, 1.0, 3.0)], 4)
    bars.resize(700, bars.sizeHint().height())
    assert not bars.grab().isNull()


def test_grid_model_without_a_window():
    model = ChecklistGridModel()
    assert model.rowCount() == 0 and model.columnCount() == 6
    assert gap_text(2) == "+2" and gap_text(-1) == "−1" and gap_text(None) == ""
    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.white)
    dark.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.black)
    assert gap_colour(light, -2) != gap_colour(dark, -2)
    assert gap_colour(light, 0) is None


def test_typing_a_name_and_enter_shows_that_mentee_and_nobody_for_no_match(qtbot, view, mentees):
    """The grid always belongs to the name in the box and its title: no ratings to the
    previous mentee; text matching nobody changes nothing and says so."""
    assert view.mentee_id() == mentees["Nguyễn Thị Ánh"]
    box = view.mentee.lineEdit()
    box.selectAll()
    box.insert("ሰላም")  # part of a name in Ethiopic script, typed (pasted) as a director would
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert view.mentee_id() == mentees["ሰላም ተስፋዬ"]
    assert view.panel.mentee_id == mentees["ሰላም ተስፋዬ"]
    assert view.grid_title.text() == "Checklist of Tesfaye Selam — ሰላም ተስፋዬ"
    box.selectAll()
    box.insert("nobody of that name")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert view.mentee_id() == mentees["ሰላም ተስፋዬ"]  # nobody chosen: nothing changed
    assert view.panel.mentee_id == mentees["ሰላም ተስፋዬ"]
    assert box.text() == "Tesfaye Selam — ሰላም ተስፋዬ"  # the box names whose grid is shown
    assert view.grid_title.text() == "Checklist of Tesfaye Selam — ሰላም ተስፋዬ"
    assert view.note.text() == (
        "No mentee matches “nobody of that name”; still showing Tesfaye Selam — ሰላም ተስፋዬ."
    )
    assert not view.note.isHidden()


def test_screen_counts_proficient_as_the_report_does(qtbot, view, env, mentees, tmp_path):
    """A self-rating above the mentor's does not make an item proficient, on screen or in the
    mentee report: both count the latest MENTOR rating at a proficient level."""
    mentee = mentees["Nguyễn Thị Ánh"]
    first, second = view.model.row_at(0).item_id, view.model.row_at(1).item_id
    assert view.model.row_at(0).domain == view.model.row_at(1).domain
    rate(env, mentee, first, 4, ObserverRole.MENTOR, on=dt.date(2026, 1, 5))
    rate(env, mentee, second, 2, ObserverRole.MENTOR, on=dt.date(2026, 1, 5))
    rate(env, mentee, second, 4, ObserverRole.SELF, on=dt.date(2026, 2, 5), observer="Self")
    view.refresh()
    view.tabs.setCurrentIndex(1)
    screen = view.bars.rows()[0]
    report = mentor_judged_by_mentee(env.ctx, [mentee])[mentee][0]
    assert screen.domain == report.domain
    assert screen.proficient_items == report.latest_proficient == 1  # the self 4 is not counted
    assert f"1 of {screen.items} proficient" in view.bars.accessibleDescription()
    out = tmp_path / "mentee.pdf"
    build_mentee_report(env.ctx, mentee, out, TODAY)
    text = pypdf.PdfReader(out).pages
    flat = " ".join(" ".join(page.extract_text() for page in text).split())
    assert f"{report.latest_proficient} ({report.latest_share:.0%})" in flat
