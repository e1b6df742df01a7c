"""The sections of one mentee's record after Profile: mentors, timeline, checklist, credentials,
goals and pair health. Each is read-mostly and points to its full view; sections that can open
a view carry ``open_view_requested(view_key, mentee_id)``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from bridgedesk.ui.view_env import ViewEnv

TITLES = ("Mentors", "Timeline", "Checklist", "Credentials", "Goals", "Pair health")
UNSAVED_NOTE = "Save the profile first; this section shows once the mentee is saved."


def build_sections(env: ViewEnv, mentee_id: int | None) -> list[tuple[str, QWidget]]:
    """(tab title, page) in tab order; a mentee not yet saved gets a short note per tab."""
    if mentee_id is None:
        return [(title, _note(UNSAVED_NOTE)) for title in TITLES]
    from bridgedesk.ui.screens.mentees.sections.checklist_section import ChecklistSection
    from bridgedesk.ui.screens.mentees.sections.credentials_section import CredentialsSection
    from bridgedesk.ui.screens.mentees.sections.goals_section import GoalsSection
    from bridgedesk.ui.screens.mentees.sections.mentors_section import MentorsSection
    from bridgedesk.ui.screens.mentees.sections.pair_health_section import PairHealthSection
    from bridgedesk.ui.screens.mentees.sections.timeline_section import TimelineSection

    pages: list[QWidget] = [
        MentorsSection(env, mentee_id),
        TimelineSection(env, mentee_id),
        ChecklistSection(env, mentee_id),
        CredentialsSection(env, mentee_id),
        GoalsSection(env, mentee_id),
        PairHealthSection(env, mentee_id),
    ]
    return list(zip(TITLES, pages, strict=True))


def _note(text: str) -> QLabel:
    note = QLabel(text)
    note.setAlignment(Qt.AlignmentFlag.AlignCenter)
    note.setWordWrap(True)
    return note
