"""Wiring a freshly built view's requests ("open this mentee", "print this report") to the window.

Views announce what they want by signals with agreed names; a view without one simply has
nothing to ask. Keeping the list here means a new kind of request is added in one place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget


def connect_view_requests(
    view: QWidget,
    open_mentee: Callable[[int], None],
    show_mentee_report: Callable[[int], None],
    show_mentee_in: Callable[[str, int], None],
    show_target: Callable[[str, int | None, str, int | None], object] | None = None,
) -> None:
    """Connect whichever of the agreed request signals ``view`` defines."""
    requested = getattr(view, "mentee_requested", None)
    if requested is not None:  # e.g. a dashboard row: open that mentee's record
        requested.connect(open_mentee)
    report = getattr(view, "report_requested", None)
    if report is not None:  # "Print report…" on a mentee record
        report.connect(show_mentee_report)
    open_view = getattr(view, "open_view_requested", None)
    if open_view is not None:  # a mentee record's "Open in Timeline" and the like
        open_view.connect(show_mentee_in)
    target = getattr(view, "target_requested", None)
    if target is not None and show_target is not None:  # a "Needs attention" row's Open
        target.connect(lambda t: show_target(t.view, t.mentee_id, t.item_kind, t.item_id))
