"""The tables the program report is made of: measures with their figure and period or day.

Every figure goes through ``figures.format_figure`` and ``figures.measure_period``, so a flow
shows its period and a point-in-time figure "as of" its day, the same way in every table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bridgedesk.reports import script_runs
from bridgedesk.reports.figures import format_figure, measure_period
from bridgedesk.reports.page import MARGIN
from bridgedesk.reports.styles import report_styles, table_style

WHEN_HEAD = "Period or day"


def body_width() -> float:
    """The frame's width on the narrower paper (A4), so a table fits Letter and A4 alike."""
    from reportlab.lib.pagesizes import A4

    return A4[0] - 2 * MARGIN


def measure_table(measures: Sequence[Any], label_head: str = "Measure") -> Any:
    """Label, figure, and period (flows) or "as of" day (point-in-time figures)."""
    from reportlab.platypus import Table

    st = report_styles()
    c = script_runs.cell
    width = body_width()
    rows: list[list[script_runs.TableCell]] = [[label_head, "Figure", WHEN_HEAD]]
    for m in measures:
        rows.append([c(m.label, st.cell), c(format_figure(m), st.cell), measure_period(m)])
    table = Table(
        rows, colWidths=[width * x for x in (0.46, 0.32, 0.22)], repeatRows=1, hAlign="LEFT"
    )
    table.setStyle(table_style())
    return table


def text_table(head: Sequence[str], rows: Sequence[Sequence[str]], shares: Sequence[float]) -> Any:
    """A table of user strings (each a script-aware cell) under a plain header row."""
    from reportlab.platypus import Table

    st = report_styles()
    width = body_width()
    data: list[list[script_runs.TableCell]] = [list(head)]
    data += [[script_runs.cell(text, st.cell) for text in row] for row in rows]
    table = Table(data, colWidths=[width * x for x in shares], repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style())
    return table
