"""Credential deadlines as a Qt table: lapsed on top, then nearest first, coloured by band.

Colour is never the only cue: the "When" column says "Lapsed 12 days ago" or "In 5 days"
and the "Reminder" column names the band. Sorting and filtering happen in the model on a
Python list (see roster_model for why not QSortFilterProxyModel).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette

from bridgedesk.domain.enums import label
from bridgedesk.domain.reminders import LAPSED, LATER, NONE
from bridgedesk.ui.colours import is_dark
from bridgedesk.ui.formatting import format_date
from bridgedesk.ui.models.roster_model import search_key
from bridgedesk.ui.models.table_base import SortedTableModel

if TYPE_CHECKING:
    from bridgedesk.services.credentials.service import DeadlineRow
    from bridgedesk.services.mentees.directory import MenteeLabel

MENTEE = 0
SITE = 1
CREDENTIAL = 2
TIER = 3
NUMBER = 4
WHAT = 5
EXPIRES = 6  # the date of the event in WHAT
WHEN = 7
BAND = 8

HEADERS = (
    "Mentee",
    "Site",
    "Credential",
    "Tier",
    "Number",
    "Next date",
    "Date",
    "When",
    "Reminder",
)
HEADER_TIPS = (
    "Mentee (legal name)",
    "Site where the mentee works",
    "Licence, registration, visa or waiver",
    "Hospital, accreditation body or government",
    "Number of the credential",
    "The next date to act on, computed from the kind's rules (hover for the rule's source)",
    "The date of that event",
    "How long until then, or since it lapsed",
    "The reminder band the date falls in",
)
COLUMN_COUNT = len(HEADERS)

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the credential id
MENTEE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
BAND_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex

# (light theme, dark theme) backgrounds: soft tints that keep the palette's text readable.
BAND_TINTS: dict[str, tuple[str, str]] = {
    LAPSED: ("#f6c9cc", "#5e2228"),
    "7": ("#fbd9b8", "#5c3a17"),
    "30": ("#fdedb0", "#4f4416"),
    "60": ("#fdf5d2", "#3f3a22"),
    "90": ("#dff0e3", "#1e3d29"),
    "180": ("#e2ebfb", "#1e2e4a"),
}


def band_colour(band: str, palette: QPalette) -> QColor | None:
    """The row tint of a band on this palette; None (no tint) for later or undated ones."""
    tints = BAND_TINTS.get(band)
    if tints is None:
        return None
    return QColor(tints[1] if is_dark(palette) else tints[0])


def when_text(days: int | None) -> str:
    """``Lapsed 12 days ago`` / ``Lapsed yesterday`` / ``Today`` / ``Tomorrow`` / ``In 5 days``."""
    if days is None:
        return "No date"
    if days < -1:
        return f"Lapsed {-days:,} days ago"
    if days == -1:
        return "Lapsed yesterday"
    if days == 0:
        return "Expires today"
    if days == 1:
        return "Tomorrow"
    return f"In {days:,} days"


def band_text(band: str) -> str:
    if band == LAPSED:
        return "Lapsed"
    if band in (LATER, NONE):
        return "Later" if band == LATER else ""
    return f"Within {band} days"


@dataclass(frozen=True)
class DeadlineFilter:
    """What the list shows; ``within`` None means any date, ``lapsed_only`` only lapsed ones.

    ``within`` keeps lapsed credentials too: a lapsed licence is more urgent than any other.
    """

    text: str = ""
    within: int | None = None
    lapsed_only: bool = False
    tier: str | None = None
    site: str | None = None

    def accepts(self, row: DeadlineRow, site: str) -> bool:
        days = row.days_left
        if self.lapsed_only and row.band != LAPSED:
            return False
        if self.within is not None and (days is None or days > self.within):
            return False
        return (self.tier is None or str(row.tier) == self.tier) and (
            self.site is None or site == self.site
        )


def _sort_value(column: int) -> Callable[[DeadlineRow, str], Any]:
    getters: dict[int, Callable[[DeadlineRow, str], Any]] = {
        MENTEE: lambda r, s: r.mentee_name.casefold(),
        SITE: lambda r, s: s.casefold() or None,
        CREDENTIAL: lambda r, s: r.kind_name.casefold(),
        TIER: lambda r, s: str(r.tier),
        NUMBER: lambda r, s: r.number.casefold() or None,
        WHAT: lambda r, s: r.what.casefold(),
        EXPIRES: lambda r, s: r.expires_on,
        WHEN: lambda r, s: r.days_left,
        BAND: lambda r, s: r.days_left,
    }
    return getters[column]


class DeadlinesTableModel(SortedTableModel):
    """Rows of ``CredentialService.deadlines()`` with each mentee's site and names for search."""

    headers = HEADERS
    header_tips = HEADER_TIPS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[DeadlineRow] = []
        self._sites: list[str] = []
        self._keys: list[str] = []
        self._visible: list[int] = []
        self._filter = DeadlineFilter()
        self._sort_column = EXPIRES
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._brushes: dict[str, QBrush | None] = {}

    def set_rows(self, rows: Iterable[DeadlineRow], mentees: Mapping[int, MenteeLabel]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sites, self._keys = [], []
        for row in self._rows:
            who = mentees.get(row.mentee_id)
            self._sites.append(who.site if who else "")
            names = (who.preferred_name, who.native_name) if who else ()
            self._keys.append(search_key(row.mentee_name, *names))
        self._brushes = {}
        self._visible = self._sorted(self._filtered())
        self.endResetModel()

    def set_filter(self, deadline_filter: DeadlineFilter) -> None:
        self.beginResetModel()
        self._filter = deadline_filter
        self._visible = self._sorted(self._filtered())
        self.endResetModel()

    def total_count(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> DeadlineRow:
        return self._rows[self._visible[row]]

    def row_of_id(self, credential_id: int) -> int | None:
        for position, source in enumerate(self._visible):
            if self._rows[source].credential_id == credential_id:
                return position
        return None

    def _filtered(self) -> list[int]:
        tokens = search_key(self._filter.text).split()
        accepts = self._filter.accepts
        return [
            i
            for i, row in enumerate(self._rows)
            if accepts(row, self._sites[i]) and all(t in self._keys[i] for t in tokens)
        ]

    def _sort_key(self, column: int) -> Callable[[int], Any]:
        value, rows, sites = _sort_value(column), self._rows, self._sites
        return lambda i: value(rows[i], sites[i])

    # -- Qt model interface (sort, counts, headers: SortedTableModel) --------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        source = self._visible[index.row()]
        row = self._rows[source]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == WHAT and row.source:
            return f"{row.what}: {row.source}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display_text(row, self._sites[source], index.column()) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self.display_text(row, self._sites[source], index.column())
            return f"{text}, {band_text(row.band)}" if index.column() == MENTEE else text
        if role == ROW_ID_ROLE:
            return row.credential_id
        if role == MENTEE_ID_ROLE:
            return row.mentee_id
        if role == BAND_ROLE:
            return row.band
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brush(row.band)
        return None

    @staticmethod
    def display_text(row: DeadlineRow, site: str, column: int) -> str:
        texts = {
            MENTEE: lambda: row.mentee_name,
            SITE: lambda: site,
            CREDENTIAL: lambda: row.kind_name,
            TIER: lambda: label(row.tier),
            NUMBER: lambda: row.number,
            WHAT: lambda: row.what + (" · no work allowed" if row.no_work else ""),
            EXPIRES: lambda: format_date(row.expires_on),
            WHEN: lambda: when_text(row.days_left),
            BAND: lambda: band_text(row.band),
        }
        return texts[column]() if column in texts else ""

    def _brush(self, band: str) -> QBrush | None:
        if band not in self._brushes:
            colour = band_colour(band, QGuiApplication.palette())
            self._brushes[band] = QBrush(colour) if colour is not None else None
        return self._brushes[band]
