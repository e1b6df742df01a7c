"""Save a PNG of every view of the main window, the welcome page, the mentee form and (through
screenshots_dialogs.py) every dialog: the record's tabs, History, Import, Export, Backups, lock.

Run under a real X server so fonts and styles are the user's:
  xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \
      .venv/bin/python scripts/screenshots.py --data-dir /tmp/shots-data --out /tmp/shots
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import resolve
from bridgedesk.ui.dialogs import Dialogs
from bridgedesk.ui.main_window import MainWindow
from bridgedesk.ui.screens.registry import VIEWS
from bridgedesk.ui.view_env import ViewEnv

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots_dialogs import shoot_dialogs  # noqa: E402 - the script's own folder


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e8e8e8"),
        (QPalette.ColorRole.Highlight, "#3d6fb4"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--dark", action="store_true", help="use a dark palette (checks contrast)")
    parser.add_argument(
        "--size", default="1366x768", help="window size in logical pixels, e.g. 1280x720"
    )
    args = parser.parse_args()
    size = tuple(int(part) for part in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("BridgeDesk")
    if args.dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())

    with tempfile.TemporaryDirectory() as fresh_dir:  # an unnamed program shows the welcome page
        fresh = resolve(fresh_dir).ensure()
        fresh_ctx = open_program(fresh)
        settings = QSettings(str(Path(fresh_dir) / "gui.ini"), QSettings.Format.IniFormat)
        welcome = MainWindow(ViewEnv(fresh_ctx, fresh, Dialogs()), settings)
        welcome.resize(*size)
        welcome.show()
        settle(app)
        welcome.welcome.start_button.click()  # show the inline messages too
        settle(app)
        welcome.grab().save(str(args.out / "00-welcome.png"))
        welcome.close()
        fresh_ctx.db.dispose()

    paths = resolve(args.data_dir).ensure()
    ctx = open_program(paths)
    settings = QSettings(str(args.out / "gui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ViewEnv(ctx, paths, Dialogs()), settings)
    window.resize(*size)
    window.show()
    for number, spec in enumerate(VIEWS, start=1):
        view = window.show_view(spec.key)
        loaded = getattr(view, "loaded", None)
        if loaded is not None:  # views that load off the GUI thread: wait for their figures
            loop = QEventLoop()
            loaded.connect(loop.quit)
            QTimer.singleShot(30_000, loop.quit)
            loop.exec()
        settle(app)
        window.grab().save(str(args.out / f"{number:02d}-{spec.key}.png"))
    roster = window.roster()
    window.show_view("mentees")
    roster.status.select(None)
    settle(app)
    window.grab().save(str(args.out / "02b-mentees-all.png"))
    if roster.model.rowCount():
        form = roster.open_mentee(roster.model.row_at(0).id)
        settle(app)
        form.grab().save(str(args.out / "10-mentee-form.png"))
        form.done(0)
    empty_form = roster.open_mentee(None)
    empty_form.save()  # inline messages
    settle(app)
    empty_form.grab().save(str(args.out / "11-new-mentee-form.png"))
    empty_form.done(0)
    window.close()
    ctx.db.dispose()
    shoot_dialogs(app, paths.root, args.out, size)  # on a copy: they write backups, a passphrase
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
