"""Reports view on a demo program: generate off-thread, preview, save a real PDF, render for print."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize, QPdfWriter

from bridgedesk.services.demo import generate_demo
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program import details as program_settings
from bridgedesk.ui.screens.reports.pdf_preview import print_pages
from bridgedesk.ui.screens.reports.reports_view import (
    MENTEE,
    PACKET,
    PROGRAM,
    SAVE_TITLE,
    ReportsView,
)
from bridgedesk.ui.view_env import ViewEnv

from .conftest import TODAY


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    generate_demo(sqlite_ctx, TODAY, mentees=12, seed=2)
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


def make_view(qtbot, env) -> ReportsView:
    view = ReportsView(env)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    return view


def pick(combo, key) -> None:
    combo.setCurrentIndex(combo.findData(key))


def generate(qtbot, view) -> None:
    with qtbot.waitSignal(view.generated, timeout=60000):
        qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
        assert not view.generate_button.isEnabled()  # busy while the worker runs


def test_program_report_previews_saves_and_prints(qtbot, env, dialogs, tmp_path):
    view = make_view(qtbot, env)
    assert view.start.date().toPython() == dt.date(2025, 3, 13)  # the CLI's default period too
    assert not view.save_button.isEnabled()
    assert not view.private.isEnabled()  # the program report holds no notes
    generate(qtbot, view)
    assert view.preview.page_count() > 1
    assert view.preview.position.text() == f"Page 1 of {view.preview.page_count()}"
    view.preview.next.click()
    assert view.preview.current == 1
    assert view.preview.image_label.pixmap().width() > 100

    titles = []

    def ask_save_path(parent, title, suggested, file_filter):
        titles.append(title)
        return tmp_path / "board"  # no suffix: the view adds .pdf

    dialogs.ask_save_path = ask_save_path
    view.save_button.click()
    assert titles == [SAVE_TITLE] and "personnel data" in SAVE_TITLE
    saved = tmp_path / "board.pdf"
    text = "".join(page.extract_text() for page in PdfReader(saved).pages)
    assert program_settings.load(env.ctx).program_name in text.replace("\n", " ")

    printed = tmp_path / "printed.pdf"
    writer = QPdfWriter(str(printed))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    writer.setResolution(96)
    assert print_pages(view.preview.pages, writer) == view.preview.page_count()
    del writer
    assert len(PdfReader(printed).pages) == view.preview.page_count()


def test_mentee_report_names_the_chosen_mentee(qtbot, env, tmp_path, dialogs):
    mid = RosterService(env.ctx, clock=lambda: TODAY).create(
        MenteeFields(given_names="Olga", family_name="Ivanova", native_name="Ольга Иванова",
                     start_date=dt.date(2025, 9, 1))
    )  # fmt: skip
    view = make_view(qtbot, env)
    pick(view.report, MENTEE)
    assert view.mentee.isEnabled() and view.private.isEnabled()
    view.private.setChecked(True)
    assert view.private_warning.isVisible()
    view.choose_mentee(mid)
    assert "Ольга Иванова" in view.mentee.currentText()
    generate(qtbot, view)
    dialogs.save_path = tmp_path / "olga.pdf"
    view.save()
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "olga.pdf").pages)
    assert "Ivanova" in text
    assert view.preview.page_count() >= 1


def test_errors_are_shown_in_plain_words(qtbot, env, dialogs):
    view = make_view(qtbot, env)
    pick(view.report, PACKET)
    view.end.setDate(view.start.date().addDays(-1))
    view.generate()
    assert dialogs.messages[-1] == ("error", "The period must end on or after its start.")
    pick(view.report, MENTEE)
    view.mentee.setCurrentIndex(-1)
    view.generate()
    assert dialogs.messages[-1] == ("error", "Choose a mentee for the progress report.")
    pick(view.report, PROGRAM)
    assert view.generate_button.isEnabled()


def test_a_name_no_font_can_draw_is_refused_in_plain_words(qtbot, env, dialogs):
    mid = RosterService(env.ctx, clock=lambda: TODAY).create(
        MenteeFields(given_names="Nguyễn Thị", family_name="Ánh", native_name="\U00013000",
                     start_date=dt.date(2025, 9, 1))
    )  # fmt: skip
    view = make_view(qtbot, env)
    pick(view.report, MENTEE)
    view.choose_mentee(mid)
    with qtbot.waitSignal(view.generation_failed, timeout=60000) as failed:
        view.generate()
    assert "no bundled font can print" in failed.args[0]
    assert dialogs.messages[-1] == ("error", failed.args[0])
    assert view.preview.page_count() == 0 and not view.save_button.isEnabled()


def test_print_report_on_the_mentee_record_opens_its_report(
    qtbot, sqlite_ctx, data_paths, tmp_path
):
    import datetime as dt

    from PySide6.QtCore import QSettings

    from bridgedesk.services.mentees.roster import MenteeFields, RosterService
    from bridgedesk.services.program.details import ProgramSettings, save
    from bridgedesk.ui.dialogs import Dialogs
    from bridgedesk.ui.main_window import MainWindow
    from bridgedesk.ui.view_env import ViewEnv

    save(sqlite_ctx, ProgramSettings("Pine Ridge", "IMG Bridge", "Dr. Reed"))
    mentee_id = RosterService(sqlite_ctx).create(
        MenteeFields(
            given_names="Olga",
            family_name="Ivanova",
            native_name="Ольга Иванова",
            start_date=dt.date(2025, 7, 1),
        )
    )
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ViewEnv(sqlite_ctx, data_paths, Dialogs()), settings)
    qtbot.addWidget(window)
    window.show_view("mentees")
    form = window.roster().open_mentee(mentee_id)
    assert form.report_button.isVisibleTo(form)
    form.report_button.click()
    assert window.current_key() == "reports"
    reports = window.view("reports")
    qtbot.waitUntil(lambda: reports.pdf_path is not None, timeout=30_000)
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(reports.pdf_path).pages)
    assert "Ivanova" in text and "Ольга Иванова" in text


def test_site_combo_and_audit_checkbox_reach_the_packet(qtbot, env, tmp_path, dialogs):
    from bridgedesk.ui.screens.reports.reports_view import ALL_SITES

    sites = RosterService(env.ctx).sites()
    view = make_view(qtbot, env)
    assert view.site.itemText(0) == ALL_SITES
    assert [view.site.itemText(i) for i in range(1, view.site.count())] == sites
    pick(view.report, PACKET)
    assert view.site.isEnabled() and view.audit.isEnabled() and not view.audit.isChecked()
    pick(view.site, sites[0])
    view.audit.setChecked(True)
    generate(qtbot, view)
    text = " ".join(p.extract_text() for p in PdfReader(view.pdf_path).pages)
    assert f"Site: {sites[0]}" in text and "Appendix: audit trail" in text
    pick(view.report, MENTEE)
    assert not view.site.isEnabled()
    pick(view.report, PROGRAM)
    assert not view.audit.isEnabled() and not view.audit.isChecked()


def test_name_early_exits_checkbox_is_for_the_program_report(qtbot, env, dialogs):
    from bridgedesk.services.metrics import compute_program_metrics

    view = make_view(qtbot, env)
    pick(view.report, MENTEE)
    assert not view.name_exits.isEnabled()
    pick(view.report, PROGRAM)
    assert view.name_exits.isEnabled() and not view.name_exits.isChecked()
    start, end = date_of_view(view)
    exits = compute_program_metrics(env.ctx, start, end, TODAY).retention.exits
    assert exits
    generate(qtbot, view)
    plain = " ".join(" ".join(p.extract_text() for p in PdfReader(view.pdf_path).pages).split())
    view.name_exits.setChecked(True)
    generate(qtbot, view)
    named = " ".join(" ".join(p.extract_text() for p in PdfReader(view.pdf_path).pages).split())
    for exit_ in exits:
        assert exit_.name not in plain and exit_.name in named
    pick(view.report, PACKET)
    assert not view.name_exits.isChecked()


def date_of_view(view) -> tuple[dt.date, dt.date]:
    return view.start.date().toPython(), view.end.date().toPython()
