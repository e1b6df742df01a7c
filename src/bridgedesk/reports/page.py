"""The page every report is printed on: running header, confidential footer, "Page X of Y".

Why a form XObject for the page total: a document learns how many pages it has only at the end.
Each footer draws "Page X of " followed by a reference to a form named ``pageTotal`` that the
canvas defines just before saving, so one layout pass suffices and bookmarks point at real
pages (a canvas that defers every page to count them would break ``bookmarkPage``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bridgedesk.reports import script_runs
from bridgedesk.reports.pdf_metadata import LANGUAGE
from bridgedesk.reports.styles import INK, MUTED, RULE, report_styles
from bridgedesk.reports.text_fit import fit_words

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

CONFIDENTIAL = "Confidential \u2014 personnel record"
PAPERS = ("letter", "a4")
MARGIN = 54.0  # 0.75 inch
HEADER_SPACE = 40.0
FOOTER_SPACE = 30.0
_TOTAL_FORM = "pageTotal"
_SECTION_FORM = "sectionPage_"


def format_date(day: dt.date | None) -> str:
    """ "1 Jan 2026": unambiguous in every country the mentees come from."""
    if day is None:
        return ""
    return f"{day.day} {day.strftime('%b')} {day.year}"


def format_period(start: dt.date, end: dt.date) -> str:
    """ "1 Jan–30 Jun 2026", or "1 Jul 2025–30 Jun 2026" across years."""
    if start.year == end.year:
        return f"{start.day} {start.strftime('%b')}\u2013{format_date(end)}"
    return f"{format_date(start)}\u2013{format_date(end)}"


def page_size(paper: str) -> tuple[float, float]:
    """Letter (North America, the default) or A4; ValueError for anything else."""
    from reportlab.lib.pagesizes import A4, LETTER

    sizes = {"letter": LETTER, "a4": A4}
    if paper not in sizes:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    return sizes[paper]


@dataclass
class RunningHeader:
    """What the header of the current page shows; a packet changes it section by section."""

    hospital: str
    program: str
    title: str
    period: str
    printed: dt.date


def section_marker(
    header: RunningHeader,
    title: str,
    period: str,
    bookmark: str | None = None,
    outline_title: str = "",
    level: int = 0,
) -> Any:
    """A zero-size flowable that switches the running header (and adds a PDF outline entry)."""
    from reportlab.platypus import Flowable

    class _SectionMarker(Flowable):
        toc_entry: tuple[int, str] | None

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            header.title = title
            header.period = period
            if bookmark:
                self.canv.bookmarkPage(bookmark)
                recorder = getattr(self.canv, "record_section_page", None)
                if recorder is not None:
                    recorder(bookmark)
                self.canv.addOutlineEntry(outline_title or title, bookmark, level=level)

    marker = _SectionMarker()
    marker.toc_entry = (level, outline_title or title) if bookmark else None  # read by the packet
    return marker


def outline_entry(key: str, title: str, level: int = 1) -> Any:
    """A zero-size flowable that adds a PDF bookmark ``title`` (outline level ``level``) at
    the place it is drawn; ``key`` must be unique in the document."""
    from reportlab.platypus import Flowable

    class _OutlineEntry(Flowable):
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            self.canv.bookmarkHorizontal(key, 0, 0)
            self.canv.addOutlineEntry(title, key, level=level)

    return _OutlineEntry()


def page_ref(key: str, width: float = 36) -> Any:
    """A flowable showing the page where the section bookmarked ``key`` starts, right-aligned.

    Like the page total, the number is a form the canvas defines when it saves, so a contents
    page needs no second layout pass. Every ``key`` used must be a section marker's bookmark.
    """
    from reportlab.platypus import Flowable

    class _PageRef(Flowable):
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return width, 12

        def draw(self) -> None:
            self.canv.saveState()
            self.canv.translate(width, 2)
            self.canv.doForm(_SECTION_FORM + key)
            self.canv.restoreState()

    return _PageRef()


def _canvas_class() -> type[Canvas]:
    from reportlab.pdfgen.canvas import Canvas

    from bridgedesk.reports import fonts
    from bridgedesk.reports.pdf_metadata import attach_xmp

    class TotalPagesCanvas(Canvas):
        """Defines the ``pageTotal`` form (the page count) when the document is saved.

        Starts in Noto Sans rather than reportlab's Helvetica, so no unembedded font is listed.
        """

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if not kwargs.get("initialFontName"):  # BaseDocTemplate passes None
                kwargs["initialFontName"] = fonts.font_name(fonts.LATIN)
            super().__init__(*args, **kwargs)

            self.section_pages: dict[str, int] = {}
            self.outline_level = -1  # of the last outline entry; -1: none yet

        def addOutlineEntry(
            self, title: str, key: str, level: int = 0, closed: bool | None = None
        ) -> None:
            """As Canvas's, but a level deeper than one below the last entry is raised to
            that (a section of a report printed without a bookmark of its own)."""
            self.outline_level = min(level, self.outline_level + 1)
            super().addOutlineEntry(title, key, level=self.outline_level, closed=closed)

        def record_section_page(self, key: str) -> None:
            """Remember the page a section starts on, for its contents entry (``page_ref``)."""
            self.section_pages.setdefault(key, self.getPageNumber())

        def save(self) -> None:
            total = self.getPageNumber() - 1  # showPage of the last page already counted it
            self.beginForm(_TOTAL_FORM, lowerx=-5, lowery=-5, upperx=100, uppery=20)
            self.setFont(fonts.font_name(fonts.LATIN), 8)
            self.setFillColor(MUTED)
            self.drawString(0, 0, str(max(total, 1)))
            self.endForm()
            for key, page in self.section_pages.items():
                # The number is drawn left of the origin: the form's box must include it.
                self.beginForm(_SECTION_FORM + key, lowerx=-100, lowery=-5, upperx=5, uppery=20)
                self.setFont(fonts.font_name(fonts.LATIN), 10)
                self.setFillColor(INK)  # a form inherits the fill of the cell background
                self.drawRightString(0, 0, str(page))
                self.endForm()
            if self.outline_level >= 0:
                self.showOutline()  # the viewer opens with the bookmarks shown
            attach_xmp(self)
            super().save()

    return TotalPagesCanvas


def _draw_frame_texts(canvas: Any, doc: Any, header: RunningHeader) -> None:
    """Header (hospital, program, title, period) and footer (confidential, printed, page)."""
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from bridgedesk.reports import fonts

    styles = report_styles()
    width, height = doc.pagesize
    left, right = MARGIN, width - MARGIN
    top = height - MARGIN + HEADER_SPACE - 12
    canvas.saveState()
    half = (right - left) / 2 - 6
    size = styles.header.fontSize
    # One line each, shortened at a word boundary: a 200-character name must not wrap up
    # over the page edge or run into the other half.
    who = " \u00b7 ".join(part for part in (header.hospital, header.program) if part)
    who = fit_words(who, size, half - 0.5)
    title, period = (
        fit_words(header.title, size, half - 0.5),
        fit_words(header.period, size, half - 0.5),
    )
    left_text = script_runs.markup(who or "BridgeDesk")
    right_text = script_runs.markup(title) + (
        f"<br/>{script_runs.markup(period)}" if period else ""
    )
    from reportlab.platypus import Paragraph

    para = Paragraph(left_text, script_runs.style_for(who, styles.header))
    _, h = para.wrapOn(canvas, half, 40)
    para.drawOn(canvas, left, top - h + 10)
    right_style = script_runs.style_for(title + period, styles.header)
    para = Paragraph(right_text, _right_aligned(right_style))
    _, h = para.wrapOn(canvas, half, 40)
    para.drawOn(canvas, right - half, top - h + 10)
    canvas.setStrokeColor(colors.HexColor(RULE))
    canvas.setLineWidth(0.6)
    canvas.line(left, height - MARGIN + 6, right, height - MARGIN + 6)
    bottom = MARGIN - FOOTER_SPACE + 12
    canvas.line(left, bottom + 12, right, bottom + 12)
    font = fonts.font_name(fonts.LATIN)
    canvas.setFont(font, 8)
    canvas.setFillColor(colors.HexColor(MUTED))
    canvas.drawString(left, bottom, f"{CONFIDENTIAL} \u00b7 Printed {format_date(header.printed)}")
    label = f"Page {doc.page} of "
    x = right - 14 - stringWidth(label, font, 8)
    canvas.drawString(x, bottom, label)
    canvas.translate(right - 14, bottom)
    canvas.doForm(_TOTAL_FORM)
    canvas.restoreState()


def _right_aligned(style: Any) -> Any:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(style.name + "-right", parent=style, alignment=TA_RIGHT)


def build_pdf(
    out_path: Path | str,
    story: Sequence[Any],
    header: RunningHeader,
    paper: str = "letter",
    title: str = "",
    subject: str = "",
) -> None:
    """Lay ``story`` out on report pages and write the PDF to ``out_path``.

    The file declares its language (en-US), asks viewers to show ``title`` rather than the
    file name, and carries XMP metadata (``pdf_metadata``); ``subject`` is its description.
    """
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    size = page_size(paper)
    doc = BaseDocTemplate(
        str(out_path),
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 8,
        bottomMargin=MARGIN,
        title=title or header.title,
        author=header.hospital,
        subject=subject,
        creator="BridgeDesk",
        lang=LANGUAGE,
        displayDocTitle=True,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id="report",
                frames=[frame],
                onPageEnd=lambda canvas, d: _draw_frame_texts(canvas, d, header),
            )
        ]
    )
    from reportlab import rl_config

    # Binary (zlib only) streams: ASCII85 makes files 25% larger and, without reportlab's
    # optional C accelerator, costs ~10% of a packet's build time. Any PDF reader takes both.
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        doc.build(list(story), canvasmaker=_canvas_class())
    finally:
        rl_config.useA85 = saved
