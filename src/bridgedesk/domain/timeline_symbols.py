"""The marker of each timeline state: the one table the screen's strip and the printed strip
both draw from, so a director who knows the screen reads the printout (and a shape per state
keeps it readable in grey).
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

WARNING_RED = "#b3261e"
"""Overdue on paper; the screen draws overdue in its palette's warning colour instead."""

STYLE: dict[str, tuple[str, bool, str, str]] = {
    # state: (shape, filled, colour on a light background, colour on a dark one); "" = warning
    "held": ("circle", True, "#2e7d32", "#81c784"),
    "missed": ("cross", True, "#6d4c41", "#d7ccc8"),
    "rescheduled": ("diamond", False, "#7b1fa2", "#ce93d8"),
    "planned": ("circle", False, "#1565c0", "#90caf9"),
    "overdue": ("triangle", True, "", ""),
    "done": ("square", True, "#00695c", "#80cbc4"),
    "due": ("square", False, "#ef6c00", "#ffb74d"),
    "cancelled": ("dash", True, "#757575", "#bdbdbd"),  # planned after leaving: history only
}
