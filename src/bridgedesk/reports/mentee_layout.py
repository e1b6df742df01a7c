"""Keep-together rules for the mentee report, so nothing is orphaned at a page foot.

- A heading never ends a page: ``heading_with`` puts a conditional page break before it,
  sized to the heading plus a table's header row and its first rows (measured, not guessed).
- A table row never splits: tables are built without ``splitInRow``; a text too long for one
  row is split into continuation rows first (``text_chunks``).
- The sign-off never stands alone: ``mentee_progress_sections.deadlines_section`` keeps it
  on one page with the deadlines table (a short one whole, a long one's last rows:
  ``split_tail``).
- Every section heading is a PDF bookmark under the mentee's (``section_heading``).
- The program report keeps every heading with what follows the same way (``keep_headings``).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from bridgedesk.reports import script_runs
from bridgedesk.reports.page import outline_entry
from bridgedesk.reports.styles import STRIPE_FILL, report_styles, table_style

FIRST_ROWS = 2
"""Data rows that must follow a heading onto its page."""
FRAME_HEIGHT = 676.0
"""Body height of the shorter page (Letter): nothing kept together may be taller."""
ENOUGH = 60.0
"""Points of a table's start that must follow its heading (fewer rows when they are tall)."""
TAIL_ROWS = 3
WHOLE_ROWS = 12
"""A table this short moves whole with what it is kept with."""
CHUNK_CHARS = 600
"""Characters of a long text per table row: ~11 lines in a half-width column, so a page
leaves little room unused when the next piece does not fit."""


_OUTLINE_KEYS = itertools.count(1)


def section_heading(title: str) -> list[Any]:
    """A section's heading with its PDF bookmark (outline level 1, under the mentee)."""
    key = f"section{next(_OUTLINE_KEYS)}"
    return [
        outline_entry(key, title, level=1),
        script_runs.paragraph(title, report_styles().h1, bold=True),
    ]


def height_of(flowables: Sequence[Any], width: float) -> float:
    """Height ``flowables`` take stacked at ``width``, with their space before and after."""
    from reportlab.platypus import KeepTogether

    total = 0.0
    for f in flowables:
        if isinstance(f, KeepTogether):  # its own wrap needs a canvas
            total += height_of(getattr(f, "_content", []), width)
            continue
        _, h = f.wrap(width, FRAME_HEIGHT)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def _first_rows_height(table: Any, width: float, rows: int) -> float:
    """The header and the first ``rows`` data rows, or fewer when those alone are tall."""
    table.wrap(width, FRAME_HEIGHT * 10)
    heights = [float(h) for h in table._rowHeights]
    head, data = heights[: table.repeatRows], heights[table.repeatRows :]
    need = sum(head)
    for h in data[:rows]:
        need += h
        if need >= ENOUGH:
            break
    return need


def heading_with(heading: Sequence[Any], body: Any, width: float) -> list[Any]:
    """``heading`` then ``body``, starting a new page unless the heading and the start of the
    body fit here: a table's header and first rows, or a whole smaller flowable."""
    from reportlab.platypus import CondPageBreak, Table

    if isinstance(body, Table):
        start = _first_rows_height(body, width, FIRST_ROWS)
    else:
        start = min(height_of([body], width), FRAME_HEIGHT / 2)
    need = min(height_of(heading, width) + start + 2, FRAME_HEIGHT)
    return [CondPageBreak(need), *heading, body]


HEADING_STYLES = ("H1", "H2")
"""Names of the heading styles (``styles.report_styles``); a script variant adds "+...". """


def is_heading(flowable: Any) -> bool:
    """A paragraph set in a heading style (h1 or h2), in any script."""
    style = getattr(flowable, "style", None)
    name = getattr(style, "name", "") if style is not None else ""
    return isinstance(name, str) and name.split("+", 1)[0] in HEADING_STYLES


def keep_headings(story: Sequence[Any], width: float) -> list[Any]:
    """``story`` with every run of headings kept on its page with the start of what follows
    (``heading_with``: measured, so a long table still starts under its heading), so no page
    ends on a heading. Markers and spacers between a heading and its body stay with it."""
    from reportlab.platypus import CondPageBreak, PageBreak

    out: list[Any] = []
    pending: list[Any] = []  # headings (and markers or spacers after them) not yet placed
    for flowable in story:
        if pending and isinstance(flowable, CondPageBreak):
            continue  # between a heading and its body: heading_with measures the two instead
        if is_heading(flowable) or (pending and _takes_no_text(flowable)):
            pending.append(flowable)
        elif pending and not isinstance(flowable, PageBreak):
            out += heading_with(pending, flowable, width)
            pending = []
        else:
            out += [*pending, flowable]
            pending = []
    return out + pending


def _takes_no_text(flowable: Any) -> bool:
    """A spacer, or a flowable that takes no room (a bookmark, a running-header marker)."""
    from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer, Table

    if isinstance(flowable, Spacer) and not isinstance(flowable, (CondPageBreak, PageBreak)):
        return True
    if isinstance(flowable, (Paragraph, Table, KeepTogether, CondPageBreak, PageBreak)):
        return False
    _w, h = flowable.wrap(FRAME_HEIGHT, FRAME_HEIGHT)
    return not h


def text_chunks(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """``text`` in pieces of at most about ``limit`` characters, split between words (or
    inside a word only when it alone is longer)."""
    if len(text) <= limit:
        return [text]
    pieces, rest = [], text
    while len(rest) > limit:
        cut = max(rest.rfind(" ", 0, limit), rest.rfind("\n", 0, limit))
        if cut <= limit // 2:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def group_stripes(style: Any, groups: Sequence[int], header_rows: int = 1) -> None:
    """Stripe a table by groups of rows (``groups``: rows in each), so continuation rows share
    their first row's background."""
    from reportlab.lib import colors

    row = header_rows
    for n, size in enumerate(groups):
        if n % 2:
            style.add("BACKGROUND", (0, row), (-1, row + size - 1), colors.HexColor(STRIPE_FILL))
        row += size


def split_tail(
    rows: list[list[Any]], col_widths: list[float], tail: int = TAIL_ROWS
) -> tuple[Any | None, Any]:
    """A table of ``rows`` (the first is the header) as two: all but the last ``tail`` data
    rows, and those last rows, striped as if one table. The first is None when the table has
    at most ``WHOLE_ROWS`` data rows: it is then kept whole with what follows."""
    from reportlab.platypus import Table

    head, data = rows[0], rows[1:]
    if len(data) <= max(tail, WHOLE_ROWS):
        whole = Table(rows, colWidths=col_widths, repeatRows=1)
        whole.setStyle(table_style())
        return None, whole
    from reportlab.platypus import TableStyle

    main = Table([head, *data[:-tail]], colWidths=col_widths, repeatRows=1)
    # No closing rule under the first part: the rows after it continue the table.
    closing = ("LINEBELOW", (0, -1), (-1, -1))
    look = [cmd for cmd in table_style().getCommands() if tuple(cmd[:3]) != closing]
    main.setStyle(TableStyle(look))
    last = Table(data[-tail:], colWidths=col_widths)
    last.setStyle(_continued_style(len(data) - tail))
    return main, last


def _continued_style(rows_before: int) -> Any:
    """The table style for rows that continue a striped table after ``rows_before`` rows."""
    from reportlab.lib import colors

    style = table_style(header_rows=0, stripes=False)
    order = [colors.white, colors.HexColor(STRIPE_FILL)]
    if rows_before % 2:
        order.reverse()
    style.add("ROWBACKGROUNDS", (0, 0), (-1, -1), order)
    return style
