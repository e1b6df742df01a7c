"""What every report chart shares: a drawing in the bundled font, and labels in any script.

Labels that may hold user strings (phase, domain and site names, in any script) go through
``label``: plain Noto Sans text stays a drawing String (fast); anything else is drawn over the
drawing as a one-line Paragraph with the per-script fonts and shaping of ``script_runs``
(a drawing String has one font and no shaping, so "مستشفى" or "医院" would print blank).
``finish`` turns a drawing and its overlaid labels into the flowable a story holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from bridgedesk.reports import fonts, script_runs
from bridgedesk.reports.styles import INK

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Rect
    from reportlab.lib.colors import Color

Anchor = Literal["start", "middle", "end"]
"""Where a label's (x, y) sits on its baseline."""


@dataclass(frozen=True)
class ChartLabel:
    """A user string drawn over a drawing, baseline at (x, y) in the drawing's coordinates."""

    x: float
    y: float
    text: str
    size: float
    colour: str
    anchor: Anchor


def chart_font() -> str:
    """The font name of every fixed chart text (axes, legends): Noto Sans."""
    return fonts.font_name(fonts.LATIN)


def new_drawing(width: float, height: float) -> Any:
    """A Drawing whose initial font is Noto Sans: reportlab's default (Helvetica) would be
    listed, unembedded, in every PDF that holds a chart."""
    from reportlab.graphics.shapes import Drawing

    return Drawing(width, height, initialFontName=chart_font())


def rect(
    x: float, y: float, width: float, height: float, *, fill: Color, stroke: Color | None
) -> Rect:
    """A drawing rectangle filled with ``fill`` and outlined in ``stroke`` (None: no outline)."""
    from reportlab.graphics.shapes import Rect

    # types-reportlab annotates Rect's ``**kw`` as the keyword TypedDict itself instead of
    # ``Unpack[...]`` of it, so it rejects every keyword argument.
    return Rect(x, y, width, height, fillColor=fill, strokeColor=stroke)  # type: ignore[arg-type]


def _plain(text: str) -> bool:
    """Whether Noto Sans draws ``text`` as is (no other script, no shaping)."""
    clean = script_runs.clean_text(text)
    return fonts.covers(fonts.LATIN, clean) and not script_runs.needs_shaping(clean)


def text_width(text: str, size: float) -> float:
    """Width of a label as ``label`` draws it: each script run in its own font."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(
        stringWidth(run.text, fonts.font_name(run.family), size)
        for run in script_runs.split_runs(text)
    )


def fit(text: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` ("" when not even one letter fits)."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "\u2026", size) > width:
        text = text[:-1]
    return text + "\u2026" if text else ""


def label(
    drawing: Any,
    x: float,
    y: float,
    text: str,
    size: float = 7.0,
    colour: str = INK,
    anchor: Anchor = "start",
) -> None:
    """Add ``text`` to ``drawing`` at baseline (x, y), in whatever scripts it holds."""
    from reportlab.graphics.shapes import String
    from reportlab.lib import colors

    if not text:
        return
    if _plain(text):
        drawing.add(
            String(x, y, text, fontName=chart_font(), fontSize=size, textAnchor=anchor,
                   fillColor=colors.HexColor(colour))
        )  # fmt: skip
        return
    # Drawing validates its attributes; the overlay list is private to this module.
    overlays = drawing.__dict__.setdefault("bridgedesk_labels", [])
    overlays.append(ChartLabel(x, y, text, size, colour, anchor))


def finish(drawing: Any) -> Any:
    """The flowable to put in a story: the drawing itself, or it with its overlaid labels."""
    overlays = drawing.__dict__.get("bridgedesk_labels")
    return _LabelledDrawing(drawing, overlays) if overlays else drawing


def _label_style(size: float, colour: str) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    key = (size, colour)
    style = _STYLES.get(key)
    if style is None:
        style = _STYLES[key] = ParagraphStyle(
            f"ChartLabel{size}{colour}", fontName=chart_font(), fontSize=size,
            leading=size * 1.25, textColor=colors.HexColor(colour),
        )  # fmt: skip
    return style


_STYLES: dict[tuple[float, str], Any] = {}


def _LabelledDrawing(drawing: Any, overlays: list[ChartLabel]) -> Any:  # noqa: N802
    from reportlab.platypus import Flowable, Paragraph

    class LabelledDrawing(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self.drawing = drawing
            self.labels = overlays

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return self.drawing.wrap(available_width, available_height)  # type: ignore[no-any-return]

        def draw(self) -> None:
            self.drawing.drawOn(self.canv, 0, 0)
            for item in self.labels:
                style = script_runs.style_for(item.text, _label_style(item.size, item.colour))
                para = Paragraph(script_runs.markup(item.text), style)
                width = text_width(item.text, item.size) + 2
                para.wrap(width + 4, item.size * 3)
                x = item.x - {"middle": width / 2, "end": width}.get(item.anchor, 0)
                para.drawOn(self.canv, x, item.y - item.size * 0.25)

    return LabelledDrawing()
