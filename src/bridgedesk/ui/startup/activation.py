"""A second start on the same data folder brings the running window forward, then exits 0.

Only one BridgeDesk may have a data folder (services/program_file/instance_lock.py). The one
holding it listens on a local socket (a Unix socket in the temporary folder, a named pipe on
Windows) whose name is derived from the data folder's absolute path, hashed, and the user's
name, so two users or two folders never meet, and which only its owner may open. A second
start that finds the folder held connects, sends ``activate``, waits for ``activated`` and
exits 0; the first un-minimises, shows, raises and activates its window (or the dialog on
top of it; a locked window shows its lock screen, still locked). Desktop programs people
know (LibreOffice, KeePassXC, Thunderbird) behave this way.

When nobody answers (the holder is a command-line ``import`` or an older BridgeDesk, or it
hangs) the second start gets False and shows its message as before. A socket left behind by
a BridgeDesk that crashed is removed before listening: the instance lock, already held, says
no living BridgeDesk uses the name.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)
OBJECT_NAME = "bridgedesk_activation"  # the window's child listening for a second start
ACTIVATE = b"activate\n"
ACTIVATED = b"activated\n"
CONNECT_MS = 2_000
# The first answers from its event loop: give a start still opening its program some time.
ANSWER_MS = 10_000


def server_name(root: Path) -> str:
    """The local socket's name for the data folder ``root`` and this user (stable, short)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container): its number
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    folder = os.path.normcase(os.path.realpath(root))
    digest = hashlib.sha256(f"{user}\0{folder}".encode()).hexdigest()[:32]
    return f"bridgedesk-{digest}"


class ActivationServer(QObject):
    """Listens for a second start's ``activate`` and brings the window forward."""

    activated = Signal()  # after the window was brought forward for a second start

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.name = server_name(root)
        self.window: Callable[[], QWidget | None] = lambda: None
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening; False (logged) when the system refuses, and a second start then
        shows its message instead."""
        QLocalServer.removeServer(self.name)  # a socket a crashed BridgeDesk left behind
        if self.server.listen(self.name):
            return True
        log.warning("no activation socket: %s", self.server.serverError().name)
        return False

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        self._buffers[socket] = data[-64:]
        if ACTIVATE not in data:
            return
        self._buffers[socket] = b""
        bring_to_front(self.window())
        socket.write(ACTIVATED)
        socket.flush()
        socket.disconnectFromServer()
        log.info("brought forward for a second start on the same data folder")
        self.activated.emit()

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


def bring_to_front(window: QWidget | None) -> None:
    """Un-minimise, show, raise and activate ``window``, then whatever modal dialog is on it.

    Before the main window exists (a start still showing a dialog), the dialogs shown are
    raised. Nothing else changes: a locked window shows its lock screen and stays locked.
    """
    app = QApplication.instance()
    targets = [window] if window is not None else []
    if not targets and isinstance(app, QApplication):
        targets = [w for w in app.topLevelWidgets() if w.isVisible()]
    for target in targets:
        if target.isMinimized():
            state = target.windowState() & ~Qt.WindowState.WindowMinimized
            target.setWindowState(state | Qt.WindowState.WindowActive)
        if not target.isVisible():
            target.show()
        target.raise_()
        target.activateWindow()
    modal = QApplication.activeModalWidget()
    if modal is not None and modal not in targets:
        modal.raise_()
        modal.activateWindow()


def ask_first_to_activate(root: Path) -> bool:
    """Ask the BridgeDesk holding ``root`` to come forward; True once it said it did."""
    began = time.perf_counter()
    _allow_foreground()
    socket = QLocalSocket()
    socket.connectToServer(server_name(root))
    try:
        if not socket.waitForConnected(CONNECT_MS):
            log.info("no running BridgeDesk answered on this data folder's socket")
            return False
        socket.write(ACTIVATE)
        if not socket.waitForBytesWritten(CONNECT_MS):
            return False
        answer = b""
        deadline = began + ANSWER_MS / 1000
        while ACTIVATED not in answer:
            left = int((deadline - time.perf_counter()) * 1000)
            if left <= 0 or not socket.waitForReadyRead(left):
                if socket.bytesAvailable():
                    answer += bytes(socket.readAll().data())
                    continue
                log.info("the running BridgeDesk did not answer in time")
                return False
            answer += bytes(socket.readAll().data())
        log.info(
            "the running BridgeDesk came forward in %.0f ms", (time.perf_counter() - began) * 1000
        )
        return True
    finally:
        socket.abort()


def _allow_foreground() -> None:
    """Windows lets only the foreground process give the foreground away: give it to the first."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows
        import ctypes

        ASFW_ANY = -1  # noqa: N806 - the Windows constant's name
        ctypes.windll.user32.AllowSetForegroundWindow(ASFW_ANY)
