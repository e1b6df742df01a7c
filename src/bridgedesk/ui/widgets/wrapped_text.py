"""A message broken into lines by hand, for labels under a field.

A QLabel's own word wrap reports its height only for a given width, which the form layouts
here never ask for, so a wrapped message overlaps the next row; explicit line breaks give the
label a true size hint instead.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics


def wrapped(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` with line breaks so that no line is wider than ``width`` pixels (a single
    word wider than that keeps its own line)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)
