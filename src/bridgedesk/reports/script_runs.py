"""Turn a user string (usually a person's name) into reportlab Paragraph markup that prints in any script.

Why: reportlab draws a whole Paragraph fragment with one font, and no single font covers every
script. So the text is split into runs, one per bundled font family (``fonts.FAMILIES``), and each
run is wrapped in ``<font name="...">``. Letters choose their font; spaces, punctuation, digits
and combining marks follow their neighbours, so "ዶ/ር" stays one word - but Noto Sans Ethiopic has
no "/", so that slash is drawn with Noto Sans (``fonts`` makes mixed-font words shape correctly).

Right-to-left text: reportlab 5.1 has no bidi algorithm without the ``rlbidi`` package (not on
PyPI), and its shaper draws each word's glyphs in HarfBuzz's order. So ``display_runs`` applies the
Unicode bidi algorithm (UAX #9: weak types, bracket pairs, neutrals, levels, reordering; no
explicit embeddings) with a left-to-right base direction, and lays the parts out in visual
order. Parts with Arabic/Hebrew/Thaana letters stay in logical order: HarfBuzz draws them right
to left (joined, brackets mirrored); other right-to-left parts are reversed and mirrored here.
"محمد عبد الله" is laid out "الله عبد محمد", left to right, which reads correctly. Limit: a
right-to-left stretch wrapped over two lines has its lines in the wrong order (fine for names,
table cells and short notes).

Every user string is XML-escaped here: Paragraph text is markup, and a name like "<b>" or "&"
must print literally and must never break a report.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

from bridgedesk.reports import fonts

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

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


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for a user string: escaped, each run in its own ``<font name=...>``.

    Safe to embed in larger markup (e.g. ``f"<b>Mentor:</b> {markup(name)}"``), but the
    paragraph's style must come from ``style_for`` (shaping on when needed, base font Noto
    Sans): Arabic, Hebrew and Indic text is unreadable without shaping. Bold must be asked for
    here: the ``<font>`` tags reset an enclosing ``<b>``.
    """
    return "".join(
        f'<font name="{fonts.font_name(run.family, bold)}">{escape(run.text)}</font>'
        for run in _display_runs(clean_text(text))
    )


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
    if not _has_rtl(text):
        return runs  # no right-to-left letter: logical order is visual order
    chars = "".join(run.text for run in runs)
    families = [run.family for run in runs for _ in run.text]
    levels = _bidi_levels(chars)
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
        (level, Run(run.family, _mirrored(run.text)))
        if level % 2 and not (run.rtl and _has_rtl(run.text))
        else (level, run)
        for level, run in parts
    ]
    return tuple(_merge(ordered))


_derived_styles: WeakKeyDictionary[ParagraphStyle, dict[tuple[bool, bool], ParagraphStyle]] = (
    WeakKeyDictionary()
)


def style_for(text: str, style: ParagraphStyle, bold: bool = False) -> ParagraphStyle:
    """``style`` with the bundled base font, and shaping on only if ``text`` needs it.

    ``text`` is the user text the paragraph will hold (for a paragraph mixing several user
    strings, pass them joined). The style's own ``fontName`` is replaced by Noto Sans, Bold when
    ``bold``; size, leading, colour, alignment and the rest are kept.

    Shaping stays off when not needed: reportlab's shaped layout path is slower, and shaping
    changes nothing for Latin, Cyrillic, Ethiopic or CJK. Derived styles are cached per style.
    """
    from reportlab.lib.styles import ParagraphStyle

    shaping = needs_shaping(text)
    variants = _derived_styles.setdefault(style, {})
    key = (bold, shaping)
    if key not in variants:
        base = fonts.font_name(fonts.LATIN, bold)
        # A copy, not a child style: a child would hold ``style`` alive through ``parent``
        # and the weak cache would never let go of it.
        settings = {k: v for k, v in vars(style).items() if k not in ("name", "parent")}
        settings.update(fontName=base, bulletFontName=base, shaping=1 if shaping else 0)
        variants[key] = ParagraphStyle(
            f"{style.name}+bridgedesk{'-bold' if bold else ''}{'-shaped' if shaping else ''}",
            **settings,
        )
    return variants[key]


def paragraph(text: str, style: ParagraphStyle, bold: bool = False) -> Paragraph:
    """A Paragraph showing the user string ``text`` literally, in any script."""
    from reportlab.platypus import Paragraph

    return Paragraph(markup(text, bold), style_for(text, style, bold))


_default_cell_style: ParagraphStyle | None = None


def cell(text: str | None, style: ParagraphStyle | None = None, bold: bool = False) -> Paragraph:
    """A table cell for a plain string: use it instead of the bare string in ``Table`` data.

    A bare string cell is drawn with one font and no markup, so names outside Latin-1 would
    print as boxes. ``None`` gives an empty cell. Default style: 9 pt on 11 pt leading.
    """
    global _default_cell_style
    if style is None:
        if _default_cell_style is None:
            from reportlab.lib.styles import ParagraphStyle

            _default_cell_style = ParagraphStyle("BridgeDeskCell", fontSize=9, leading=11)
        style = _default_cell_style
    return paragraph(text or "", style, bold)


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


def _has_rtl(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (bidi class R or AL)."""
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def _mirrored(text: str) -> str:
    """``text`` reversed with brackets mirrored: how a right-to-left level shows characters
    that HarfBuzz will not reverse (no right-to-left letter in them)."""
    return "".join(_MIRROR.get(char, char) for char in reversed(text))


def _strong(bidi_type: str) -> str | None:
    """Direction a resolved type pushes neutrals to: numbers count as R (UAX #9 N1)."""
    if bidi_type == "L":
        return "L"
    return "R" if bidi_type in ("R", "EN", "AN") else None


def _bidi_levels(text: str) -> list[int]:
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
        before = _strong(types[i - 1]) if i else "L"
        after = _strong(types[j]) if j < n else "L"
        types[i:j] = [before if before == after else "L"] * (j - i)
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
