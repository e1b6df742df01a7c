"""Edit the credential rules (a program's own reading of a rule), kept as a new version.

The rules are shown as the JSON they are kept in, each derived date with its source. Saving
checks the whole text first: a rule without its source, a date built on an unknown field or
a kind code used twice is refused in one sentence, and nothing is saved.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from bridgedesk.errors import UserError, ValidationError
from bridgedesk.services.credentials import rule_versions
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.save_cancel import save_cancel_row

INTRO = (
    "Each kind's fields, the dates computed from them (with the regulation or agency page each "
    "rule comes from), reminder days and guidance. A change applies to every credential of "
    "that kind at once; earlier versions are kept, and the change is in the history."
)


class RulesEditor(QDialog):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setWindowTitle("Deadline rules — BridgeDesk")
        self.resize(900, 640)
        version, text = rule_versions.rules_text(env.ctx)
        self.version_label = QLabel(
            f"Version {version}" + (" (as shipped)" if version == 0 else "")
        )  # fmt: skip
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(text)
        self.text.setAccessibleName("Deadline rules (JSON)")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setTabChangesFocus(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem with the rules")
        self.save_button, self.cancel_button, buttons = save_cancel_row(self, self.save)
        layout = QVBoxLayout(self)
        for widget in (self.version_label, intro, self.text, self.problem):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.saved_version: int | None = None

    def save(self) -> bool:
        try:
            self.saved_version = rule_versions.save_rules(self.env.ctx, self.text.toPlainText())
        except ValidationError as exc:
            self.problem.setText(" ".join(exc.problems.values()))
            return False
        except UserError as exc:
            self.env.dialogs.error(self, str(exc))
            return False
        self.accept()
        return True
