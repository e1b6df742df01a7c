"""The Mentees table's columns: which show at first, how wide each is, the header's menu.

Widths are measured from the texts a column can hold, once per load, instead of asking the
table (``resizeColumnToContents`` reads up to 1,000 rows per column through ``data()``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QTableView

from bridgedesk.domain.enums import MenteeStatus, label
from bridgedesk.ui.formatting import format_date, format_share
from bridgedesk.ui.models import roster_model as cols
from bridgedesk.ui.screens.mentees.roster_loading import RosterData

SHORT_COLUMNS = (cols.PHASE, cols.NEXT_CHECKIN, cols.NEAREST_DEADLINE, cols.PROGRESS, cols.STATUS)
# Long texts (site names, mentors) get a capped width and elide; the tooltip has the full text.
CAPPED_COLUMNS = {
    cols.NATIVE_NAME: 130,
    cols.COUNTRY: 110,
    cols.SPECIALTY: 130,
    cols.SITE: 130,
    cols.PRIMARY_MENTOR: 130,
}
HIDDEN_AT_FIRST = (cols.COUNTRY,)  # shown again from the header's right-click menu


def set_up_columns(table: QTableView) -> None:
    """Name column stretches, long columns start capped, the header menu picks columns."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(cols.NAME, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(60)
    for column, width in CAPPED_COLUMNS.items():
        header.resizeSection(column, width)
    add_column_menu(table)


def add_column_menu(table: QTableView) -> None:
    """Right-click on the header to choose the columns; the name column always stays."""
    header = table.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    for column in range(1, cols.COLUMN_COUNT):
        action = QAction(cols.HEADER_TIPS[column], header)
        action.setCheckable(True)
        action.setChecked(column not in HIDDEN_AT_FIRST)
        action.toggled.connect(lambda shown, c=column: table.setColumnHidden(c, not shown))
        header.addAction(action)
        table.setColumnHidden(column, column in HIDDEN_AT_FIRST)


def fit_columns(table: QTableView, data: RosterData) -> None:
    """Widths from the texts a column can hold, measured once each; long columns stay capped."""
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    dates = [format_date(dt.date(2000, month, 28)) for month in range(1, 13)]
    texts: dict[int, Sequence[str]] = {
        cols.PHASE: data.phases,
        cols.NEXT_CHECKIN: dates,
        cols.NEAREST_DEADLINE: dates,
        cols.PROGRESS: [format_share(1.0) or ""],
        cols.STATUS: [label(s) for s in MenteeStatus],
        cols.NATIVE_NAME: [r.native_name for r in data.rows[:200]],
        cols.COUNTRY: data.countries,
        cols.SPECIALTY: data.specialties,
        cols.SITE: data.sites,
        cols.PRIMARY_MENTOR: [name for _id, name in data.mentors[:500]],
    }
    for column, column_texts in texts.items():
        widest = max((metrics.horizontalAdvance(t) for t in column_texts), default=0)
        width = max(header.sectionSizeHint(column), widest + 2 * metrics.averageCharWidth())
        header.resizeSection(column, min(width, CAPPED_COLUMNS.get(column, width)))
