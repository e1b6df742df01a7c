"""The user guide: F1 opens the page for the screen; every view has a page; no broken link or picture."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program import details as program_settings
from bridgedesk.services.program.details import ProgramSettings
from bridgedesk.ui.main_window import MainWindow
from bridgedesk.ui.screens.help.help_pages import (
    PAGES,
    RECORD_PAGE,
    WELCOME_PAGE,
    help_folder,
    page_for_view,
    page_path,
)
from bridgedesk.ui.screens.registry import VIEWS
from bridgedesk.ui.view_env import ViewEnv
from tests.ui.conftest import TODAY


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


@pytest.fixture
def configured(sqlite_ctx) -> ProgramSettings:
    names = ProgramSettings("Hillside District Hospital", "IMG Bridge Program", "Dr Ruth Okafor")
    program_settings.save(sqlite_ctx, names)
    return names


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.images: list[str] = []
        self.stylesheets: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.hrefs.append(str(values["href"]))
        if tag == "img":
            self.images.append(str(values.get("src") or ""))
        if tag == "link" and values.get("rel") == "stylesheet":
            self.stylesheets.append(str(values.get("href") or ""))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def parsed(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def all_pages() -> list[Path]:
    return sorted(help_folder().glob("*.html"))


def window_on_a_program(qtbot, env, settings, configured) -> MainWindow:
    RosterService(env.ctx, clock=env.today).create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", start_date=TODAY)
    )
    window = MainWindow(env, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_every_view_and_every_listed_page_has_its_file():
    for spec in VIEWS:
        assert page_path(page_for_view(spec.key)).is_file(), f"no guide page for {spec.title}"
    listed = {page.key for page in PAGES}
    on_disk = {path.stem for path in all_pages()}
    assert listed == on_disk  # no page missing from the contents, none listed without a file


def test_every_link_between_pages_resolves_and_every_picture_exists():
    pages = all_pages()
    assert len(pages) >= len(VIEWS) + 4
    pictures = 0
    for path in pages:
        links = parsed(path)
        assert links.title.strip(), f"{path.name} has no title"
        for href in links.hrefs:
            if re.match(r"^[a-z]+:", href):
                continue  # an outside address, opened by the system's browser
            target, _, _anchor = href.partition("#")
            assert (path.parent / target).is_file(), f"{path.name} links to missing {href}"
        for src in links.images:
            assert (path.parent / src).is_file(), f"{path.name} shows missing picture {src}"
            pictures += 1
        for sheet in links.stylesheets:
            assert (path.parent / sheet).is_file()
    assert pictures >= len(VIEWS)  # the guide shows the real screens


def test_pictures_are_small_enough_to_ship():
    for picture in (help_folder() / "images").glob("*.png"):
        with Image.open(picture) as image:
            assert image.width <= 1000, f"{picture.name} is {image.width} px wide"
        assert picture.stat().st_size < 250_000, picture.name


def test_f1_opens_the_guide_at_the_page_of_the_view_on_screen(qtbot, env, settings, configured):
    window = window_on_a_program(qtbot, env, settings, configured)
    for spec in (VIEWS[0], VIEWS[2], VIEWS[-1]):
        window.show_view(spec.key)
        window.activateWindow()
        window.guide_action.trigger()
        guide = window.help_window
        assert guide is not None and guide.isVisible()
        assert guide.current_page() == page_for_view(spec.key)
        assert guide.browser.documentTitle() == spec.title
        chosen = guide.contents.currentItem()
        assert chosen is not None and chosen.text() == spec.title
    assert window.guide_action.shortcut().toString() == "F1"


def test_f1_on_a_mentee_record_opens_the_record_page(qtbot, env, settings, configured):
    window = window_on_a_program(qtbot, env, settings, configured)
    roster = window.roster()
    qtbot.waitUntil(lambda: roster.model.rowCount() == 1)
    form = roster.open_mentee(roster.model.row_at(0).id)
    qtbot.waitUntil(form.isVisible)
    form.activateWindow()
    qtbot.waitUntil(lambda: form.isActiveWindow() or form.isModal())
    window.guide_action.trigger()
    assert window.help_window.current_page() == RECORD_PAGE
    form.done(0)


def test_f1_on_the_welcome_page_opens_getting_started(qtbot, env, settings):
    window = MainWindow(env, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.on_welcome
    window.guide_action.trigger()
    assert window.help_window.current_page() == WELCOME_PAGE


def test_links_and_contents_move_between_pages(qtbot, env, settings, configured):
    window = window_on_a_program(qtbot, env, settings, configured)
    window.show_view("dashboard")
    window.guide_action.trigger()
    guide = window.help_window
    guide.home_button.click()
    assert guide.current_page() == "index"
    assert guide.back_button.isEnabled()
    row = next(i for i, page in enumerate(PAGES) if page.key == "data-safety")
    guide.contents.setCurrentRow(row)
    assert guide.current_page() == "data-safety"
    assert "Keeping your data safe" in guide.windowTitle()
    qtbot.mouseClick(guide.back_button, Qt.MouseButton.LeftButton)
    assert guide.current_page() == "index"
