"""A second start on the same data folder brings the first window forward and exits 0.

The first BridgeDesk runs here, through the real start-up (``bridgedesk.ui.app.run``); the
second is a real process, ``python -m bridgedesk --data-dir SAME``, as a user's second click
on the icon would start it. The message box stays only when nobody answers.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QObject, QTimer
from PySide6.QtWidgets import QApplication

from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file.instance_lock import InstanceLock
from bridgedesk.ui import app
from bridgedesk.ui.dialogs import Dialogs
from bridgedesk.ui.main_window import MainWindow

GIVE_UP_S = 20  # only a broken start takes this long (a message box waiting for a click)


def start(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "bridgedesk", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


class Script:
    """Steps run inside the first window's event loop, one after another, then close it.

    A step that fails closes the window too (the event loop would otherwise run on with
    nobody to end it); ``done`` raises what went wrong once ``run`` has returned.
    """

    def __init__(self, steps) -> None:  # noqa: ANN001
        self.steps = list(steps)
        self.seen: dict[str, object] = {}
        self.window: MainWindow | None = None
        self.error: BaseException | None = None
        QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        if self.window is None:
            shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
            visible = [w for w in shown if w.isVisible()]
            if not visible:
                QTimer.singleShot(20, self._next)
                return
            self.window = visible[0]
        if not self.steps:
            self.finish()
            return
        step = self.steps.pop(0)
        try:
            step(self)
        except BaseException as exc:  # noqa: BLE001 - kept and raised by done()
            self.error = exc
            self.finish()

    def finish(self) -> None:
        """Close the window as a user would (shown first if a step left it hidden: closing
        the last visible window is what ends the event loop)."""
        assert self.window is not None
        if not self.window.isVisible():
            self.window.show()
        self.window.close()

    def done(self) -> None:
        if self.error is not None:
            raise self.error

    def then(self) -> None:
        QTimer.singleShot(0, self._next)

    def wait_for(self, process: subprocess.Popen[str], key: str) -> None:
        """Keep the event loop running until ``process`` ends; remember its outcome."""
        began = time.perf_counter()

        def poll() -> None:
            if process.poll() is None and time.perf_counter() - began < GIVE_UP_S:
                QTimer.singleShot(20, poll)
                return
            if process.poll() is None:
                process.kill()
            out, err = process.communicate()
            self.seen[key] = (process.returncode, out, err, time.perf_counter() - began)
            self.then()

        poll()


def activation_of(window: MainWindow) -> QObject:
    """The window's listener for a second start (its ``activated`` signal says it came)."""
    server = window.findChild(QObject, "bridgedesk_activation")
    assert server is not None, "the window listens for no second start"
    return server


