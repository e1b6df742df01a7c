"""Keep spreadsheet programs from running cell text as a formula (CSV/formula injection).

Export prefixes one ``'`` to text that starts like a formula; import takes exactly that quote
off again, so a round-trip gives the same text back. Text that already starts with quotes in
front of a formula character gets one more, which keeps the pair of rules exact.
"""

from __future__ import annotations

import re

FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def neutralise(text: str) -> str:
    """``=SUM(A1)`` -> ``'=SUM(A1)``; other text unchanged."""
    return "'" + text if FORMULA_START.match(text) else text


def unquote(text: str) -> str:
    """Undo :func:`neutralise`: ``'=SUM(A1)`` -> ``=SUM(A1)``; ``'hello`` stays as it is."""
    if text.startswith("'") and FORMULA_START.match(text, 1):
        return text[1:]
    return text
