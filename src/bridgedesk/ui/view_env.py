"""What every screen is built from: the open program, the data folder, dialogs, today and undo.

Passed in rather than reached for, so a screen can be built alone in a test. It lives apart
from the screen registry so that screens import it without importing each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bridgedesk.paths import DataPaths
from bridgedesk.services.context import ServiceContext
from bridgedesk.ui.current_mentee import CurrentMentee
from bridgedesk.ui.dialogs import Dialogs

if TYPE_CHECKING:
    from bridgedesk.ui.undo import UndoHistory


@dataclass
class ViewEnv:
    ctx: ServiceContext
    paths: DataPaths
    dialogs: Dialogs
    today: Callable[[], dt.date] = field(default=dt.date.today)
    undo: UndoHistory | None = None  # Edit ▸ Undo of quick actions; None in a view built alone
    current: CurrentMentee = field(default_factory=CurrentMentee)  # shared by one-mentee views
