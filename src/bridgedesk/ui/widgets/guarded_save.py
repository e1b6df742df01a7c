"""Run a form's save through the services and turn refusals into words, keeping the edits.

Every record form (mentee, credential, insight) refuses the same three ways: field problems
go under their fields, a conflict names who changed the record, anything else is one sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from bridgedesk.errors import ConflictError, UserError, ValidationError
from bridgedesk.ui.dialogs import Dialogs


def guarded_save(
    parent: QWidget,
    dialogs: Dialogs,
    show_problems: Callable[[dict[str, str]], object],
    what: str,
    save: Callable[[], object],
) -> bool:
    """Call ``save``; True when it went through, False (with the reason shown) when refused."""
    try:
        save()
    except ValidationError as exc:
        show_problems(exc.problems)
    except ConflictError as exc:
        dialogs.error(parent, str(exc), f"Someone else changed this {what}")
    except UserError as exc:
        dialogs.error(parent, str(exc))
    else:
        return True
    return False
