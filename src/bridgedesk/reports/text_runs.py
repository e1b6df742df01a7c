"""A user string split into runs of one font family each, in logical and in display order.

Why: reportlab draws a whole Paragraph fragment with one font, and no single font covers every
script. So the text is split into runs, one per bundled font family (``fonts.FAMILIES``).
Letters choose their font; spaces, punctuation, digits and combining marks follow their
neighbours, so "ዶ/ር" stays one word - but Noto Sans Ethiopic has no "/", so that slash is drawn
with Noto Sans (``fonts`` makes mixed-font words shape correctly).

Right-to-left text: reportlab's shaper draws each word's glyphs in HarfBuzz's order, so
``display_runs`` applies the Unicode bidi algorithm (``bidi``) with a left-to-right base
direction, and lays the parts out in visual order. Parts with Arabic/Hebrew/Thaana letters stay
in logical order: HarfBuzz draws them right to left (joined, brackets mirrored); other
right-to-left parts are reversed and mirrored here. "محمد عبد الله" is laid out
"الله عبد محمد", left to right, which reads correctly. Limit: a right-to-left stretch wrapped
over two lines has its lines in the wrong order (fine for names, table cells and short notes).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bridgedesk.reports import fonts
from bridgedesk.reports.bidi import bidi_levels, has_rtl, mirrored

REPLACEMENT_CHAR = "\ufffd"
"""Drawn (with Noto Sans) for a character no bundled font has, rather than a silent blank."""

_MISSING = ""
"""Family key used internally for characters no bundled font has."""

_SPACE = frozenset(" \t\n\r")
_PLAIN_ASCII = re.compile(r"[ -~]*")


@dataclass(frozen=True)
class Run:
    """A stretch of text drawn with one font family (a key of ``fonts.FAMILIES``)."""

    family: str
    text: str

    @property
    def rtl(self) -> bool:
        """Whether the family's script is written right to left."""
        return fonts.family(self.family).rtl

    @property
    def needs_shaping(self) -> bool:
        """Whether this run must be shaped by HarfBuzz to be legible (see ``fonts.needs_shaping``)."""
        return fonts.needs_shaping(self.family, self.text)


def clean_text(text: str) -> str:
    """``fonts.normalize``, then control characters (other than tab/newline) become spaces.

    Control characters are invisible and not allowed in XML markup.
    """
    text = fonts.normalize(text)
    if _PLAIN_ASCII.fullmatch(text):
        return text
    return "".join(" " if unicodedata.category(c) == "Cc" and c not in _SPACE else c for c in text)


def split_runs(text: str) -> list[Run]:
    """Split ``text`` (after ``clean_text``) into runs of one font family, in logical order.

    Every character of every run has a glyph in that run's font: a character no bundled font
    has is replaced by U+FFFD in the Latin run (``fonts.missing_glyphs`` reports it).
    """
    return list(_split_runs(clean_text(text)))


def display_runs(text: str) -> list[Run]:
    """Runs in the order they are laid out left to right: right-to-left stretches reversed.

    The runs are cut at whitespace, then every stretch that starts and ends with a
    right-to-left part and holds no left-to-right letter (digits and punctuation may be inside)
    is reversed part by part. Each part keeps its own characters in logical order: HarfBuzz
    draws an RTL part right to left, and digits stay left to right, as the bidi algorithm wants.
    """
    return list(_display_runs(clean_text(text)))


def needs_shaping(text: str) -> bool:
    """Whether a paragraph holding ``text`` must be built with ``shaping=1``."""
    return any(run.needs_shaping for run in _split_runs(clean_text(text)))


@lru_cache(maxsize=4096)
def _split_runs(text: str) -> tuple[Run, ...]:
    """``split_runs`` of an already cleaned text; cached because reports repeat names a lot."""
    if not text:
        return ()
    if _PLAIN_ASCII.fullmatch(text) or (fonts.covers(fonts.LATIN, text) and not _has_mark(text)):
        return (Run(fonts.LATIN, text),)  # what _assign_families gives, much faster
    families = _assign_families(text)
    runs: list[Run] = []
    for char, family in zip(text, families, strict=True):
        if family == _MISSING:
            family, char = fonts.LATIN, REPLACEMENT_CHAR
        if runs and runs[-1].family == family:
            runs[-1] = Run(family, runs[-1].text + char)
        else:
            runs.append(Run(family, char))
    return tuple(runs)


