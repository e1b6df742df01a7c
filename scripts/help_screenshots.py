"""Take the user guide's pictures (resources/help/images/*.png) from the real program.

Runs the window on a new empty program (the welcome page, the getting-started list) and on
the demo program (every view, a mentee's record and its history, the File menu's dialogs),
each in a throwaway data folder, and saves optimised PNGs at most MAX_WIDTH pixels wide.
Run it again whenever the screens change; it replaces the pictures it takes:

  xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
      .venv/bin/python scripts/help_screenshots.py [--out resources/help/images]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QEventLoop, QIODevice, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import resolve
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.demo.generator import generate_demo
from bridgedesk.services.history.acting_person import act_as_director
from bridgedesk.services.mentees.phases import read_phases
from bridgedesk.services.mentees.roster import RosterService
from bridgedesk.services.program_file import safety
from bridgedesk.ui.dialogs import Dialogs
from bridgedesk.ui.main_menus import open_program_settings
from bridgedesk.ui.main_window import MainWindow
from bridgedesk.ui.screens.registry import VIEWS
from bridgedesk.ui.view_env import ViewEnv

ROOT = Path(__file__).resolve().parent.parent
WINDOW_SIZE = (1280, 720)  # the main window in the pictures, scaled down to MAX_WIDTH
WELCOME_SIZE = (860, 520)  # the welcome page is one centred column: no need for more
MAX_WIDTH = 1000
COLOURS = 256  # a palette PNG: a third of the size, no visible loss on a flat interface
ROSTER_WITH_PROBLEMS = (
    "Given names,Family name,Start date,Email\n"
    "Selam,Tesfaye,31/02/2025,selam@example.org\n"
    "Mohammed,,2025-03-01,mohammed@example.org\n"
    "Olga,Ivanova,2025-13-40,olga@example.org\n"
)


class Camera:
    """Lets Qt settle, grabs a widget and writes a small PNG."""

    def __init__(self, app: QApplication, out: Path) -> None:
        self.app, self.out = app, out
        self.saved: list[Path] = []

    def settle(self, rounds: int = 8) -> None:
        for _ in range(rounds):
            self.app.processEvents()
            time.sleep(0.01)

    def wait_until(self, done: Callable[[], bool], seconds: float = 30) -> None:
        end = time.monotonic() + seconds
        while not done() and time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.02)
        self.settle()

    def wait_loaded(self, view: QWidget) -> None:
        loaded = getattr(view, "loaded", None)
        if loaded is not None and getattr(view, "loading", False):
            loop = QEventLoop()
            loaded.connect(loop.quit)
            QTimer.singleShot(30_000, loop.quit)
            loop.exec()
        self.settle()

    def shoot(self, widget: QWidget, name: str) -> None:
        if not widget.isVisible():
            widget.show()
        self.settle()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        widget.grab().toImage().save(buffer, "PNG")
        image = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGB")
        if image.width > MAX_WIDTH:
            height = round(image.height * MAX_WIDTH / image.width)
            image = image.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS)
        small = image.quantize(COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        path = self.out / f"{name}.png"
        small.save(path, optimize=True)
        self.saved.append(path)


def new_window(ctx: ServiceContext, data: Path) -> MainWindow:
    paths = resolve(str(data)).ensure()
    settings = QSettings(str(data / "gui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ViewEnv(ctx, paths, Dialogs()), settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    return window


def shoot_new_program(camera: Camera, scratch: Path) -> None:
    """The welcome page with the names typed in, then the empty program's checklist."""
    data = scratch / "new"
    ctx = open_program(resolve(str(data)).ensure())
    window = new_window(ctx, data)
    window.resize(*WELCOME_SIZE)
    assert window.welcome is not None
    for key, text in (
        ("hospital_name", "St Mary's District Hospital"),
        ("program_name", "IMG Mentorship Program"),
        ("director_name", "Dr Amara Okafor"),
    ):
        window.welcome.rows[key].editor.setText(text)
    camera.shoot(window, "welcome")
    window.welcome.start_button.click()
    window.resize(*WINDOW_SIZE)
    window.show_view("mentees")
    camera.shoot(window, "getting-started")
    window.close()
    ctx.db.dispose()


