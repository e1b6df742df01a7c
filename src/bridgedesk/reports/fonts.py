"""The bundled TrueType fonts for PDF reports, and which of them can draw which character.

Why this module exists: reportlab's built-in Helvetica covers Latin-1 only, so a mentee called
"መድኃኔ", "محمد" or "Nguyễn" would print as boxes or blanks. BridgeDesk ships open-licensed static
TrueType fonts in ``resources/fonts`` (sources and licences in its README.md): Noto Sans for
Latin, Greek, Cyrillic and Vietnamese, one Noto font per other script, Droid Sans Fallback for
Chinese and Japanese and NanumGothic for Korean. A paragraph switches font per run of script
(see ``script_runs``).

The fonts are registered with reportlab once, on first use: parsing all of them takes ~0.2 s and
importing reportlab another ~0.15 s, which the app must not pay at start-up. For the same reason
reportlab is only imported inside functions here.

Which font has a glyph is read from reportlab's own parse of each font's ``cmap`` (the table
reportlab itself uses when it draws), snapshotted at registration: reportlab later adds
private-use entries to that table for shaped glyphs that have no code point.

Shaping (Arabic joining, Indic reordering, Thai mark placement) is reportlab's HarfBuzz support;
``_install_shaping_fixes`` corrects two behaviours of reportlab 5.1 that damage names, see there.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bridgedesk.assets import asset_path

FONT_NAME_PREFIX = "BridgeDesk"
"""Registered reportlab font names are ``BridgeDesk-<family>[-Bold]``, away from anyone else's."""

LATIN = "latin"
"""Family of the base font (Noto Sans): Latin, Greek, Cyrillic, Vietnamese, most punctuation."""

SHAPING_FEATURES: dict[str, bool] = {"kern": True, "liga": True}
"""OpenType features asked of HarfBuzz on top of its defaults (which already include the required
ones: ``rlig``, ``ccmp``, Indic ``akhn``/``blwf``/..., ``mark``/``mkmk``). reportlab 5.1 also asks for
``dlig`` (discretionary ligatures), which turns "محمد" into the single vocalised ligature U+FDF4 with
Noto Sans Arabic: a different rendering of a person's name, so it is never requested."""

_VARIATION_SELECTORS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")


@dataclass(frozen=True)
class FontFamily:
    """One bundled typeface: a Regular file and, when the typeface has one, a Bold file."""

    key: str
    regular: str
    """File name under ``resources/fonts``."""
    bold: str | None
    """File name of the Bold face; None for CJK/Hangul (4-5 MB each), which use Regular for bold."""
    shaping: bool
    """True when text in this script must go through HarfBuzz to be legible: joining (Arabic),
    right-to-left glyph order (Arabic, Hebrew, Thaana), reordering and conjuncts (Indic, Sinhala,
    Khmer, Myanmar) or stacked marks (Thai, Lao)."""
    rtl: bool = False
    """Written right to left, so words are laid out in reverse order (see ``script_runs``)."""

    def font_name(self, bold: bool = False) -> str:
        """The name the face is registered under with reportlab (``<font name=...>``)."""
        if bold and self.bold:
            return f"{FONT_NAME_PREFIX}-{self.key}-Bold"
        return f"{FONT_NAME_PREFIX}-{self.key}"


FAMILIES: tuple[FontFamily, ...] = (
    # Order matters: a letter goes to the first family whose font has it, so the base font comes
    # first and Droid (Han, kana) comes before Nanum (which also has some Hanja and kana).
    FontFamily(LATIN, "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", shaping=False),
    FontFamily("ethiopic", "NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf", False),
    FontFamily("arabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", True, rtl=True),
    FontFamily("hebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", True, rtl=True),
    FontFamily("thaana", "NotoSansThaana-Regular.ttf", "NotoSansThaana-Bold.ttf", True, rtl=True),
    FontFamily("devanagari", "NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf", True),
    FontFamily("bengali", "NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf", True),
    FontFamily("gurmukhi", "NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf", True),
    FontFamily("gujarati", "NotoSansGujarati-Regular.ttf", "NotoSansGujarati-Bold.ttf", True),
    FontFamily("oriya", "NotoSansOriya-Regular.ttf", "NotoSansOriya-Bold.ttf", True),
    FontFamily("tamil", "NotoSansTamil-Regular.ttf", "NotoSansTamil-Bold.ttf", True),
    FontFamily("telugu", "NotoSansTelugu-Regular.ttf", "NotoSansTelugu-Bold.ttf", True),
    FontFamily("kannada", "NotoSansKannada-Regular.ttf", "NotoSansKannada-Bold.ttf", True),
    FontFamily("malayalam", "NotoSansMalayalam-Regular.ttf", "NotoSansMalayalam-Bold.ttf", True),
    FontFamily("sinhala", "NotoSansSinhala-Regular.ttf", "NotoSansSinhala-Bold.ttf", True),
    FontFamily("thai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", True),
    FontFamily("lao", "NotoSansLao-Regular.ttf", "NotoSansLao-Bold.ttf", True),
    FontFamily("khmer", "NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf", True),
    FontFamily("myanmar", "NotoSansMyanmar-Regular.ttf", "NotoSansMyanmar-Bold.ttf", True),
    FontFamily("armenian", "NotoSansArmenian-Regular.ttf", "NotoSansArmenian-Bold.ttf", False),
    FontFamily("georgian", "NotoSansGeorgian-Regular.ttf", "NotoSansGeorgian-Bold.ttf", False),
    FontFamily("cjk", "DroidSansFallbackFull.ttf", None, shaping=False),
    FontFamily("hangul", "NanumGothic.ttf", None, shaping=False),
)

