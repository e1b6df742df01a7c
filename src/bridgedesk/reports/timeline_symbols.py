"""The marker of each timeline state, as the screen draws it (``ui.widgets.timeline_strip``).

Same shape, fill and colour (the screen's light-theme colours) on paper as on the screen, so a
director who knows the screen reads the printout, and a shape per state so it reads in grey.
"""

from __future__ import annotations

STATES = ("held", "missed", "rescheduled", "planned", "overdue", "done", "due", "cancelled")
"""Legend order: the check-in states, then the milestone ones."""

STATE_LABELS = {
    "held": "Held",
    "missed": "Missed",
    "rescheduled": "Rescheduled",
    "planned": "Planned",
    "overdue": "Overdue",
    "done": "Milestone done",
    "due": "Milestone due",
    "cancelled": "Cancelled",
}

SYMBOLS: dict[str, tuple[str, bool, str]] = {
    # state: (shape, filled, colour)
    "held": ("circle", True, "#2e7d32"),
    "missed": ("cross", True, "#6d4c41"),
    "rescheduled": ("diamond", False, "#7b1fa2"),
    "planned": ("circle", False, "#1565c0"),
    "overdue": ("triangle", True, "#b3261e"),  # the screen's warning red (light theme)
    "done": ("square", True, "#00695c"),
    "due": ("square", False, "#ef6c00"),
    "cancelled": ("dash", True, "#757575"),  # planned after the mentee left: history only
}


def symbol(state: str) -> tuple[str, bool, str]:
    """The marker of ``state``; an unknown state is drawn as planned (as on the screen)."""
    return SYMBOLS.get(state, SYMBOLS["planned"])
