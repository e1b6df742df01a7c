"""Reading a PDF's layout back: each page's words with their boxes (``pdftotext
-bbox-layout``), the pairs of words that overprint each other, and the body text of a page.

A word's box from pdftotext spans the font's whole ascent and descent, more than the line
spacing of a table cell, so two lines of one paragraph "overlap". The check therefore uses
each box's core (the middle of its height, where the letters are): two texts printed over
each other overlap there; neighbouring lines do not.
"""

from __future__ import annotations

import itertools
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

_XHTML = "{http://www.w3.org/1999/xhtml}"
CORE = 0.55
"""Share of a word box's height, around its middle, that counts as ink."""
HEADER_BOTTOM = 54.0 + 8  # page.MARGIN + the header's extra space, from the top
FOOTER_TOP = 54.0 - 6  # from the bottom: the footer rule sits above the footer line


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float  # from the top of the page
    x1: float
    y1: float
    text: str

    def core(self) -> tuple[float, float, float, float]:
        cut = (self.y1 - self.y0) * (1 - CORE) / 2
        return self.x0 + 0.3, self.y0 + cut, self.x1 - 0.3, self.y1 - cut


@dataclass(frozen=True)
class Page:
    height: float
    lines: list[list[Word]]  # in reading order

    @property
    def words(self) -> list[Word]:
        return [w for line in self.lines for w in line]

    def header_lines(self) -> list[str]:
        """The running header's text lines."""
        return [" ".join(w.text for w in line) for line in self.lines
                if line and line[0].y1 <= HEADER_BOTTOM]  # fmt: skip

    def body_lines(self) -> list[str]:
        """The text lines between the running header and the footer."""
        return [
            " ".join(w.text for w in line)
            for line in self.lines
            if line and line[0].y0 > HEADER_BOTTOM and line[0].y1 < self.height - FOOTER_TOP
        ]


def read_pages(path: Path) -> list[Page]:
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in ET.fromstring(out).iter(_XHTML + "page"):
        lines = [
            [
                Word(*(float(w.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")), w.text or "")
                for w in line.iter(_XHTML + "word")
            ]
            for line in page.iter(_XHTML + "line")
        ]
        pages.append(Page(float(page.get("height", 0)), lines))
    return pages


def overprints(page: Page) -> list[tuple[Word, Word]]:
    """Pairs of words whose cores overlap: text printed over other text."""
    found = []
    cores = sorted(((w.core(), w) for w in page.words), key=lambda item: item[0][1])
    for i, (ca, a) in enumerate(cores):  # sweep down the page: only rows that meet
        for cb, b in itertools.islice(cores, i + 1, None):
            if cb[1] >= ca[3]:
                break
            if min(ca[2], cb[2]) > max(ca[0], cb[0]):
                found.append((a, b))
    return found


def heading_texts(story: list) -> set[str]:
    """The text of every heading paragraph (h1, h2) of a report's story, nested ones too."""
    from bridgedesk.reports.mentee_layout import is_heading

    found: set[str] = set()
    for flowable in story:
        inner = getattr(flowable, "_content", None)
        if isinstance(inner, list):
            found |= heading_texts(inner)
        elif is_heading(flowable):
            found.add(" ".join(flowable.getPlainText().split()))
    return found


def last_body_line(page: Page) -> str:
    """The body line printed lowest on the page (pdftotext's reading order may put a table's
    rows after the heading above them, so order by position, not by reading order)."""
    body = [
        line for line in page.lines
        if line and line[0].y0 > HEADER_BOTTOM and line[0].y1 < page.height - FOOTER_TOP
    ]  # fmt: skip
    if not body:
        return ""
    lowest = max(body, key=lambda line: (max(w.y1 for w in line), line[0].x0))
    return " ".join(w.text for w in lowest)


def pages_ending_on_a_heading(pages: list[Page], headings: set[str]) -> list[tuple[int, str]]:
    """(page number, heading) for each page whose lowest body line is a heading."""
    found = []
    for number, page in enumerate(pages, 1):
        last = last_body_line(page)
        if last in headings:
            found.append((number, last))
    return found