_BY_KEY: dict[str, FontFamily] = {family.key: family for family in FAMILIES}
_BY_FONT_NAME: dict[str, FontFamily] = {
    name: family for family in FAMILIES for name in {family.font_name(), family.font_name(True)}
}

_lock = threading.Lock()
_coverage: dict[str, frozenset[int]] = {}
"""Family key -> code points that both its Regular and its Bold font map to a real glyph."""


def family(key: str) -> FontFamily:
    """The bundled family called ``key`` (KeyError for an unknown key)."""
    return _BY_KEY[key]


def register_fonts() -> None:
    """Register every bundled font with reportlab, once per process; safe from any thread.

    Also registers each Regular/Bold pair as a reportlab font family, so ``<b>Label:</b>`` in
    a paragraph whose base font is ``BridgeDesk-latin`` is drawn in Noto Sans Bold, and installs
    the shaping fixes. (A ``<font name=...>`` tag resets bold, so ``<b>`` around
    ``script_runs.markup`` output has no effect: use ``markup(text, bold=True)``.)
    Raises FileNotFoundError when a font file is missing from ``resources/fonts``.
    """
    if _coverage:
        return
    with _lock:
        if _coverage:
            return
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        coverage: dict[str, frozenset[int]] = {}
        for fam in FAMILIES:
            files = {fam.font_name(False): fam.regular}
            if fam.bold:
                files[fam.font_name(True)] = fam.bold
            covered: frozenset[int] | None = None
            for name, file_name in files.items():
                font = TTFont(name, str(asset_path(f"fonts/{file_name}")))
                pdfmetrics.registerFont(font)
                cmap = frozenset(cp for cp, glyph in font.face.charToGlyph.items() if glyph)
                covered = cmap if covered is None else covered & cmap
            pdfmetrics.registerFontFamily(
                fam.font_name(False),
                normal=fam.font_name(False),
                bold=fam.font_name(True),
                italic=fam.font_name(False),
                boldItalic=fam.font_name(True),
            )
            coverage[fam.key] = covered or frozenset()
        _install_shaping_fixes()
        _coverage.update(coverage)  # last: a non-empty dict means "fully registered"


def font_name(family_key: str, bold: bool = False) -> str:
    """Registered reportlab font name for a family (fonts registered on first call).

    CJK and Hangul have no bundled Bold (the files are 4-5 MB each): their Regular is returned.
    """
    register_fonts()
    return _BY_KEY[family_key].font_name(bold)


def has_glyph(family_key: str, char: str) -> bool:
    """Whether the family's font (Regular and Bold) draws ``char`` (a single character)."""
    register_fonts()
    return ord(char) in _coverage[family_key]


def covers(family_key: str, text: str) -> bool:
    """Whether the family's font (Regular and Bold) draws every character of ``text``."""
    register_fonts()
    return _coverage[family_key].issuperset(map(ord, text))


@lru_cache(maxsize=8192)
def family_for_char(char: str) -> str | None:
    """First family, in ``FAMILIES`` order, whose font has a glyph for ``char``; None if none has.

    This is the font for a letter on its own; ``script_runs`` refines the choice for spaces,
    punctuation, digits and combining marks, which follow their neighbours.
    """
    register_fonts()
    code_point = ord(char)
    for fam in FAMILIES:
        if code_point in _coverage[fam.key]:
            return fam.key
    return None


