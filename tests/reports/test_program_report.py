"""The program report prints exactly what compute_program_metrics returns, each with its period."""

from __future__ import annotations

import dataclasses
import re

import pypdf
import pytest
from reportlab.platypus import PageBreak, Spacer

from bridgedesk.domain.figures import by_label
from bridgedesk.reports.packet import build_packet
from bridgedesk.reports.page import RunningHeader, build_pdf
from bridgedesk.reports.program_closing import definition_rows
from bridgedesk.reports.program_report import (
    COMPARISON_GROUP,
    NO_COMPARISON,
    PROGRAM_GROUP,
    SECTIONS,
    build_program_report,
    program_story,
)
from bridgedesk.services.attention.summary import attention_summary
from bridgedesk.services.metrics import Measure, compute_program_metrics
from tests.reports.layout_checks import heading_texts, pages_ending_on_a_heading, read_pages
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
        return "no data" + (f" (n = {m.denominator:,})" if m.denominator is not None else "")
    if m.unit == "share":  # an estimate: one decimal, its 95% interval when there is one
        ci = ""
        if m.interval is not None and m.interval[0] != m.interval[1]:
            ci = f"95% CI {m.interval[0] * 100:.1f}\u2013{m.interval[1] * 100:.1f}%; "
        return f"{m.value * 100:.1f}% ({ci}n = {m.denominator:,})"
    # Counts carry thousands separators, as on screen: 42,892.
    value = f"{int(m.value):,}" if m.value == int(m.value) else f"{m.value:,.1f}"
    if m.unit in ("days", "mean"):  # an average or median over n values, never "x of n"
        text = value + (" days" if m.unit == "days" else "")
        return text if m.denominator is None else f"{text} (n = {m.denominator:,})"
    if m.denominator is None:
        return value + (" days" if m.unit == "days" else "")
    if m.denominator == 0:
        return f"{value} of 0"
    return f"{value} of {m.denominator:,} ({m.value / m.denominator * 100:.1f}%)"


def expected_period(m: Measure) -> str:
    """The period of a flow; "as of" the day of a point-in-time figure."""
    if m.as_of is not None:
        return f"as of {m.as_of.day} {MONTHS[m.as_of.month - 1]} {m.as_of.year}"
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
    # Today's attention counts are sentences on page 1 (see test_program_figures_periods).
    measures = all_measures(dataclasses.replace(metrics, cultural_fluency=(), attention=None))
    assert len(measures) > 40 and fluency
    for m in measures:
        figure = re.escape(expected_figure(m))
        period = re.escape(expected_period(m))
        row = re.compile(rf"{figure} {period}")
        assert any(row.search(line) for line in lines), (m.label, expected_figure(m))
    by_domain: dict[str, dict[str, object]] = {}
    for d in fluency:  # one row per domain: mentor first, latest, then self first, latest
        by_domain.setdefault(d.domain, {})[d.observer_role] = d
    assert {role for roles in by_domain.values() for role in roles} == {"mentor", "self"}
    for domain, roles in by_domain.items():
        row = " ".join(
            f"{expected_figure(roles[r].first)} {expected_figure(roles[r].latest)}"
            for r in ("mentor", "self")
        )
        assert any(line.startswith(domain) and row in line for line in lines), domain
    assert f"as of {expected_period(fluency[0].latest).removeprefix('as of ')}" in text
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
    # Early exits are counted by reason; nobody who left is named unless asked for.
    assert metrics.retention.exits and metrics.retention.exit_reasons
    for exit_ in metrics.retention.exits:
        assert exit_.name not in text
    # The Kaplan-Meier chart: both curves, each legend naming the n the metrics followed.
    rt = metrics.retention
    assert rt.program_curve.n > 0 and rt.comparison_curve.n > 0
    flat = " ".join(text.split())
    assert f"{PROGRAM_GROUP} (n = {rt.program_curve.n})" in flat
    assert f"{COMPARISON_GROUP} (n = {rt.comparison_curve.n})" in flat
    assert NO_COMPARISON.split(",")[0] not in flat
    assert "All sites" in text


