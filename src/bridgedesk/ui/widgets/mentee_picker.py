"""The one mentee chooser: legal name (and the name in its own script); type any part to narrow.

Every screen and dialog that asks "which mentee?" uses it. Typing part of a name and pressing
Enter chooses the first mentee whose name holds that text, so what is shown is always the
mentee chosen. Text that matches nobody chooses nobody: the mentee chosen before stays chosen
(its name comes back in the box) and ``not_found`` says so in a sentence, also shown beside
the box; a view never goes on showing one mentee under another's name.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QToolTip

from bridgedesk.domain.enums import label
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentees.directory import MenteeLabel, mentee_directory

MenteeChoice = tuple[int, str]  # (mentee id, text shown)


def choice_text(legal_name: str, native_name: str = "", status: str = "active") -> str:
    """``Legal Name — native name (archived)``: the text a mentee is listed under."""
    text = legal_name
    if native_name and native_name not in text:
        text += f" — {native_name}"
    if status != "active":
        text += f" ({label(status).lower()})"
    return text


def mentee_choices(ctx: ServiceContext, active_only: bool = False) -> list[MenteeChoice]:
    labels: Iterable[MenteeLabel] = mentee_directory(ctx, active_only=active_only).values()
    return [(who.id, choice_text(who.legal_name, who.native_name, who.status)) for who in labels]


class MenteePicker(QComboBox):
    """An editable combo of mentees; ``value()`` is the chosen mentee's id or None."""

    mentee_chosen = Signal(object)  # the id, or None when the list is emptied or cleared
    not_found = Signal(str)  # a sentence: the typed text matches nobody, nothing changed

    def __init__(self, accessible_name: str = "Mentee", min_chars: int = 0) -> None:
        super().__init__()
        self.setAccessibleName(accessible_name)
        self.setToolTip("Choose a mentee: type any part of a name, in any script")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        if min_chars:
            self.setMinimumContentsLength(min_chars)
            policy = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            self.setSizeAdjustPolicy(policy)
        line = self.lineEdit()
        assert line is not None  # the combo is editable
        line.setPlaceholderText("Type a name in any script…")
        line.setAccessibleName(accessible_name)  # the text field inside takes the focus
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line.editingFinished.connect(self._choose_typed)
        self.currentIndexChanged.connect(lambda _i: self.mentee_chosen.emit(self.value()))
        # A long name shows from its start, not its tail (the line edit leaves the cursor last).
        self.currentIndexChanged.connect(lambda _i: line.setCursorPosition(0))

    def set_mentees(
        self,
        choices: Iterable[MenteeChoice],
        first_if_none: bool = False,
        prefer: int | None = None,
    ) -> None:
        """Replace the list, choosing ``prefer`` when listed, else keeping the current mentee
        when still listed (no signal)."""
        current = self.value()
        self.blockSignals(True)
        self.clear()
        for mentee_id, text in choices:
            self.addItem(text, mentee_id)
        found = self.findData(prefer) if prefer is not None else -1
        if found < 0:
            found = self.findData(current) if current is not None else -1
        if found < 0 and first_if_none and self.count():
            found = 0
        self.setCurrentIndex(found)
        self.blockSignals(False)
        line = self.lineEdit()
        if line is not None:
            line.setCursorPosition(0)  # chosen without a signal: show its start here too

    def value(self) -> int | None:
        """The chosen mentee; None while the typed text is not a listed mentee's whole text."""
        index = self.currentIndex()
        if index < 0 or self.itemText(index) != self.currentText():
            found = self.findText(self.currentText())
            return int(self.itemData(found)) if found >= 0 else None
        return int(self.itemData(index))

    def select(self, mentee_id: int | None) -> None:
        self.setCurrentIndex(self.findData(mentee_id) if mentee_id is not None else -1)

    def _choose_typed(self) -> None:
        """Enter or leaving the box: the typed text becomes a choice, or no choice at all."""
        typed = self.currentText()
        index = self.currentIndex()
        if index >= 0 and self.itemText(index) == typed:
            return
        wanted = typed.strip().casefold()
        texts = [self.itemText(i).casefold() for i in range(self.count())]
        matches = [i for i, text in enumerate(texts) if text == wanted] or [
            i for i, text in enumerate(texts) if wanted and wanted in text
        ]
        if matches:
            self.setCurrentIndex(matches[0])
            self.setEditText(self.itemText(matches[0]))
            return
        if not typed.strip():
            self.setCurrentIndex(-1)  # emptied on purpose: no mentee (optional pickers)
            return
        shown = typed.strip() if len(typed.strip()) <= 40 else typed.strip()[:39] + "…"
        if index >= 0:
            self.setEditText(self.itemText(index))  # nobody chosen: the mentee shown stays
            sentence = f"No mentee matches “{shown}”; still showing {self.itemText(index)}."
        else:
            sentence = f"No mentee matches “{shown}”; type part of a listed name."
        self.not_found.emit(sentence)
        if self.isVisible():
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), sentence, self)
