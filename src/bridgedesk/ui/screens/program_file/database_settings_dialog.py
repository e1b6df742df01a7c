"""The Database dialog: keep the program in this computer's file, or on a shared server.

The choice is saved through :mod:`bridgedesk.services.program_file.connection_settings` and takes effect at
the next start (the open program is never switched under the user's feet). "Test connection"
runs off the GUI thread, so an unreachable server cannot freeze the window for its timeout.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bridgedesk.errors import UserError
from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import connection_settings
from bridgedesk.services.program_file.connection_settings import DEFAULT_PORT, ServerFields
from bridgedesk.ui import workers
from bridgedesk.ui.dialogs import Dialogs

LOCAL_CHOICE = "This computer (file in the data folder)"
SERVER_CHOICE = "Shared server (PostgreSQL)"
TESTING = "Testing the connection…"
RESTART_NOTE = "Saved. BridgeDesk must restart to switch to the {what}."
Tester = Callable[[str], str]


class DatabaseSettingsDialog(QDialog):
    """Pick the program's database; ``test_finished(text)`` fires when a test reports."""

    test_finished = Signal(str)

    def __init__(
        self,
        paths: DataPaths,
        dialogs: Dialogs,
        parent: QWidget | None = None,
        tester: Tester = connection_settings.test_connection,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.dialogs = dialogs
        self.tester = tester
        self.setWindowTitle("Database")
        self.local_radio = QRadioButton(LOCAL_CHOICE)
        self.server_radio = QRadioButton(SERVER_CHOICE)
        choice = QButtonGroup(self)
        choice.addButton(self.local_radio)
        choice.addButton(self.server_radio)

        self.host = QLineEdit()
        self.host.setPlaceholderText("db.hospital.example")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.server_box = QGroupBox("Server")
        form = QFormLayout(self.server_box)
        form.addRow("Server name or address", self.host)
        form.addRow("Port", self.port)
        form.addRow("Database", self.database)
        form.addRow("User", self.user)
        form.addRow("Password", self.password)
        self.test_button = QPushButton("Test connection")
        self.test_button.setToolTip(
            "Try to reach the server with these details, without changing anything"
        )
        self.test_button.clicked.connect(self.start_test)
        form.addRow("", self.test_button)
        self.result_label = QLabel("")
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName("Connection test result")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Where is this program's database kept?"))
        layout.addWidget(self.local_radio)
        layout.addWidget(self.server_radio)
        layout.addWidget(self.server_box)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

        self.server_radio.toggled.connect(self._on_choice)
        self._load()

    # -- state ------------------------------------------------------------------------------
    def _load(self) -> None:
        saved = connection_settings.saved_url(self.paths)
        fields = ServerFields()
        if saved:
            try:
                fields = ServerFields.from_url(saved)
            except UserError:
                saved = None
        self.host.setText(fields.host)
        self.port.setValue(fields.port)
        self.database.setText(fields.database)
        self.user.setText(fields.user)
        self.password.setText(fields.password)
        (self.server_radio if saved else self.local_radio).setChecked(True)
        self._on_choice()

    def _on_choice(self) -> None:
        self.server_box.setEnabled(self.server_radio.isChecked())
        self.result_label.setText("")

    def fields(self) -> ServerFields:
        return ServerFields(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            password=self.password.text(),
        )

    def _complete_fields(self) -> ServerFields | None:
        """The server fields, or None after telling the user which one is missing."""
        fields = self.fields()
        problems = fields.problems()
        if problems:
            self.dialogs.warn(self, "Database", next(iter(problems.values())))
            return None
        return fields

    # -- test -------------------------------------------------------------------------------
    def start_test(self) -> None:
        fields = self._complete_fields()
        if fields is None:
            return
        self.test_button.setEnabled(False)
        self.result_label.setText(TESTING)
        url = fields.url()
        workers.start(lambda: self.tester(url), self._tested, self._test_failed)

    def _tested(self, description: object) -> None:
        self._show_result(str(description))

    def _test_failed(self, message: str) -> None:
        self._show_result(message)

    def _show_result(self, text: str) -> None:
        self.test_button.setEnabled(True)
        self.result_label.setText(text)
        self.test_finished.emit(text)

    # -- save -------------------------------------------------------------------------------
    def save(self) -> None:
        if self.server_radio.isChecked():
            fields = self._complete_fields()
            if fields is None:
                return
            url: str | None = fields.url()
            what = f"server {fields.host}, database {fields.database}"
        else:
            url = None
            what = "file in the data folder"
        try:
            password_note = connection_settings.save_url(self.paths, url)
        except (UserError, OSError) as exc:
            self.dialogs.error(self, f"The choice could not be saved ({exc}).")
            return
        note = RESTART_NOTE.format(what=what)
        if password_note:
            note += " " + password_note
        if os.environ.get(connection_settings.ENV_DATABASE_URL, "").strip():
            note += (
                " For now --database-url or BRIDGEDESK_DATABASE_URL is set, and it wins over "
                "this choice."
            )
        self.dialogs.info(self, "Database", note)
        self.accept()
