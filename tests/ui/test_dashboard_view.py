"""Dashboard on a real demo program: figures equal the services' numbers once loading ends."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPalette

from bridgedesk.domain.figures import last_twelve_months
from bridgedesk.services.attention.needs_attention import attention_list
from bridgedesk.services.attention.rows import Target
from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.services.demo import generate_demo
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.metrics import compute_program_metrics
from bridgedesk.services.timeline.service import TimelineService
from bridgedesk.services.timeline.week_ahead import week_ahead
from bridgedesk.ui.models.attention_model import MENTEE, WHAT
from bridgedesk.ui.screens.dashboard.dashboard_view import LOADING, DashboardView
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.bar_chart import paint_bars, paint_step_curve

from .conftest import TODAY


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    generate_demo(sqlite_ctx, TODAY, mentees=24, seed=5)
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


def loaded_view(qtbot, env) -> DashboardView:
    view = DashboardView(env)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=20000):
        view.refresh()
        assert view.status.text() == LOADING
    return view


def rows_of(view) -> list[tuple[str, str]]:
    """The "Needs attention" item rows as (mentee, what), headings left out."""
    m = view.attention.model
    return [
        (m.data(m.index(r, MENTEE)), m.data(m.index(r, WHAT)))
        for r in range(m.rowCount())
        if not m.is_heading(r)
    ]


def test_tiles_show_the_services_numbers(qtbot, env):
    view = loaded_view(qtbot, env)
    metrics = compute_program_metrics(env.ctx, *last_twelve_months(TODAY), TODAY)
    assert view.tiles["in_program"].value.text() == f"{metrics.roster.in_program.value:g}"
    ot = metrics.checkins.on_time
    assert view.tiles["on_time"].value.text() == f"{ot.share * 100:.1f}%"
    assert f"{ot.value:g} of {ot.denominator} held" in view.tiles["on_time"].detail.text()
    assert view.tiles["milestones_overdue"].value.text() == f"{metrics.milestones.overdue.value:g}"
    lapsed, within = metrics.deadlines.lapsed.value, metrics.deadlines.within[0].value
    assert view.tiles["credentials"].value.text() == f"{lapsed:g} / {within:g}"
    assert view.tiles["retention"].value.text().endswith("%")
    listed = attention_list(env.ctx, TODAY)
    assert [r.key for r in view.attention.model.item_rows()] == [r.key for r in listed.rows]
    assert len(listed.rows) > 0
    phases = [label for label, _v, _t in view.phase_chart.bars]
    assert phases == [m.label for m in metrics.roster.by_phase]
    assert view.status.text().endswith(week_ahead(env.ctx, TODAY).sentence())


def test_new_overdue_checkin_and_deadline_appear_and_open_the_mentee(qtbot, env):
    mid = RosterService(env.ctx, clock=lambda: TODAY).create(
        MenteeFields(given_names="Priya", family_name="Sharma", native_name="प्रिया शर्मा",
                     start_date=dt.date(2025, 9, 1))
    )  # fmt: skip
    TimelineService(env.ctx).plan_checkin(mid, TODAY - dt.timedelta(days=3), "Month 6 check-in")
    CredentialService(env.ctx).add(
        mid, CredentialFields("state_licence", expires_on=TODAY + dt.timedelta(days=12))
    )
    view = loaded_view(qtbot, env)
    rows = rows_of(view)
    assert ("Priya Sharma", "1 check-in overdue, oldest 3 days") in rows
    assert ("Priya Sharma", "State medical licence expires in 12 days") in rows
    assert ("Priya Sharma", "No primary mentor; started 192 days ago") in rows

    table = view.attention.table
    model = view.attention.model
    row = next(
        r for r in range(model.rowCount())
        if model.data(model.index(r, MENTEE)) == "Priya Sharma"
        and model.data(model.index(r, WHAT)).startswith("1 check-in overdue")
    )  # fmt: skip
    view.show()
    table.setFocus()
    table.setCurrentIndex(model.index(row, 0))
    with qtbot.waitSignal(view.target_requested) as signal:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    (target,) = signal.args
    assert (target.view, target.mentee_id, target.item_kind) == ("timeline", mid, "checkin")
    with qtbot.waitSignal(view.target_requested) as signal:
        table.doubleClicked.emit(model.index(row, 1))
    assert signal.args == [target]


def test_charts_paint_in_light_and_dark_palettes(qapp):
    for base, text in (("#ffffff", "#000000"), ("#202020", "#eeeeee")):
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Base, base)
        palette.setColor(QPalette.ColorRole.WindowText, text)
        palette.setColor(QPalette.ColorRole.Highlight, "#3070c0")
        image = QImage(300, 150, QImage.Format.Format_ARGB32)
        image.fill(base)
        painter = QPainter(image)
        paint_bars(painter, QRectF(0, 0, 300, 70), [("王小明", 3, "3"), ("Ольга", 1, "1")], palette)
        paint_step_curve(painter, QRectF(0, 75, 300, 75), [(6, 0.9), (20, 0.7)], palette)
        painter.end()
        highlight = sum(
            1 for x in range(0, 300, 3) for y in range(0, 150, 3)
            if image.pixelColor(x, y).name() == "#3070c0"
        )  # fmt: skip
        assert highlight > 20


def test_main_window_opens_the_mentee_a_dashboard_row_asks_for(
    qtbot, sqlite_ctx, data_paths, tmp_path
):
    from PySide6.QtCore import QSettings

    from bridgedesk.services.program.details import ProgramSettings, save
    from bridgedesk.ui.dialogs import Dialogs
    from bridgedesk.ui.main_window import MainWindow
    from bridgedesk.ui.view_env import ViewEnv

    save(sqlite_ctx, ProgramSettings("Pine Ridge", "IMG Bridge", "Dr. Reed"))
    mentee_id = RosterService(sqlite_ctx).create(
        MenteeFields(
            given_names="Selam",
            family_name="Tesfaye",
            native_name="ሰላም ተስፋዬ",
            start_date=dt.date(2025, 7, 1),
        )
    )
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ViewEnv(sqlite_ctx, data_paths, Dialogs()), settings)
    qtbot.addWidget(window)
    dashboard = window.show_view("dashboard")
    dashboard.target_requested.emit(Target("mentees", mentee_id, "mentors"))
    assert window.current_key() == "mentees"
    form = window.roster().current_form
    assert form is not None
    assert form.record is not None and form.record.id == mentee_id
    assert form.record.fields.native_name == "ሰላም ተስፋዬ"


def names_in(view) -> set[str]:
    return {name for name, _what in rows_of(view)}


def test_site_picker_narrows_measures_and_lists_to_one_site(qtbot, sqlite_ctx, data_paths, dialogs):
    roster, timeline, creds = (
        RosterService(sqlite_ctx, clock=lambda: TODAY),
        TimelineService(sqlite_ctx),
        CredentialService(sqlite_ctx),
    )
    code = creds.kinds()[0].code
    people = {
        "Cedar Valley": [("Selam", "Tesfaye", "ሰላም ተስፋዬ"), ("Olga", "Ivanova", "Ольга Иванова")],
        "Pine Ridge <b>&amp;</para>": [("Xiaoming", "Wang", "王小明")],
    }
    for site, names in people.items():
        for given, family, native in names:
            mid = roster.create(
                MenteeFields(given_names=given, family_name=family, native_name=native,
                             start_date=dt.date(2025, 9, 1), site=site)
            )  # fmt: skip
            timeline.plan_checkin(mid, TODAY - dt.timedelta(days=5), "Month 6 check-in")
            creds.add(mid, CredentialFields(code, expires_on=TODAY + dt.timedelta(days=10)))
    env = ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)
    view = loaded_view(qtbot, env)
    view.show()
    everyone = {"Selam Tesfaye", "Olga Ivanova", "Xiaoming Wang"}
    assert view.site.isVisible() and view.heading.text() == "All sites"
    assert [view.site.itemText(i) for i in range(view.site.count())] == [
        "All sites", "Cedar Valley", "Pine Ridge <b>&amp;</para>",
    ]  # fmt: skip
    assert view.tiles["in_program"].value.text() == "3"
    assert names_in(view) == everyone

    view.site.setFocus()
    with qtbot.waitSignal(view.loaded, timeout=20000):
        qtbot.keyClick(view.site, Qt.Key.Key_Down)  # keyboard: the next site in the box
    assert view.chosen_site() == "Cedar Valley" and view.heading.text() == "Cedar Valley"
    assert view.tiles["in_program"].value.text() == "2"
    assert names_in(view) == {"Selam Tesfaye", "Olga Ivanova"}
    assert [label for label, _v, _t in view.phase_chart.bars]  # the chart followed too
    assert sum(v for _l, v, _t in view.phase_chart.bars) == 2

    with qtbot.waitSignal(view.loaded, timeout=20000):
        view.choose_site("Pine Ridge <b>&amp;</para>")
    assert view.heading.text() == "Pine Ridge <b>&amp;</para>"
    assert view.tiles["in_program"].value.text() == "1"
    assert names_in(view) == {"Xiaoming Wang"}

    with qtbot.waitSignal(view.loaded, timeout=20000):
        view.choose_site(None)
    assert view.heading.text() == "All sites" and view.chosen_site() is None
    assert view.tiles["in_program"].value.text() == "3"
    assert names_in(view) == everyone


def test_site_picker_hidden_with_one_site_or_none(qtbot, sqlite_ctx, data_paths, dialogs):
    env = ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)
    view = loaded_view(qtbot, env)
    view.show()
    assert not view.site.isVisible() and view.heading.text() == "All sites"
    RosterService(sqlite_ctx, clock=lambda: TODAY).create(
        MenteeFields(given_names="Ánh", family_name="Nguyễn", native_name="Nguyễn Thị Ánh",
                     start_date=dt.date(2025, 9, 1), site="Cedar Valley")
    )  # fmt: skip
    with qtbot.waitSignal(view.loaded, timeout=20000):
        view.refresh()
    assert view.site.count() == 2 and not view.site.isVisible()
    assert view.tiles["in_program"].value.text() == "1"
