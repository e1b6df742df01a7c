"""GUI start-up, in order: data folder, logging, open + migrate the database, then Qt."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import TYPE_CHECKING

from bridgedesk import APP_NAME, __version__, assets
from bridgedesk.errors import UserError
from bridgedesk.paths import DataPaths, resolve
from bridgedesk.services.program_file import window_session

if TYPE_CHECKING:
    from bridgedesk.services.context import ServiceContext
    from bridgedesk.ui.dialogs import Dialogs

log = logging.getLogger(__name__)
ORGANISATION = "BridgeDesk"
EXIT_WAIT_MS = 30_000  # a worker never runs this long; the wait only guards a slow disk
ICON_NAMES = ("bridgedesk.svg", "bridgedesk.png", "icon.png", "app.png")
ENV_DATABASE_URL = "BRIDGEDESK_DATABASE_URL"  # services.connection_settings, without its imports


def settings_path(paths: DataPaths):
    """The GUI's own preferences (window size, last view) live beside the data they belong to."""
    return paths.root / "gui-settings.ini"


def open_program(paths: DataPaths, database_url: str | None = None) -> ServiceContext:
    """Open the program database (see :func:`bridgedesk.bootstrap.open_program`)."""
    from bridgedesk.bootstrap import open_program as open_

    return open_(paths, database_url)


def run(args: argparse.Namespace, dialogs: Dialogs | None = None) -> int:
    """The window; ``dialogs`` is the dialog service (a recording one in tests)."""
    # Imports here, not at the top: the file check below starts before the heavy modules
    # (Qt, SQLAlchemy) load, and runs while they do (see services/program_file/window_session.py).
    try:
        paths = resolve(getattr(args, "data_dir", None)).ensure()
    except UserError as exc:  # a read-only or full disk, no permission: one sentence, shown
        return _refuse_before_window(str(exc), dialogs)
    if not getattr(args, "database_url", None) and not os.environ.get(ENV_DATABASE_URL):
        window_session.start_file_check(paths.database)

    from PySide6.QtCore import QSettings, QThreadPool
    from PySide6.QtWidgets import QApplication

    from bridgedesk.bootstrap import setup_logging
    from bridgedesk.services.program_file import connection_settings
    from bridgedesk.services.program_file.instance_lock import AlreadyRunningError, InstanceLock
    from bridgedesk.ui.dialogs import Dialogs
    from bridgedesk.ui.error_dialog import make_excepthook
    from bridgedesk.ui.main_window import MainWindow
    from bridgedesk.ui.startup import gc_pauses, ready_probe, routine_check, upgrade_progress
    from bridgedesk.ui.startup.activation import ActivationServer, ask_first_to_activate
    from bridgedesk.ui.view_env import ViewEnv

    try:
        setup_logging(paths)
    except UserError as exc:
        return _refuse_before_window(str(exc), dialogs)
    from bridgedesk.ui.screens.reports import preview_files

    preview_files.remove_stale()  # previews a crashed BridgeDesk left behind
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANISATION)
    icon = _window_icon()
    if icon is not None:
        QApplication.setWindowIcon(icon)  # static: the QApplication made or found above
    dialogs = dialogs or Dialogs()
    lock = InstanceLock(paths.lock_file)
    activation = ActivationServer(paths.root)
    try:
        try:
            lock.acquire()  # one BridgeDesk per data folder; the OS frees it if we crash
        except AlreadyRunningError:
            # A second start: bring the running window forward and leave quietly. The
            # message stays for a holder that does not answer (a command, a hung start).
            if ask_first_to_activate(paths.root):
                return 0
            raise
        activation.listen()  # from now on a second start finds us, dialogs shown included
        on_server = connection_settings.chosen_url(paths, getattr(args, "database_url", None))
        if not on_server and not _recover_damaged(paths, dialogs):
            activation.close()
            lock.release()
            return 0
        url = getattr(args, "database_url", None)
        if not on_server and window_session.upgrade_due(paths.database):
            ctx = upgrade_progress.run_with_progress(lambda: open_program(paths, url))
        else:
            ctx = open_program(paths, url)
    except UserError as exc:
        log.warning("could not open the program: %s", exc)
        activation.close()
        lock.release()
        dialogs.error(None, str(exc))
        return 1
    sys.excepthook = make_excepthook()
    settings = QSettings(str(settings_path(paths)), QSettings.Format.IniFormat)
    window = MainWindow(ViewEnv(ctx, paths, dialogs), settings)
    activation.setParent(window)
    activation.window = lambda: window
    window.show()
    gc_pauses.settle_after_start()
    # BRIDGEDESK_EXIT_WHEN_READY=1 (benchmarks, smoke test): quit once the first view is filled
    window.ready_probe = ready_probe.install(window)
    if not on_server:  # bit rot after a clean close: a full check in the background weekly
        routine_check.schedule(window, paths, dialogs)
    app.aboutToQuit.connect(window.close)  # saves geometry even when quit comes from elsewhere
    try:
        return int(app.exec())
    finally:
        # background loads still running must finish before their database goes away
        QThreadPool.globalInstance().waitForDone(EXIT_WAIT_MS)
        ctx.db.dispose()
        if not on_server:  # a shared server is backed up with pg_dump (bridgedesk backup)
            _backup_at_exit(paths)
            # Last, while the lock still keeps other BridgeDesks out: the next start may
            # then skip reading every page (the backup only read the file).
            window_session.mark_closed_cleanly(
                paths.database, ctx.file_identity
            )  # not a file put there since
        activation.close()
        lock.release()


