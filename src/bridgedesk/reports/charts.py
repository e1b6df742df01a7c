"""The report charts in one place, for callers that want them all (tests, one-off scripts).

Each kind lives in its own module: ``timeline_strip`` (the mentee timeline), ``bar_charts``
(checklist domain bars), ``step_curves`` (Kaplan-Meier retention) and ``chart_labels`` (the
drawing, the labels in any script and the fitting that they all share). Reports import the
module they need directly; this one only re-exports their public names.
"""

from __future__ import annotations

from bridgedesk.reports.bar_charts import domain_bars
from bridgedesk.reports.chart_labels import ChartLabel, finish, fit, label, text_width
from bridgedesk.reports.step_curves import COMPARISON, CurveSeries, step_curves
from bridgedesk.reports.timeline_strip import LEGEND, timeline_strip

__all__ = [
    "COMPARISON",
    "LEGEND",
    "ChartLabel",
    "CurveSeries",
    "domain_bars",
    "finish",
    "fit",
    "label",
    "step_curves",
    "text_width",
    "timeline_strip",
]
