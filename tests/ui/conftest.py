"""GUI fixtures: a ViewEnv on the test's own database, a recording dialog service, a QSettings file."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
from PySide6.QtCore import QLocale, QSettings

from bridgedesk.services.program import details as program_settings
from bridgedesk.services.program.details import ProgramSettings
from bridgedesk.ui.dialogs import Dialogs, SaveChoice
from bridgedesk.ui.view_env import ViewEnv

TODAY = dt.date(2026, 3, 12)


class RecordingDialogs(Dialogs):
    """Answers questions from presets and remembers every message, instead of opening boxes."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []
        self.confirm_answer = True
        self.save_choice = SaveChoice.CANCEL
        self.open_path = None
        self.save_path = None
        self.text_answer: str | None = ""
        self.damaged_choice = "quit"
        self.choice_answer: int | None = 0

    def info(self, parent, title, text):
        self.messages.append(("info", text))

    def warn(self, parent, title, text):
        self.messages.append(("warn", text))

    def error(self, parent, text, title="BridgeDesk"):
        self.messages.append(("error", text))

    def confirm(self, parent, title, text, action="OK"):
        self.messages.append(("confirm", text))
        return self.confirm_answer

    def choose(self, parent, title, text, choices):
        self.messages.append(("choose", text))
        return self.choice_answer

    def ask_save_discard_cancel(self, parent, text):
        self.messages.append(("ask_save", text))
        return self.save_choice

    def ask_save_path(self, parent, title, suggested, file_filter):
        return self.save_path

    def ask_open_path(self, parent, title, folder, file_filter):
        return self.open_path

    def ask_text(self, parent, title, label, text=""):
        self.messages.append(("ask_text", label))
        return self.text_answer

    def ask_damaged_start(self, parent, damaged):
        self.messages.append(("damaged_start", damaged.explanation))
        return self.damaged_choice

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.messages]


@pytest.fixture(autouse=True)
def _garbage_collector_as_found():
    """A test that runs the app in-process (ui.app.run) settles the collector as the app does
    (ui/startup/gc_pauses.py): undo it, so later tests on this worker see the default."""
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


@pytest.fixture(autouse=True, scope="session")
def _us_locale():
    """Typed dates are read in the locale's order: the tests run as a US computer would,
    whatever this machine's language (the date tests choose other locales themselves)."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def dialogs() -> RecordingDialogs:
    return RecordingDialogs()


@pytest.fixture
def env(ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(ctx, data_paths, dialogs, today=lambda: TODAY)


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "gui-settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def configured(ctx) -> ProgramSettings:
    names = ProgramSettings("Hillside District Hospital", "IMG Bridge Program", "Dr Ruth Okafor")
    program_settings.save(ctx, names)
    return names
