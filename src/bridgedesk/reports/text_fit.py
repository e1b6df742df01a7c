"""Shortening a line of text to a width at a word boundary, with an ellipsis.

For one-line places (the running header): a long name keeps its whole words and ends in
"…" rather than overprinting what is beside it or being cut inside a word.
"""

from __future__ import annotations

from bridgedesk.reports.chart_labels import text_width

ELLIPSIS = "\u2026"


def fit_words(text: str, size: float, width: float) -> str:
    """``text`` if it fits ``width`` at ``size`` points, else its longest run of whole words
    that fits with "…" after it; a first word too long on its own is cut to fit (there is no
    word boundary to keep)."""
    if text_width(text, size) <= width:
        return text
    words = text.split()
    kept: list[str] = []
    for word in words:
        trial = " ".join([*kept, word]) + ELLIPSIS
        if text_width(trial, size) > width:
            break
        kept.append(word)
    if kept:
        return " ".join(kept).rstrip(",;:\u2014\u2013-\u00b7 ") + ELLIPSIS
    first = words[0] if words else text
    while first and text_width(first + ELLIPSIS, size) > width:
        first = first[:-1]
    return first + ELLIPSIS if first else ""