def normalize(text: str) -> str:
    """The text as the report helpers draw it: NFC, without variation selectors.

    NFC: "e" + U+0301 becomes "é", which every Latin font draws without shaping. Variation
    selectors (U+FE00-FE0F, U+E0100-E01EF: emoji style, CJK glyph variants) are invisible
    requests for a glyph variant the bundled fonts do not have; the base character is the
    right fallback, not a replacement mark.
    """
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        return text
    return _VARIATION_SELECTORS.sub("", text)


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` that no bundled font can draw, each once, in order of appearance.

    The text is ``normalize``d first, as the report helpers do; control characters (tab,
    newline, ...) need no glyph and are not reported. Without a check like this a
    missing character would be silently drawn as a blank (reportlab maps it to glyph 0);
    callers can warn the user, and ``script_runs.markup`` draws U+FFFD in its place.
    """
    missing: dict[str, None] = {}
    for char in normalize(text):
        if unicodedata.category(char) != "Cc" and family_for_char(char) is None:
            missing.setdefault(char, None)
    return list(missing)


def needs_shaping(family_key: str, text: str) -> bool:
    """Whether ``text`` drawn with this family must be shaped by HarfBuzz.

    True for complex scripts, and for any text with a combining mark left after NFC (e.g. Yoruba
    "ọ̀" = U+1ECD U+0300), which only shaping places correctly over its base letter.
    """
    if _BY_KEY[family_key].shaping:
        return True
    return any(unicodedata.category(char).startswith("M") for char in text)


# --- reportlab 5.1 shaping fixes ------------------------------------------------------------

_PATCH_MARK = "_bridgedesk_per_font_shaping"


def _install_shaping_fixes() -> None:
    """Make reportlab 5.1's shaping safe for names. Called once, from ``register_fonts``.

    reportlab shapes each word of a ``ParagraphStyle(shaping=1)`` paragraph with
    ``ttfonts.shapeFragWord``, and it has two faults, with no setting to avoid either:

    1. It asks HarfBuzz for ``dlig`` (its default argument ``features``), see SHAPING_FEATURES.
       Fixed by replacing that default: it also serves ``canvas.drawString(..., shaping=True)``.
    2. It shapes a whole word with the font of its first fragment, then reads the glyph ids
       back through each fragment's own font. A word that mixes fonts, e.g. "ዶ/ር" (Noto Sans
       Ethiopic has no "/", so the slash comes from Noto Sans), loses or garbles characters.
       Fixed by wrapping the function the paragraph module calls: each fragment of a word is
       shaped on its own, and only text that needs shaping (``needs_shaping``) is shaped at
       all, so Latin, Ethiopic or CJK parts are drawn exactly as without shaping.

    Raises RuntimeError if reportlab's function no longer looks like the one patched here.
    """
    import inspect

    from reportlab.pdfbase import ttfonts
    from reportlab.platypus import paragraph

    # types-reportlab leaves out the ``shapeFragWord`` that reportlab.platypus.paragraph
    # imports from ttfonts (and calls), hence the two attr-defined ignores below.
    if getattr(paragraph.shapeFragWord, _PATCH_MARK, False):  # type: ignore[attr-defined]
        return
    original = ttfonts.shapeFragWord
    if list(inspect.signature(original).parameters) != ["w", "features", "force"]:
        raise RuntimeError(
            "reportlab.pdfbase.ttfonts.shapeFragWord changed; review bridgedesk.reports.fonts"
        )
    original.__defaults__ = (dict(SHAPING_FEATURES), False)
    wrapper = _per_font_shaper(original)
    setattr(wrapper, _PATCH_MARK, True)
    paragraph.shapeFragWord = wrapper  # type: ignore[attr-defined]


def _per_font_shaper(original: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap reportlab's ``shapeFragWord`` so each fragment of a word is shaped on its own.

    A frag word is ``[width, (frag, text), ...]``: one entry per ``<font>`` tag (or other
    style change) inside the word. Shaping per fragment rather than per font also keeps a
    right-to-left part and a number next to it (separate tags, see ``script_runs``) out of one
    HarfBuzz buffer, which would reverse the number. Frags with ``cbDefn`` are inline objects
    (images, anchors), carried along with the text before them.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfbase.ttfonts import ShapedFragWord, makeShapedFragWord

    def text_width(parts: list[tuple[Any, str]]) -> float:
        return sum(
            stringWidth(text, frag.fontName, frag.fontSize)
            for frag, text in parts
            if not hasattr(frag, "cbDefn")
        )

    def shape(word: list[Any], features: Any = None, force: bool = False) -> Any:
        if isinstance(word, ShapedFragWord) or len(word) < 2:
            return word
        groups: list[list[tuple[Any, str]]] = []
        for part in word[1:]:
            inline = hasattr(part[0], "cbDefn")
            if groups and (inline or part[0] is groups[-1][-1][0]):
                groups[-1].append(part)
            else:
                groups.append([part])
        width = word[0]
        parts: list[Any] = []
        changed = False
        for group in groups:
            text_parts = [(f, t) for f, t in group if not hasattr(f, "cbDefn")]
            if not text_parts:
                parts.extend(group)
                continue
            fam = _BY_FONT_NAME.get(text_parts[0][0].fontName)
            if fam is not None and not needs_shaping(fam.key, "".join(t for _, t in text_parts)):
                parts.extend(group)
                continue
            old_width = text_width(group)
            shaped = original([old_width, *group], dict(SHAPING_FEATURES), force)
            if isinstance(shaped, ShapedFragWord):
                changed = True
                width += shaped[0] - old_width
                parts.extend(shaped[1:])
            else:
                parts.extend(group)
        if not changed:
            return word
        return makeShapedFragWord(word)([width, *parts])

    return shape
