"""The program report prints exactly what compute_program_metrics returns, each with its period."""

from __future__ import annotations

import dataclasses
import re

import pypdf
import pytest

from bridgedesk.reports.packet import build_packet
from bridgedesk.reports.program_report import (
    COMPARISON_GROUP,
    NO_COMPARISON,
    PROGRAM_GROUP,
    SECTIONS,
    build_program_report,
)
from bridgedesk.services.metrics import Measure, compute_program_metrics
from tests.reports.report_data import (
    PERIOD,
    PRIVATE_NOTE,
    TODAY,
    add_checkin,
    add_mentee,
    fonts_embedded,
    make_program,
    pages_text,
    pdf_text,
)

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@pytest.fixture
def program(sqlite_ctx):
    make_program(sqlite_ctx, mentees=12)
    return sqlite_ctx


def expected_figure(m: Measure) -> str:
    """Written out independently of reports.figures: the shapes the report promises."""
    if m.value is None:
        return "no data" + (f" (n = {m.denominator})" if m.denominator is not None else "")
    if m.unit == "share":
        return f"{round(m.value * 100)}% (n = {m.denominator})"
    value = str(int(m.value)) if m.value == int(m.value) else f"{m.value:.1f}"
    if m.unit in ("days", "mean"):  # an average or median over n values, never "x of n"
        text = value + (" days" if m.unit == "days" else "")
        return text if m.denominator is None else f"{text} (n = {m.denominator})"
    if m.denominator is None:
        return value + (" days" if m.unit == "days" else "")
    if m.denominator == 0:
        return f"{value} of 0"
    return f"{value} of {m.denominator} ({round(m.value / m.denominator * 100)}%)"


def expected_period(m: Measure) -> str:
    start, end = m.period_start, m.period_end
    tail = f"{end.day} {MONTHS[end.month - 1]} {end.year}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]}\u2013{tail}"
    return f"{start.day} {MONTHS[start.month - 1]} {start.year}\u2013{tail}"


def all_measures(obj) -> list[Measure]:
    found: list[Measure] = []
    if isinstance(obj, Measure):
        return [obj]
    if isinstance(obj, tuple):
        for item in obj:
            found += all_measures(item)
    elif dataclasses.is_dataclass(obj):
        for field in dataclasses.fields(obj):
            found += all_measures(getattr(obj, field.name))
    return found


def test_every_figure_matches_the_metrics(program, tmp_path):
    out = tmp_path / "program.pdf"
    build_program_report(program, out, *PERIOD, TODAY)
    metrics = compute_program_metrics(program, *PERIOD, TODAY)
    text = pdf_text(out)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    fluency = metrics.cultural_fluency
    measures = all_measures(dataclasses.replace(metrics, cultural_fluency=()))
    assert len(measures) > 40 and fluency
    for m in measures:
        figure = re.escape(expected_figure(m))
        period = re.escape(expected_period(m))
        row = re.compile(rf"{figure} {period}")
        assert any(row.search(line) for line in lines), (m.label, expected_figure(m))
    for d in fluency:  # one row per domain and observer: first, latest, period
        row = f"{expected_figure(d.first)} {expected_figure(d.latest)} {expected_period(d.latest)}"
        assert any(line.startswith(d.domain) and row in line for line in lines), d
    # Rows are labelled: the labels of the main measures sit on the same line as their figure.
    for m in (
        metrics.checkins.held,
        metrics.milestones.late,
        metrics.deadlines.lapsed,
        *metrics.retention.program,
    ):
        assert any(line.startswith(m.label) and expected_figure(m) in line for line in lines), (
            m.label
        )
    for section in SECTIONS:
        assert section in text
    for _category, change in metrics.learning.changes:
        assert " ".join(change.split()) in " ".join(text.split())
    for exit_ in metrics.retention.exits:
        assert exit_.name in text
    # The Kaplan-Meier chart: both curves, each legend naming the n the metrics followed.
    rt = metrics.retention
    assert rt.program_curve.n > 0 and rt.comparison_curve.n > 0
    flat = " ".join(text.split())
    assert f"{PROGRAM_GROUP} (n = {rt.program_curve.n})" in flat
    assert f"{COMPARISON_GROUP} (n = {rt.comparison_curve.n})" in flat
    assert NO_COMPARISON.split(",")[0] not in flat
    assert "All sites" in text


def test_pages_fonts_and_a4(program, tmp_path):
    out = tmp_path / "program.pdf"
    build_program_report(program, out, *PERIOD, TODAY, paper="a4")
    pages = pages_text(out)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Confidential \u2014 personnel record" in page
        assert "1 Jul 2025\u201330 Jun 2026" in page
    names, embedded = fonts_embedded(out)
    assert embedded and "Helvetica" not in names
    width, _ = pypdf.PdfReader(out).pages[0].mediabox.upper_right
    assert round(float(width)) == 595


def test_site_filter_changes_the_figures(program, tmp_path):
    sites = sorted(
        {m.label for m in compute_program_metrics(program, *PERIOD, TODAY).roster.by_site}
    )
    site = sites[0]
    out = tmp_path / "site.pdf"
    build_program_report(program, out, *PERIOD, TODAY, site=site)
    metrics = compute_program_metrics(program, *PERIOD, TODAY, site=site)
    text = pdf_text(out)
    assert f"Site: {site}" in text and "All sites" not in text
    assert expected_figure(metrics.roster.in_program) in text
    everywhere = compute_program_metrics(program, *PERIOD, TODAY)
    assert metrics.roster.in_program.value < everywhere.roster.in_program.value
    assert "By site" not in text  # one site: the by-site table would say nothing
    flat = " ".join(text.split())
    assert f"{PROGRAM_GROUP} at {site} (n = {metrics.retention.program_curve.n})" in flat
    assert "not by site" in flat


def test_packet_contents_bookmarks_and_numbering(program, tmp_path):
    selam = add_mentee(program, "Selam", "Tesfaye", "ሰላም ተስፋዬ")
    add_checkin(program, selam, "Summary for the packet.", PRIVATE_NOTE)
    out = tmp_path / "packet.pdf"
    build_packet(program, out, *PERIOD, TODAY)
    reader = pypdf.PdfReader(out)
    outline = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    titles = [title for title, _ in outline]
    assert titles[0] == "Program report" and "Selam Tesfaye" in titles
    pages = pages_text(out)
    assert len(pages) == len(reader.pages)
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    contents = pages[0]
    for title, page_index in outline:
        assert re.search(rf"{re.escape(title)}[ .]*{page_index + 1}\b", contents), title
        assert title in pages[page_index]
    text = "\n".join(pages)
    assert "ሰላም ተስፋዬ" in text and "Summary for the packet." in text
    assert "worried about housing" not in text