@lru_cache(maxsize=4096)
def _display_runs(text: str) -> tuple[Run, ...]:
    """``display_runs`` of an already cleaned text."""
    if not text:
        return ()
    runs = _split_runs(text)
    if not has_rtl(text):
        return runs  # no right-to-left letter: logical order is visual order
    chars = "".join(run.text for run in runs)
    families = [run.family for run in runs for _ in run.text]
    levels = bidi_levels(chars)
    # Parts: maximal stretches of one family, one level, and either all space or no space.
    parts: list[tuple[int, Run]] = []
    for i, char in enumerate(chars):
        key = (families[i], levels[i], char.isspace())
        if parts and (families[i - 1], levels[i - 1], chars[i - 1].isspace()) == key:
            level, run = parts[-1]
            parts[-1] = (level, Run(run.family, run.text + char))
        else:
            parts.append((levels[i], Run(families[i], char)))
    # UAX #9 L2: from the highest level down to 1, reverse every stretch at that level or above.
    for level in range(max(levels), 0, -1):
        i = 0
        while i < len(parts):
            if parts[i][0] < level:
                i += 1
                continue
            j = i
            while j < len(parts) and parts[j][0] >= level:
                j += 1
            parts[i:j] = parts[i:j][::-1]
            i = j
    # A right-to-left part is drawn right to left by HarfBuzz only if it is shaped as
    # right-to-left text: RTL letters in an RTL font. Any other is reversed here.
    ordered = [
        (level, Run(run.family, mirrored(run.text)))
        if level % 2 and not (run.rtl and has_rtl(run.text))
        else (level, run)
        for level, run in parts
    ]
    return tuple(_merge(ordered))


def _assign_families(text: str) -> list[str]:
    """Family key per character (``_MISSING`` where no font has it); see the module docstring.

    Letters take the first font that has them. Then digits, and after them punctuation and
    symbols, take the font of the nearest letter (or digit) in the same word (before, then
    after), then of the nearest one at all, if that font has the character; spaces likewise,
    minus the same-word step. Combining
    marks take the font of the character they sit on. Anything left takes the first font that
    has it.
    """
    families: list[str | None] = [None] * len(text)
    categories = [unicodedata.category(c) for c in text]
    for i, char in enumerate(text):
        if categories[i].startswith("L"):
            families[i] = fonts.family_for_char(char) or _MISSING
    # Digits first, so that "-" in "(2019-2020)" follows the digits, not a far-off letter.
    for first_pass in (True, False):
        anchors = [f if f not in (None, _MISSING) else None for f in families]
        before, before_in_word = _nearest_letters(text, anchors, range(len(text)))
        after, after_in_word = _nearest_letters(text, anchors, range(len(text) - 1, -1, -1))
        for i, char in enumerate(text):
            if families[i] is not None or categories[i].startswith(("L", "M")):
                continue
            if first_pass and categories[i] != "Nd":
                continue
            candidates = [before[i], after[i]]
            if not char.isspace():
                candidates = [before_in_word[i], after_in_word[i], *candidates]
            families[i] = _first_with_glyph(candidates, char)

    for i, char in enumerate(text):
        if categories[i].startswith("M"):
            families[i] = _first_with_glyph([families[i - 1] if i else None], char)
    return [f if f is not None else _MISSING for f in families]


def _nearest_letters(
    text: str, letters: list[str | None], order: range
) -> tuple[list[str | None], list[str | None]]:
    """For each index, the family of the nearest anchor (``letters[j]`` not None) met before it
    walking in ``order``: at all, and within the same word (no whitespace in between). One
    pass each way, so long texts stay fast.
    """
    nearest: list[str | None] = [None] * len(text)
    in_word: list[str | None] = [None] * len(text)
    last: str | None = None
    last_in_word: str | None = None
    for i in order:
        nearest[i], in_word[i] = last, last_in_word
        if text[i].isspace():
            last_in_word = None
        elif letters[i] is not None:
            last = last_in_word = letters[i]
    return nearest, in_word


def _first_with_glyph(candidates: list[str | None], char: str) -> str:
    """First candidate family whose font has ``char``, else any font that has it, else missing."""
    if char in _SPACE:
        char = " "
    for family in candidates:
        if family and fonts.has_glyph(family, char):
            return family
    return fonts.family_for_char(char) or _MISSING


def _has_mark(text: str) -> bool:
    """Whether ``text`` holds a combining mark (which needs shaping to sit on its base)."""
    return any(unicodedata.category(char).startswith("M") for char in text)


def _merge(parts: list[tuple[int, Run]]) -> list[Run]:
    """Join neighbouring parts of one family (fewer ``<font>`` tags), except where the level
    changes inside a word: each ``<font>`` tag is shaped on its own, and a right-to-left part
    and a number beside it must not be shaped (reversed) together."""
    merged: list[Run] = []
    last_level = -1
    for level, run in parts:
        if merged and merged[-1].family == run.family:
            previous = merged[-1].text
            if level == last_level or previous[-1].isspace() or run.text[0].isspace():
                merged[-1] = Run(run.family, previous + run.text)
                last_level = level
                continue
        merged.append(run)
        last_level = level
    return merged
