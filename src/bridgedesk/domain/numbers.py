"""How a count reads wherever the user sees it: the screen and the reports print it the same way.

Pure (no Qt, no reportlab): ``ui/formatting.py`` and ``reports/figures.py`` both call it.
"""

from __future__ import annotations


def format_count(value: float) -> str:
    """A count with thousands separators, ``42,892``; a fraction keeps one decimal, ``9.5``."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"
