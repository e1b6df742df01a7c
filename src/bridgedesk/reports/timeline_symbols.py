"""The printed marker of each timeline state: the screen's shape, fill and light-theme colour
(``domain.timeline_symbols``), with the screen's warning red for overdue."""

from __future__ import annotations

from bridgedesk.domain.timeline_symbols import STATE_LABELS, STATES, STYLE, WARNING_RED

__all__ = ["STATES", "STATE_LABELS", "SYMBOLS", "symbol"]

SYMBOLS: dict[str, tuple[str, bool, str]] = {
    state: (shape, filled, light or WARNING_RED)
    for state, (shape, filled, light, _) in STYLE.items()
}


def symbol(state: str) -> tuple[str, bool, str]:
    """The marker of ``state``; an unknown state is drawn as planned (as on the screen)."""
    return SYMBOLS.get(state, SYMBOLS["planned"])
