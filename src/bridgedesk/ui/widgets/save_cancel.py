"""The Save / Cancel row at the foot of every record dialog, built one way."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton


def save_cancel_row(dialog: QDialog, save) -> tuple[QPushButton, QPushButton, QHBoxLayout]:
    """Save (the default button, calls ``save``) and Cancel (rejects), right-aligned."""
    save_button = QPushButton("Save")
    save_button.setDefault(True)
    cancel_button = QPushButton("Cancel")
    for button in (save_button, cancel_button):
        button.setAccessibleName(button.text())
    save_button.clicked.connect(save)
    cancel_button.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(cancel_button)
    row.addWidget(save_button)
    return save_button, cancel_button, row