def edit_for_history(ctx: ServiceContext, mentee_id: int) -> None:
    """Ordinary edits, so the record's history shows changes and not only its creation."""
    roster = RosterService(ctx)
    record = roster.get(mentee_id)
    with ctx.read() as session:
        phase_id = read_phases(session).id_of("Rest of year 1")
    fields = dataclasses.replace(
        record.fields,
        phone="+1 406 555 0142",
        languages=(record.fields.languages + ", Spanish").lstrip(", "),
        phase_override_id=phase_id,
    )
    roster.update(mentee_id, fields, record.version)


def shoot_views(camera: Camera, window: MainWindow) -> None:
    for spec in VIEWS:
        view = window.show_view(spec.key)
        camera.wait_loaded(view)
        camera.shoot(window, spec.key)


def shoot_record(camera: Camera, window: MainWindow) -> None:
    roster = window.roster()
    window.show_view("mentees")
    camera.wait_loaded(roster)
    mentee_id = roster.model.row_at(0).id
    edit_for_history(window.env.ctx, mentee_id)
    form = roster.open_mentee(mentee_id)
    camera.shoot(form, "mentee-record")
    form.show_history()
    assert form.history_dialog is not None
    form.history_dialog.resize(960, 480)
    camera.shoot(form.history_dialog, "mentee-history")
    form.history_dialog.close()
    form.done(0)


def shoot_file_menu(camera: Camera, window: MainWindow, scratch: Path) -> None:
    from bridgedesk.ui.screens.program_file.backups_dialog import BackupsDialog
    from bridgedesk.ui.screens.program_file.database_settings_dialog import (
        DatabaseSettingsDialog,
    )
    from bridgedesk.ui.screens.program_file.import_dialog import ImportDialog

    settings = open_program_settings(window)
    camera.shoot(settings, "program-settings")
    settings.done(0)

    source = scratch / "roster.csv"
    source.write_text(ROSTER_WITH_PROBLEMS, encoding="utf-8")
    dialog = ImportDialog(window.env, window)
    dialog.show()
    dialog.check_file(source)
    camera.wait_until(lambda: not dialog.busy)
    camera.shoot(dialog, "import")
    dialog.done(0)

    backups = BackupsDialog(window.env, window, open_url=lambda _url: None)
    camera.shoot(backups, "backups")
    backup_settings = backups.open_settings()
    camera.shoot(backup_settings, "backup-settings")
    backup_settings.done(0)
    backups.done(0)

    database = DatabaseSettingsDialog(window.env.paths, window.env.dialogs, window)
    database.server_radio.setChecked(True)
    camera.shoot(database, "database")
    database.done(0)


def shoot_demo_program(camera: Camera, scratch: Path) -> None:
    data = scratch / "demo"
    paths = resolve(str(data)).ensure()
    ctx = open_program(paths)
    generate_demo(ctx, today=dt.date.today())
    act_as_director(ctx)  # the demo names its director: edits are signed with that name
    for reason in ("manual", "manual"):
        safety.backup_now(paths, reason=reason)
    window = new_window(ctx, data)
    shoot_views(camera, window)
    shoot_record(camera, window)
    shoot_file_menu(camera, window, scratch)
    window.close()
    ctx.db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "help" / "images")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("BridgeDesk")
    camera = Camera(app, args.out)
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        shoot_new_program(camera, scratch)
        shoot_demo_program(camera, scratch)
    total = sum(path.stat().st_size for path in camera.saved)
    print(f"{len(camera.saved)} pictures in {args.out}, {total / 1024:.0f} KB in all")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
