"""Paragraph and table styles shared by every report: one sans family, calm colours, clear levels.

Built lazily (reportlab is imported inside ``report_styles``) so importing the reports package
costs nothing until a report is actually drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

INK = "#1f2933"
MUTED = "#52606d"
RULE = "#cbd2d9"
HEADER_FILL = "#e4e7eb"
STRIPE_FILL = "#f5f7fa"
ACCENT = "#2f5d8a"

PHASE_FILLS = ("#e3ecf5", "#e8f3e8", "#fdf3e1", "#f1e8f5", "#e6f4f4", "#f5e9e9")


@dataclass(frozen=True)
class ReportStyles:
    """The named styles a report uses; every Paragraph with user text goes through script_runs."""

    title: ParagraphStyle
    name_large: ParagraphStyle
    name_native: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    header: ParagraphStyle
    toc: ParagraphStyle


@lru_cache(maxsize=1)
def report_styles() -> ReportStyles:
    """The styles, created once per process (fonts are registered on first call)."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    from bridgedesk.reports import fonts

    regular = fonts.font_name(fonts.LATIN)
    bold = fonts.font_name(fonts.LATIN, bold=True)
    ink = colors.HexColor(INK)
    muted = colors.HexColor(MUTED)

    def style(name: str, **kw: Any) -> ParagraphStyle:
        kw.setdefault("fontName", regular)
        kw.setdefault("textColor", ink)
        return ParagraphStyle(name, **kw)

    return ReportStyles(
        title=style("Title", fontName=bold, fontSize=17, leading=21, spaceAfter=4),
        name_large=style("NameLarge", fontName=bold, fontSize=20, leading=25),
        name_native=style("NameNative", fontSize=14, leading=19, textColor=muted),
        h1=style(
            "H1", fontName=bold, fontSize=13, leading=16, spaceBefore=14, spaceAfter=5,
            textColor=colors.HexColor(ACCENT),
        ),
        h2=style("H2", fontName=bold, fontSize=10.5, leading=13, spaceBefore=8, spaceAfter=3),
        body=style("Body", fontSize=9.5, leading=12.5, spaceAfter=3),
        small=style("Small", fontSize=8, leading=10),
        muted=style("Muted", fontSize=8.5, leading=11, textColor=muted),
        cell=style("Cell", fontSize=8.5, leading=10.5),
        cell_head=style("CellHead", fontName=bold, fontSize=8.5, leading=10.5),
        header=style("Header", fontSize=8, leading=10, textColor=muted),
        toc=style("Toc", fontSize=10, leading=15),
    )  # fmt: skip


def table_style(header_rows: int = 1, stripes: bool = True, padding: float = 4) -> Any:
    """Grid-less table look: shaded header, thin rules, light zebra stripes."""
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    from bridgedesk.reports import fonts

    commands: list[tuple[Any, ...]] = [
        # Program text (headers, dates, numbers, statuses) goes in as plain strings - a
        # Paragraph per cell is the slowest part of a report - drawn in Noto Sans; user text
        # goes in as script_runs.cell Paragraphs. Noto Sans also keeps Helvetica out of the PDF.
        ("FONT", (0, 0), (-1, -1), fonts.font_name(fonts.LATIN), 8.5, 10.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), colors.HexColor(INK)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.HexColor(RULE)),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor(HEADER_FILL)),
            (
                "FONT",
                (0, 0),
                (-1, header_rows - 1),
                fonts.font_name(fonts.LATIN, bold=True),
                8.5,
                10.5,
            ),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.6, colors.HexColor(MUTED)),
        ]
    if stripes and header_rows is not None:
        commands.append(
            (
                "ROWBACKGROUNDS",
                (0, header_rows),
                (-1, -1),
                [colors.white, colors.HexColor(STRIPE_FILL)],
            )
        )
    return TableStyle(commands)