def _refuse_before_window(sentence: str, dialogs: Dialogs | None = None) -> int:
    """The data folder cannot be used: say so in a dialog (and on stderr), exit 1.

    Unattended runs (BRIDGEDESK_EXIT_WHEN_READY, the smoke test) get the stderr line only.
    """
    from PySide6.QtWidgets import QApplication

    from bridgedesk.ui.startup import ready_probe

    print(f"bridgedesk: {sentence}", file=sys.stderr)
    if os.environ.get(ready_probe.ENV_VAR) and dialogs is None:
        return 1
    _app = QApplication.instance() or QApplication(sys.argv[:1])
    if dialogs is None:
        from bridgedesk.ui.dialogs import Dialogs

        dialogs = Dialogs()
    dialogs.error(None, sentence)
    return 1


def _recover_damaged(paths: DataPaths, dialogs: Dialogs) -> bool:
    """A damaged program file is moved aside before opening; ask how to go on.

    False when the user chose to quit. Restoring raises UserError when it fails.
    """
    from bridgedesk.services.program_file.startup_check import (
        quarantine_if_damaged,
        restore_newest_good_backup,
    )

    damaged = quarantine_if_damaged(paths)
    if damaged is None:
        return True
    from bridgedesk.ui.startup.damaged_start_dialog import StartChoice

    log.warning("program file damaged (%s); moved to %s", damaged.problems, damaged.moved_to)
    choice = dialogs.ask_damaged_start(None, damaged)
    if choice == StartChoice.QUIT:
        return False
    if choice == StartChoice.RESTORE:
        restored = restore_newest_good_backup(paths)
        log.info("restored %s after a damaged start", restored)
    return True


def _backup_at_exit(paths: DataPaths) -> None:
    """Zotero-style: a verified backup on the way out when the last one is a day old."""
    from bridgedesk.services.program_file.safety import backup_if_due

    try:
        taken = backup_if_due(paths)
    except UserError as exc:  # a full disk must not turn quitting into a crash
        log.warning("backup at exit failed: %s", exc)
        return
    if taken is not None:
        log.info("backup at exit: %s", taken)


def _window_icon():
    from PySide6.QtGui import QIcon

    for name in ICON_NAMES:
        try:
            return QIcon(str(assets.asset_path(f"icons/{name}")))
        except FileNotFoundError:
            continue
    return None
