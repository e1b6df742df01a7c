"""The dialog half of scripts/screenshots.py: the mentee record's tabs, History, Import, Export,
Backups, Database, the lock screen, Set passphrase and the damaged-start dialog (20-*.png on),
then planning, leaving and Program settings (scripts/screenshots_planning.py).

Everything that writes (backups, a passphrase) happens in a temporary COPY of the data folder,
never in the folder the user named with --data-dir.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from screenshots_planning import shoot_planning  # noqa: E402 - the script's own folder

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths, resolve
from bridgedesk.services.program_file import app_lock, safety
from bridgedesk.ui.dialogs import Dialogs
from bridgedesk.ui.main_window import MainWindow
from bridgedesk.ui.view_env import ViewEnv

MALFORMED_CSV = (
    "Given names,Family name,Native name,Start date,Email\n"
    "Selam,Tesfaye,ሰላም ተስፋዬ,31/02/2025,selam@example.org\n"
    "Mohammed,,محمد عبد الله,2025-03-01,mohammed@example.org\n"
    "ሰላም,Haile,,not a date,haile@example\n"
    "Olga,Ivanova,Ольга Иванова,2025-13-40,olga@example.org\n"
)
CLEAN_CSV = (
    "Given names,Family name,Native name,Start date,Email,Favourite colour\n"
    "Selam,Tesfaye,ሰላም ተስፋዬ,2025-02-03,selam.t@example.org,green\n"
    "Priya,Sharma,प्रिया शर्मा,2025-03-01,priya.s@example.org,blue\n"
    "Anh,Nguyen,Nguyễn Thị Ánh,2025-04-01,anh.n@example.org,red\n"
)
PASSPHRASE = "correct horse battery"


@dataclass(frozen=True)
class FakeDamage:
    """What startup_check.quarantine_if_damaged returns, filled in by hand."""

    problems: list[str]
    moved_to: Path
    newest_good_backup: Path | None
    explanation: str


class Shooter:
    """Saves numbered PNGs of widgets, after letting Qt settle."""

    def __init__(self, app: QApplication, out: Path, first: int = 20) -> None:
        self.app, self.out, self.number = app, out, first

    def settle(self) -> None:
        for _ in range(5):
            self.app.processEvents()

    def wait_until(self, done: Callable[[], bool], seconds: float = 30) -> None:
        end = time.monotonic() + seconds
        while not done() and time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.02)
        self.settle()

    def save(self, widget: QWidget, name: str) -> None:
        if not widget.isVisible():
            widget.show()
        self.settle()
        widget.grab().save(str(self.out / f"{self.number:02d}-{name}.png"))
        self.number += 1


def shoot_mentee_record(shot: Shooter, window: MainWindow) -> None:
    roster = window.roster()
    window.show_view("mentees")
    roster.status.select(None)
    shot.settle()
    if not roster.model.rowCount():
        return
    form = roster.open_mentee(roster.model.row_at(0).id)
    for index in range(form.tabs.count()):
        form.tabs.setCurrentIndex(index)
        title = form.tabs.tabText(index).replace("&", "").lower()
        shot.save(form, f"mentee-tab-{title}")
    form.tabs.setCurrentIndex(0)
    form.show_history()
    assert form.history_dialog is not None
    shot.save(form.history_dialog, "mentee-history")
    form.history_dialog.close()
    form.done(0)


def shoot_import(shot: Shooter, window: MainWindow, scratch: Path) -> None:
    from bridgedesk.ui.screens.program_file.import_dialog import ImportDialog

    for name, text in (("malformed", MALFORMED_CSV), ("clean", CLEAN_CSV)):
        source = scratch / f"roster-{name}.csv"
        source.write_text(text, encoding="utf-8")
        dialog = ImportDialog(window.env, window)
        dialog.show()
        dialog.check_file(source)
        shot.wait_until(lambda d=dialog: not d.busy)
        shot.save(dialog, f"import-{name}")
        dialog.done(0)


def shoot_export(shot: Shooter, window: MainWindow) -> None:
    from bridgedesk.ui.screens.program_file.export_dialog import ExportDialog

    dialog = ExportDialog(window.env, window)
    shot.save(dialog, "export")
    dialog.done(0)


def shoot_backups(shot: Shooter, window: MainWindow) -> None:
    from bridgedesk.ui.screens.program_file.backups_dialog import BackupsDialog

    dialog = BackupsDialog(window.env, window, open_url=lambda _url: None)
    shot.save(dialog, "backups")
    settings = dialog.open_settings()
    shot.save(settings, "backup-settings")
    settings.done(0)
    dialog.done(0)


def shoot_database(shot: Shooter, window: MainWindow) -> None:
    from bridgedesk.ui.screens.program_file.database_settings_dialog import DatabaseSettingsDialog

    dialog = DatabaseSettingsDialog(window.env.paths, window.env.dialogs, window)
    shot.save(dialog, "database")
    dialog.server_radio.setChecked(True)
    shot.save(dialog, "database-server")
    dialog.done(0)


def shoot_lock(shot: Shooter, window: MainWindow) -> None:
    from bridgedesk.ui.lock.lock_screen import WRONG_PASSPHRASE
    from bridgedesk.ui.lock.passphrase_dialog import PassphraseDialog

    paths = window.env.paths
    dialog = PassphraseDialog(paths, window)
    dialog.new.setText("short")
    dialog.repeat.setText("short")
    dialog.save()  # shows the inline problem
    shot.save(dialog, "set-passphrase")
    dialog.done(0)
    app_lock.set_passphrase(paths, PASSPHRASE)
    change = PassphraseDialog(paths, window)
    shot.save(change, "change-passphrase")
    change.done(0)
    window.app_lock.lock()
    shot.save(window, "lock-screen")
    window.app_lock.screen.show_problem(WRONG_PASSPHRASE)
    shot.save(window, "lock-screen-wrong")
    window.app_lock.try_unlock(PASSPHRASE)


def shoot_damaged_start(shot: Shooter, paths: DataPaths) -> None:
    from bridgedesk.services.program_file.startup_check import _explain
    from bridgedesk.ui.startup.damaged_start_dialog import DamagedStartDialog

    rows = safety.backup_rows(paths)
    good = rows[0].path if rows else None
    moved = paths.root / "bridgedesk-damaged-20250314-091500.sqlite"
    problems = ["database disk image is malformed", "page 14 is never used"]
    damage = FakeDamage(problems, moved, good, _explain(problems, moved, good))
    dialog = DamagedStartDialog(damage)
    shot.save(dialog, "damaged-start")
    dialog.done(0)
    lost = FakeDamage(problems, moved, None, _explain(problems, moved, None))
    dialog = DamagedStartDialog(lost)
    shot.save(dialog, "damaged-start-no-backup")
    dialog.done(0)


def shoot_dialogs(app: QApplication, data_dir: Path, out: Path, size: tuple[int, ...]) -> None:
    """Shoot every dialog on a throwaway copy of ``data_dir``."""
    shot = Shooter(app, out)
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        copy = scratch / "data"
        shutil.copytree(
            data_dir, copy, ignore=shutil.ignore_patterns("backups", app_lock.FILE_NAME)
        )
        paths = resolve(str(copy)).ensure()
        for _ in range(2):
            safety.backup_now(paths, reason="manual")
        ctx = open_program(paths)
        settings = QSettings(str(scratch / "gui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(ViewEnv(ctx, paths, Dialogs()), settings)
        window.resize(*size)
        window.show()
        shoot_mentee_record(shot, window)
        shoot_import(shot, window, scratch)
        shoot_export(shot, window)
        shoot_backups(shot, window)
        shoot_database(shot, window)
        shoot_lock(shot, window)
        shoot_damaged_start(shot, paths)
        shoot_planning(shot, window, scratch)
        window.close()
        ctx.db.dispose()
