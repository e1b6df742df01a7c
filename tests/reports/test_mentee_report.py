"""The mentee progress report: sections, names in any script, private notes, hostile text, pages."""

from __future__ import annotations

import pypdf
import pytest

from bridgedesk.errors import UserError
from bridgedesk.reports.mentee_report import SECTIONS, build_mentee_report
from tests.reports.report_data import (
    HOSTILE,
    LONG_SUMMARY,
    PRIVATE_NOTE,
    TODAY,
    add_checkin,
    add_mentee,
    fonts_embedded,
    make_program,
    pages_text,
    pdf_text,
)

NAMES = [
    ("Olga", "Ivanova", "Ольга Иванова", "NotoSans-Regular"),
    ("Selam", "Tesfaye", "ሰላም ተስፋዬ", "NotoSansEthiopic-Regular"),
    ("Xiaoming", "Wang", "王小明", "DroidSansFallback"),
    ("Ánh", "Nguyễn Thị", "Nguyễn Thị Ánh", "NotoSans-Regular"),
]
SHAPED = [  # shaped scripts: glyphs are reordered/joined, so text extraction is not literal
    ("Priya", "Sharma", "प्रिया शर्मा", "NotoSansDevanagari-Regular"),
    ("Muhammad", "Abdullah", "محمد عبد الله", "NotoSansArabic-Regular"),
]


@pytest.fixture
def program(sqlite_ctx):
    make_program(sqlite_ctx)
    return sqlite_ctx


def test_sections_identity_and_pages(program, tmp_path):
    mentee_id = add_mentee(
        program,
        "Selam",
        "Tesfaye",
        "ሰላም ተስፋዬ",
        specialty="Family Medicine",
        country_of_training="Ethiopia",
        site="North Clinic",
    )
    add_checkin(program, mentee_id, "Talked about night shifts.", PRIVATE_NOTE)
    out = tmp_path / "m.pdf"
    build_mentee_report(program, mentee_id, out, TODAY)
    text = pdf_text(out)
    for section in SECTIONS:
        assert section in text, section
    for expected in (
        "Selam Tesfaye",
        "ሰላም ተስፋዬ",
        "Ethiopia",
        "Family Medicine",
        "North Clinic",
        "Talked about night shifts.",
        "Dr. Ada Director",
        "Confidential \u2014 personnel record",
        "Cedar <Valley> & Co",
    ):
        assert expected in text, expected
    pages = pages_text(out)
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    names, embedded = fonts_embedded(out)
    assert "Helvetica" not in names, names
    assert embedded and "NotoSansEthiopic-Regular" in names, names


@pytest.mark.parametrize(("given", "family", "native", "font"), NAMES + SHAPED)
def test_names_in_several_scripts_print(program, tmp_path, given, family, native, font):
    mentee_id = add_mentee(program, given, family, native)
    out = tmp_path / "m.pdf"
    build_mentee_report(program, mentee_id, out, TODAY)
    text = pdf_text(out)
    assert f"{given} {family}" in text
    names, embedded = fonts_embedded(out)
    assert font in names and embedded
    if (given, family, native, font) in NAMES:
        assert native in text


def test_private_notes_only_with_the_flag(program, tmp_path):
    mentee_id = add_mentee(program, "Olga", "Petrova")
    add_checkin(program, mentee_id, "Public summary.", PRIVATE_NOTE)
    plain, private = tmp_path / "plain.pdf", tmp_path / "private.pdf"
    build_mentee_report(program, mentee_id, plain, TODAY)
    build_mentee_report(program, mentee_id, private, TODAY, include_private_notes=True)
    assert "Public summary." in pdf_text(plain)
    assert "worried about housing" not in pdf_text(plain)
    assert "worried about housing" in pdf_text(private)


def test_hostile_strings_print_literally(program, tmp_path):
    mentee_id = add_mentee(
        program,
        "Ana",
        "O'Brien",
        HOSTILE,
        preferred_name="</para>",
        medical_school="<font name='x'> & Sons",
        specialty="",
    )
    add_checkin(program, mentee_id, LONG_SUMMARY)
    add_checkin(program, mentee_id, HOSTILE, held=TODAY.replace(day=1))
    out = tmp_path / "m.pdf"
    build_mentee_report(program, mentee_id, out, TODAY, paper="a4")
    text = pdf_text(out)
    assert text.count(HOSTILE) >= 2 and "</para>" in text
    assert "<font name='x'> & Sons" in text and "Ana O'Brien" in text
    assert text.count("x") >= LONG_SUMMARY.count("x")  # printed in full, split across pages
    width, height = pypdf.PdfReader(out).pages[0].mediabox.upper_right
    assert (round(float(width)), round(float(height))) == (595, 842)


def test_demo_mentee_on_letter(program, tmp_path):
    out = tmp_path / "m.pdf"
    build_mentee_report(program, 1, out, TODAY, include_private_notes=True)
    reader = pypdf.PdfReader(out)
    assert reader.pages[0].mediabox.upper_right == (612, 792)
    assert len(reader.pages) >= 2


def test_name_no_font_can_draw_is_refused(program, tmp_path):
    mentee_id = add_mentee(program, "Test", "Person", "\U00013000 \U0001f600")
    with pytest.raises(UserError) as caught:
        build_mentee_report(program, mentee_id, tmp_path / "m.pdf", TODAY)
    assert "U+13000" in str(caught.value)
    assert not (tmp_path / "m.pdf").exists()
