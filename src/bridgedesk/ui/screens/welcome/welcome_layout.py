"""How the first-start page looks: its heading, the damaged-file notice and the centred column.

The page's behaviour (checking the names, starting empty, the demo, restoring) stays in
:mod:`bridgedesk.ui.screens.welcome.welcome`; these helpers only build and arrange widgets.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

COLUMN_WIDTH = 600  # the page's one column, wide enough for the buttons in any common font


def heading_label(text: str) -> QLabel:
    """A large bold heading, scaled from the user's own font."""
    heading = QLabel(text)
    font = QFont(heading.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    heading.setFont(font)
    return heading


def damage_notice(
    note: QLabel, restore_button: QPushButton, damaged: bool, has_good_backup: bool
) -> QFrame:
    """The framed notice about an earlier damaged file; hidden when there was none."""
    notice = QFrame()
    notice.setFrameShape(QFrame.Shape.StyledPanel)
    notice.setVisible(damaged)
    notice_layout = QVBoxLayout(notice)
    notice_layout.setContentsMargins(12, 10, 12, 10)
    notice_layout.addWidget(note)
    notice_layout.addWidget(restore_button, 0, Qt.AlignmentFlag.AlignLeft)
    # set visibility only once parented: on a parentless widget it would open a window
    note.setVisible(damaged)
    restore_button.setVisible(has_good_backup)
    return notice


def lay_out_page(
    page_owner: QWidget,
    heading: QLabel,
    intro: QLabel,
    notice: QFrame,
    form: QFormLayout,
    buttons: QHBoxLayout,
) -> None:
    """A calm column of natural height, centred both ways; it scrolls on a tiny screen.

    The column has a fixed width so that its wrapped texts know their height before the
    page is laid out: with a width left to the layout, Qt sized the column for a wider
    text and squeezed the name fields to make room.
    """
    column = QVBoxLayout()
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(8)
    column.addWidget(heading)
    column.addWidget(intro)
    column.addSpacing(8)
    column.addWidget(notice)
    column.addSpacing(8)
    column.addLayout(form)
    column.addSpacing(16)
    column.addLayout(buttons)
    holder = QWidget()
    holder.setLayout(column)
    holder.setFixedWidth(COLUMN_WIDTH)
    holder.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Maximum)

    page = QWidget()
    page_layout = QGridLayout(page)
    page_layout.setContentsMargins(24, 24, 24, 24)
    page_layout.addWidget(holder, 1, 1)
    page_layout.setRowStretch(0, 2)  # a little above the middle reads as centred
    page_layout.setRowStretch(2, 3)
    page_layout.setColumnStretch(0, 1)
    page_layout.setColumnStretch(2, 1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(page)
    outer = QVBoxLayout(page_owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