def test_a_second_start_brings_the_first_window_forward_and_exits_0(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    data = tmp_path / "data"
    activations: list[float] = []

    def minimise_and_start_the_second(script: Script) -> None:
        window = script.window
        assert window is not None
        activation_of(window).activated.connect(lambda: activations.append(time.perf_counter()))
        window.showMinimized()
        qapp.processEvents()
        script.seen["minimised"] = window.isMinimized()
        script.wait_for(start("--data-dir", str(data)), "second")

    def look(script: Script) -> None:
        window = script.window
        assert window is not None
        script.seen["after"] = (window.isMinimized(), window.isVisible(), window.isActiveWindow())
        script.then()

    script = Script([minimise_and_start_the_second, look])
    assert app.run(argparse.Namespace(data_dir=str(data), database_url=None)) == 0
    script.done()
    code, out, err, seconds = script.seen["second"]  # type: ignore[misc]
    assert (code, err) == (0, ""), err
    assert seconds < 10
    assert script.seen["minimised"] is True
    assert len(activations) == 1
    assert script.seen["after"] == (False, True, True)  # shown, not minimised, active


def test_a_locked_window_comes_forward_still_locked(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    data = tmp_path / "data"

    def lock_hide_and_start_the_second(script: Script) -> None:
        window = script.window
        assert window is not None
        window.app_lock.lock()
        window.hide()
        script.wait_for(start("--data-dir", str(data)), "second")

    def look(script: Script) -> None:
        window = script.window
        assert window is not None
        lock = window.app_lock
        script.seen["after"] = (
            window.isVisible(),
            lock.is_locked,
            window.pages.currentWidget() is lock.screen,
        )
        script.then()

    script = Script([lock_hide_and_start_the_second, look])
    assert app.run(argparse.Namespace(data_dir=str(data), database_url=None)) == 0
    script.done()
    assert script.seen["second"][0] == 0  # type: ignore[index]
    assert script.seen["after"] == (True, True, True)  # on screen, on its lock screen


def test_a_writing_command_is_still_refused_and_activates_nothing(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    data = tmp_path / "data"
    activations: list[bool] = []

    def run_demo(script: Script) -> None:
        window = script.window
        assert window is not None
        activation_of(window).activated.connect(lambda: activations.append(True))
        script.wait_for(start("--data-dir", str(data), "demo"), "demo")

    script = Script([run_demo])
    assert app.run(argparse.Namespace(data_dir=str(data), database_url=None)) == 0
    script.done()
    code, _, err, _ = script.seen["demo"]  # type: ignore[misc]
    assert code == 1
    assert err == (
        "bridgedesk: BridgeDesk is open on this data folder; close it first, then fill it "
        "with demo data again.\n"
    )
    assert activations == []


POSIX_ONLY = pytest.mark.skipif(
    not hasattr(socket, "AF_UNIX"), reason="a stale local socket is a file on POSIX systems only"
)


@POSIX_ONLY
def test_the_message_box_stays_when_the_holder_does_not_answer(qapp, tmp_path, monkeypatch):
    """A holder that does not listen (a command, an older BridgeDesk), its socket stale."""
    from bridgedesk.ui.startup.activation import server_name

    shown = []
    monkeypatch.setattr(Dialogs, "error", lambda self, parent, text, title="": shown.append(text))
    paths = DataPaths(tmp_path / "data").ensure()
    stale = Path(QDir.tempPath()) / server_name(paths.root)
    leftover = socket.socket(socket.AF_UNIX)
    leftover.bind(str(stale))  # a socket file nobody listens on, as a crash leaves it
    leftover.close()
    try:
        with InstanceLock(paths.lock_file):
            began = time.perf_counter()
            assert app.run(argparse.Namespace(data_dir=str(paths.root), database_url=None)) == 1
            seconds = time.perf_counter() - began
    finally:
        stale.unlink(missing_ok=True)
    assert len(shown) == 1 and "already open on this data folder" in shown[0]
    assert seconds < 5


@POSIX_ONLY
def test_a_stale_socket_left_by_a_crash_does_not_stop_the_first_from_listening(qapp, tmp_path):
    from bridgedesk.ui.startup.activation import (
        ActivationServer,
        ask_first_to_activate,
        server_name,
    )

    root = tmp_path / "data"
    stale = Path(QDir.tempPath()) / server_name(root)
    leftover = socket.socket(socket.AF_UNIX)
    leftover.bind(str(stale))
    leftover.close()
    server = ActivationServer(root)
    try:
        assert server.listen()
        assert not ask_first_to_activate(tmp_path / "another-folder")  # nobody there
    finally:
        server.close()
        stale.unlink(missing_ok=True)


def test_the_socket_name_is_the_folder_resolved_and_differs_per_folder(tmp_path):
    from bridgedesk.ui.startup.activation import server_name

    folder = tmp_path / "data"
    folder.mkdir()
    (tmp_path / "link").symlink_to(folder)
    assert server_name(folder) == server_name(tmp_path / "link") == server_name(folder / ".")
    assert server_name(folder) != server_name(tmp_path / "other")
    assert len(server_name(folder)) < 60  # well inside a Unix socket path's limit
