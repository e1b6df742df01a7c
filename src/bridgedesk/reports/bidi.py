"""The Unicode bidi algorithm (UAX #9), as much of it as names and short notes need.

Why: reportlab 5.1 has no bidi algorithm without the ``rlbidi`` package (not on PyPI). This
module gives each character its embedding level in a left-to-right paragraph (weak types,
bracket pairs, neutrals, implicit levels, trailing whitespace; no explicit embeddings) and
mirrors brackets for right-to-left stretches; ``text_runs.display_runs`` uses both to lay runs
out in visual order.
"""

from __future__ import annotations

import unicodedata

_BRACKET_PAIRS = {
    "(": ")",
    "[": "]",
    "{": "}",
    "\u2045": "\u2046",
    "\u207d": "\u207e",
    "\u208d": "\u208e",
    "\u2329": "\u232a",
    "\u27e8": "\u27e9",
    "\u3008": "\u3009",
    "\u300a": "\u300b",
    "\u300c": "\u300d",
    "\u300e": "\u300f",
    "\u3010": "\u3011",
    "\uff08": "\uff09",
    "\uff3b": "\uff3d",
    "\uff5b": "\uff5d",
}
"""Bidi paired brackets (UAX #9 BD16) likely in names; Python's unicodedata lacks the property."""
_CLOSING = {close: open_ for open_, close in _BRACKET_PAIRS.items()}
_MIRROR = {
    **_BRACKET_PAIRS,
    **_CLOSING,
    "<": ">",
    ">": "<",
    "\u00ab": "\u00bb",
    "\u00bb": "\u00ab",
    "\u2039": "\u203a",
    "\u203a": "\u2039",
    "\u2264": "\u2265",
    "\u2265": "\u2264",
}
"""Bidi_Mirroring_Glyph for the characters above: drawn mirrored at a right-to-left level."""
_EXPLICIT = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI", "BN"})


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (bidi class R or AL)."""
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def mirrored(text: str) -> str:
    """``text`` reversed with brackets mirrored: how a right-to-left level shows characters
    that HarfBuzz will not reverse (no right-to-left letter in them)."""
    return "".join(_MIRROR.get(char, char) for char in reversed(text))


def _strong(bidi_type: str) -> str | None:
    """Direction a resolved type pushes neutrals to: numbers count as R (UAX #9 N1)."""
    if bidi_type == "L":
        return "L"
    return "R" if bidi_type in ("R", "EN", "AN") else None


def bidi_levels(text: str) -> list[int]:
    """Embedding level of each character (0 left to right, 1 right to left, 2 numbers inside
    right-to-left text) for a left-to-right paragraph: UAX #9 rules W1-W7, N0-N2, I1-I2, L1.

    Explicit embeddings, overrides and isolates are treated as neutrals (names do not use them).
    """
    n = len(text)
    types = [unicodedata.bidirectional(char) or "L" for char in text]
    types = ["ON" if t in _EXPLICIT else t for t in types]
    previous = "L"  # W1: a combining mark takes the type of its base
    for i, t in enumerate(types):
        if t == "NSM":
            types[i] = previous
        else:
            previous = t
    last_strong = "L"  # W2: European digits after Arabic letters are Arabic numbers
    for i, t in enumerate(types):
        if t in ("L", "R", "AL"):
            last_strong = t
        elif t == "EN" and last_strong == "AL":
            types[i] = "AN"
    types = ["R" if t == "AL" else t for t in types]  # W3
    for i in range(1, n - 1):  # W4: one separator between two numbers joins them
        if types[i - 1] == types[i + 1] and (
            (types[i] == "ES" and types[i - 1] == "EN")
            or (types[i] == "CS" and types[i - 1] in ("EN", "AN"))
        ):
            types[i] = types[i - 1]
    i = 0
    while i < n:  # W5: terminators (%, $, ...) next to European numbers join them
        if types[i] != "ET":
            i += 1
            continue
        j = i
        while j < n and types[j] == "ET":
            j += 1
        if (i and types[i - 1] == "EN") or (j < n and types[j] == "EN"):
            types[i:j] = ["EN"] * (j - i)
        i = j
    types = ["ON" if t in ("ES", "ET", "CS") else t for t in types]  # W6
    last_strong = "L"  # W7: European numbers in left-to-right text are left to right
    for i, t in enumerate(types):
        if t in ("L", "R"):
            last_strong = t
        elif t == "EN" and last_strong == "L":
            types[i] = "L"
    for opening, closing in _bracket_pairs(text, types):  # N0
        inside = {_strong(t) for t in types[opening + 1 : closing]}
        if "L" in inside:
            direction = "L"
        elif "R" in inside:
            before = next((d for t in types[opening - 1 :: -1] if (d := _strong(t))), "L")
            direction = "R" if opening and before == "R" else "L"
        else:
            continue
        types[opening] = types[closing] = direction
    i = 0
    while i < n:  # N1, N2: neutrals between two like directions take it, else left to right
        if _strong(types[i]):
            i += 1
            continue
        j = i
        while j < n and not _strong(types[j]):
            j += 1
        left = _strong(types[i - 1]) if i else "L"
        assert left is not None  # i > 0 only right after a strong type: the loop skips those
        right = _strong(types[j]) if j < n else "L"
        types[i:j] = [left if left == right else "L"] * (j - i)
        i = j
    levels = [0 if t == "L" else 1 if t == "R" else 2 for t in types]  # I1
    for i in range(n - 1, -1, -1):  # L1: trailing whitespace goes back to the paragraph level
        if not text[i].isspace():
            break
        levels[i] = 0
    return levels


def _bracket_pairs(text: str, types: list[str]) -> list[tuple[int, int]]:
    """Matching bracket pairs among neutral characters, sorted by opening (UAX #9 BD16)."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for i, char in enumerate(text):
        if types[i] != "ON":
            continue
        if char in _BRACKET_PAIRS:
            if len(stack) == 63:
                break
            stack.append((_BRACKET_PAIRS[char], i))
        elif char in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    return sorted(pairs)
