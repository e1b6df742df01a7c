"""Turn a user string (usually a person's name) into reportlab Paragraph markup, Paragraphs and
table cells that print in any script.

Why: reportlab draws a whole Paragraph fragment with one font, and no single font covers every
script. ``text_runs`` splits the text into runs of one bundled font family each, in display
order (right-to-left stretches laid out by ``bidi``); here each run is wrapped in
``<font name="...">`` and the paragraph gets a style with shaping on when a script needs it.

Every user string is XML-escaped here: Paragraph text is markup, and a name like "<b>" or "&"
must print literally and must never break a report.

The run API (``Run``, ``split_runs``, ``display_runs``, ...) is re-exported from ``text_runs``,
so callers need one import for both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

from bridgedesk.reports import fonts
from bridgedesk.reports.text_runs import (
    REPLACEMENT_CHAR,
    Run,
    clean_text,
    display_runs,
    needs_shaping,
    split_runs,
)

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable, Paragraph

__all__ = [
    "REPLACEMENT_CHAR",
    "Run",
    "TableCell",
    "cell",
    "clean_text",
    "display_runs",
    "markup",
    "needs_shaping",
    "paragraph",
    "split_runs",
    "style_for",
]

TableCell: TypeAlias = "str | Flowable | list[Flowable]"
"""What a reportlab ``Table`` cell holds: a plain string (headings, dates, numbers), a flowable
such as a ``cell`` Paragraph, or a list of flowables stacked in the cell."""


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for a user string: escaped, each run in its own ``<font name=...>``.

    Safe to embed in larger markup (e.g. ``f"<b>Mentor:</b> {markup(name)}"``), but the
    paragraph's style must come from ``style_for`` (shaping on when needed, base font Noto
    Sans): Arabic, Hebrew and Indic text is unreadable without shaping. Bold must be asked for
    here: the ``<font>`` tags reset an enclosing ``<b>``.
    """
    return "".join(
        f'<font name="{fonts.font_name(run.family, bold)}">{escape(run.text)}</font>'
        for run in display_runs(text)
    )


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
