"""The question a changed start date asks: move what is still planned by the same days?"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from bridgedesk.services.mentees.roster import PlanShift
from bridgedesk.ui.view_env import ViewEnv

MOVE, KEEP = "Move them too", "Keep their dates"


def ask_to_move_plan(parent: QWidget, env: ViewEnv, shift: PlanShift) -> bool | None:
    """True: move them; False: keep their dates (or nothing to move); None: do not save."""
    if not shift.items or not shift.days:
        return False
    days = f"{abs(shift.days)} day{'s' if abs(shift.days) != 1 else ''}"
    way = "later" if shift.days > 0 else "earlier"
    answer = env.dialogs.choose(
        parent,
        "Start date changed",
        f"The start date moves {days} {way}. Move the {shift.checkins} planned check-ins "
        f"and {shift.milestones} open milestones {days} {way} too? What was held, missed "
        "or signed off keeps its date.",
        [MOVE, KEEP],
    )
    return None if answer is None else answer == 0
