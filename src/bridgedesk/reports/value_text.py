"""How report table cells show values that are not user strings: enum values as words, shares
and means with a dash for "none yet"."""

from __future__ import annotations

from typing import Any


def enum_words(value: Any) -> str:
    """An enum (or its value) as capitalised words: "in_progress" -> "In progress"."""
    text = str(getattr(value, "value", value) or "")
    return text.replace("_", " ").capitalize()


def share_text(share: float | None) -> str:
    """A share as a whole percentage, or a dash when there is none."""
    return "\u2014" if share is None else f"{share:.0%}"


def mean_text(value: float | None) -> str:
    """A mean rating to one decimal, or a dash when there is none."""
    return "\u2014" if value is None else f"{value:.1f}"