def test_needs_attention_is_the_dashboards_summary(program, tmp_path):
    """Page 1's "Needs attention" counts are attention_summary's, read back from the PDF."""
    out = tmp_path / "program.pdf"
    build_program_report(program, out, *PERIOD, TODAY)
    first = " ".join(pages_text(out)[0].split())
    summary = attention_summary(program, TODAY)
    assert summary  # the demo has lapsed credentials and overdue items: not trivially empty
    section = first.split("Needs attention")[1].split("Key findings")[0]
    printed = {
        label.strip(): (int(items.replace(",", "")), int(mentees or 0))
        for label, items, mentees in re.findall(
            r"\u2022 ([A-Z][^:\u2022]+): ([\d,]+)(?: \((\d+) mentees?\))?\.", section
        )
    }
    assert printed == {k.label: (k.items, k.mentees) for k in summary}


def test_definitions_are_read_from_the_registry(program):
    """Every figure the report prints is defined once, in domain/figures.py."""
    metrics = compute_program_metrics(program, *PERIOD, TODAY)
    rows = definition_rows(metrics)
    assert [(f.label, f.definition) for f in (by_label(t) for t, _d in rows) if f] == rows
    for m in _printed_measures(metrics):
        assert by_label(m.label) is not None, m.label
    terms = {t for t, _d in rows}
    assert {"Lapsed", "Overdue", "Needs attention", "Check-ins due"} <= terms


def _printed_measures(metrics) -> list[Measure]:
    r, ch, ms, dl = metrics.roster, metrics.checkins, metrics.milestones, metrics.deadlines
    rt, lr = metrics.retention, metrics.learning
    return [
        r.in_program, r.mentors_over_capacity, r.mean_load, ch.due, ch.held, ch.on_time,
        ch.missed, ch.overdue, ch.rescheduled, ch.median_days_between, ms.due, ms.on_time,
        ms.late, ms.overdue, ms.open_not_yet_late, dl.tracked, dl.within[0], dl.lapsed,
        rt.completed, rt.waivers_completed, rt.early_exits, lr.raised, lr.led_to_change,
    ]  # fmt: skip


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
    outline = [  # the top level: each report; a nested list holds its sections
        (item.title, reader.get_destination_page_number(item))
        for item in reader.outline
        if not isinstance(item, list)
    ]
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


def test_packet_program_sign_off_names_the_director(program, tmp_path):
    """The packet's program report is signed off by the director, as the report alone is."""
    out = tmp_path / "packet.pdf"
    build_packet(program, out, *PERIOD, TODAY)
    reader = pypdf.PdfReader(out)
    starts = [
        reader.get_destination_page_number(i) for i in reader.outline if not isinstance(i, list)
    ]
    program_pages = pages_text(out)[starts[0] : starts[1]]  # the program report's own pages
    signed = [page for page in program_pages if "Sign-off" in page and "Program director" in page]
    assert len(signed) == 1
    lines = [" ".join(line.split()) for line in signed[0].splitlines() if line.strip()]
    role = next(i for i, line in enumerate(lines) if line.startswith("Name") and "Role" in line)
    assert lines[role - 1].startswith("Dr. Ada Director")


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_no_program_report_page_ends_on_a_heading(program, tmp_path, paper):
    """Every heading keeps with what follows it: the report as built, and the same story
    pushed down the page a step at a time after each page break, so each heading in turn
    meets a page foot."""
    out = tmp_path / "program.pdf"
    build_program_report(program, out, *PERIOD, TODAY, paper=paper)
    metrics = compute_program_metrics(program, *PERIOD, TODAY)
    header = RunningHeader("Hospital", "Program", "Program report", "", TODAY)
    headings = heading_texts(program_story(metrics, header, director="Dr. Ada Director"))
    assert {"Needs attention (as of 30 Jun 2026)", "Milestones", "By site"} <= headings
    assert pages_ending_on_a_heading(read_pages(out), headings) == []
    for shift in range(0, 640, 24):
        story = program_story(metrics, header, director="Dr. Ada Director")
        pushed: list = [Spacer(1, shift)]
        for flowable in story:
            pushed.append(flowable)
            if type(flowable) is PageBreak:
                pushed.append(Spacer(1, shift))
        shifted = tmp_path / f"shift{shift}.pdf"
        build_pdf(shifted, pushed, header, paper)
        assert pages_ending_on_a_heading(read_pages(shifted), headings) == [], shift
