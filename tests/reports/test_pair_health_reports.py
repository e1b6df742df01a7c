"""Pair health on paper: the printable forms (read back as text, one page each, names in any
script), the section of the mentee report and of the program report, and the forms command."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pypdf
import pytest

from bridgedesk.domain.enums import AssignmentKind, CheckinFormat
from bridgedesk.domain.pair_health import ITEM_TEXT_MAX, ITEMS_MAX, FitAnswer
from bridgedesk.domain.pair_health_flags import FlagKind
from bridgedesk.errors import UserError
from bridgedesk.reports.mentee_report import build_mentee_report
from bridgedesk.reports.pair_forms import FORMS, build_pair_forms
from bridgedesk.reports.program_report import build_program_report
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.pair_health import fit, surveys
from bridgedesk.services.pair_health.flags import pair_health_flags, program_pair_health
from bridgedesk.services.timeline.service import CheckinLog, TimelineService
from tests.reports.report_data import (
    HOSTILE,
    PERIOD,
    TODAY,
    add_mentee,
    fonts_embedded,
    make_program,
    pages_text,
    pdf_text,
)


@pytest.fixture
def selam(sqlite_ctx) -> int:
    return add_selam(sqlite_ctx)


def add_selam(sqlite_ctx) -> int:
    """A pair whose pulse dropped, whose fit answers differ with a "no", one survey answered."""
    mentee_id = add_mentee(sqlite_ctx, "Selam", "Tesfaye", "ሰላም ተስፋዬ")
    mentors = MentorService(sqlite_ctx)
    mentor_id = mentors.create(MentorFields(name=f"Dr Ruth {HOSTILE}"))
    mentors.assign(mentee_id, mentor_id, AssignmentKind.PRIMARY, dt.date(2025, 9, 1))
    timeline = TimelineService(sqlite_ctx)
    for day, mentee, mentor in ((dt.date(2026, 5, 4), 8, 8), (dt.date(2026, 6, 1), 4, 8)):
        log = CheckinLog(day, CheckinFormat.VIDEO, "", [], "", mentee_pulse=mentee,
                         mentor_pulse=mentor)  # fmt: skip
        timeline.log_unplanned_checkin(mentee_id, log, today=TODAY)
    fit.record_fit(
        sqlite_ctx, mentee_id, mentor_id, dt.date(2026, 5, 5), TODAY, FitAnswer.NO,
        FitAnswer.YES, mentee_comment=f"Prefers a surgeon {HOSTILE} ሐኪም",
    )  # fmt: skip
    key = surveys.current_form(sqlite_ctx).items[0].key
    surveys.record_answers(sqlite_ctx, mentee_id, 6, dt.date(2026, 3, 10), TODAY, {key: 4})
    return mentee_id


def test_the_forms_print_one_page_each_with_the_names_and_every_statement(
    sqlite_ctx, selam, tmp_path
):
    out = tmp_path / "forms.pdf"
    build_pair_forms(sqlite_ctx, out, TODAY, selam)
    pages = pages_text(out)
    assert len(pages) == len(FORMS) == len(pypdf.PdfReader(out).pages)
    checkin = pages[0]
    assert "Check-in: fit and pulse" in checkin and "Is this a good fit?" in checkin
    assert "ሰላም ተስፋዬ" in checkin and "Selam Tesfaye" in checkin
    assert HOSTILE in checkin  # the mentor's name, printed literally
    assert "Already answered for this mentor" in checkin
    for n in range(1, 11):
        assert f" {n} " in checkin.replace("\n", " ")
    for page, month in zip(pages[1:], (0, 6, 12), strict=True):
        assert ("at the start" if month == 0 else f"at {month} months") in page
        flat = " ".join(page.split())
        for item in surveys.current_form(sqlite_ctx).items:
            assert item.text in flat
    assert "Due on 1 Mar 2026" in " ".join(pages[2].split())  # 6 months after 1 Sep 2025
    names, embedded = fonts_embedded(out)
    assert embedded and "Helvetica" not in names
    assert {"NotoSans-Regular", "NotoSansEthiopic-Regular"} <= names


def test_blank_forms_leave_lines_and_ask_the_fit_question(sqlite_ctx, tmp_path):
    out = tmp_path / "blank.pdf"
    build_pair_forms(sqlite_ctx, out, TODAY, None, ["checkin"], paper="a4")
    [page] = pages_text(out)
    assert "Asked once, after the first check-in held with this mentor." in page
    assert "Mentee" in page and "____" in page
    assert round(pypdf.PdfReader(out).pages[0].mediabox.width) == 595  # A4


def test_unknown_forms_and_mentees_are_refused_in_a_sentence(sqlite_ctx, tmp_path):
    with pytest.raises(UserError, match="Choose forms among"):
        build_pair_forms(sqlite_ctx, tmp_path / "x.pdf", TODAY, None, ["survey-3"])
    with pytest.raises(UserError, match="no mentee with id 999"):
        build_pair_forms(sqlite_ctx, tmp_path / "x.pdf", TODAY, 999)


def test_the_mentee_report_has_the_pair_health_section(sqlite_ctx, selam, tmp_path):
    out = tmp_path / "mentee.pdf"
    build_mentee_report(sqlite_ctx, selam, out, TODAY)
    flat = " ".join(pdf_text(out).split())
    assert "Pair health" in flat and "Sudden drop in the pulse" in flat
    assert "The mentee's pulse fell from 8 to 4" in flat and "Talk to the mentee privately" in flat
    assert f"Prefers a surgeon {HOSTILE} ሐኪም" in flat
    assert "Adjustment survey at 6 months" in flat and "10 Mar 2026" in flat
    # The section is bookmarked under the mentee, like every other section of the report.
    reader = pypdf.PdfReader(out)
    nested = [item for entry in reader.outline if isinstance(entry, list) for item in entry]
    section = [item for item in nested if item.title == "Pair health"]
    assert len(section) == 1
    page = reader.get_destination_page_number(section[0])
    assert "Pair health" in reader.pages[page].extract_text()


def test_the_program_report_counts_flags_by_kind_and_median_pulses(sqlite_ctx, tmp_path):
    make_program(sqlite_ctx)
    selam = add_selam(sqlite_ctx)
    out = tmp_path / "program.pdf"
    build_program_report(sqlite_ctx, out, *PERIOD, TODAY)
    page = next(p for p in pages_text(out) if "Pair health" in p)
    flat = " ".join(page.split())
    kinds = {f.kind for f in pair_health_flags(sqlite_ctx, TODAY) if f.mentee_id == selam}
    assert len(kinds) == 2  # the drop and the disagreement
    assert "Sudden drop in the pulse" in flat and "The two sides disagree" in flat
    assert "Median mentee pulse (1–10)" in flat and "Median mentor pulse (1–10)" in flat
    figures = program_pair_health(sqlite_ctx, *PERIOD, TODAY)
    drops = figures.flags_by_kind[FlagKind.PULSE_DROP]
    assert drops >= 1 and f"Sudden drop in the pulse {drops} {figures.mentees}" in flat
    assert f"Median mentee pulse (1–10) {figures.median_mentee_pulse:g}" in flat


def test_the_forms_command_writes_the_pdf(sqlite_ctx, selam, data_paths, tmp_path):
    sqlite_ctx.db.dispose()
    out = tmp_path / "cli.pdf"
    run = subprocess.run(
        [sys.executable, "-m", "bridgedesk", "--data-dir", str(data_paths.root), "forms",
         "Tesfaye", "--out", str(out), "--form", "survey-12"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "Wrote the pair-health forms (Selam Tesfaye)" in run.stdout
    [page] = pages_text(out)
    assert "Adjustment survey at 12 months" in page and "ሰላም ተስፋዬ" in page


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_longest_survey_allowed_still_prints_on_one_page(sqlite_ctx, tmp_path, paper):
    statement = ("I have people outside work I can turn to when things get hard. " * 4)[
        :ITEM_TEXT_MAX
    ]
    surveys.save_template(sqlite_ctx, [("", "Life outside work", statement)] * ITEMS_MAX)
    out = tmp_path / "long.pdf"
    build_pair_forms(sqlite_ctx, out, TODAY, None, ["survey-6"], paper)
    assert len(pypdf.PdfReader(out).pages) == 1
    assert " ".join(pdf_text(out).split()).count("Life outside") == ITEMS_MAX
