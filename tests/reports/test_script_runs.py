"""Names in every script through script runs, markup and a real PDF (Paragraph and Table)."""

from __future__ import annotations

import io
import unicodedata
from functools import cache

import pytest
from fontTools.ttLib import TTFont as ToolsFont
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from bridgedesk.assets import asset_path
from bridgedesk.reports import fonts
from bridgedesk.reports.script_runs import (
    REPLACEMENT_CHAR,
    Run,
    cell,
    display_runs,
    markup,
    needs_shaping,
    paragraph,
    split_runs,
    style_for,
)

# name -> families its letters must be drawn with
NAMES: dict[str, set[str]] = {
    "መድኃኔ ሀጎስ": {"ethiopic"},
    "ዶ/ር ሰላም": {"ethiopic", "latin"},
    "محمد عبد الله": {"arabic"},
    "عبد/الله پرویز": {"arabic", "latin"},
    "דוד כהן": {"hebrew"},
    "އަޙްމަދު": {"thaana"},
    "प्रिया शर्मा": {"devanagari"},
    "সুমন চক্রবর্তী": {"bengali"},
    "ਹਰਪ੍ਰੀਤ ਸਿੰਘ": {"gurmukhi"},
    "પ્રિયા પટેલ": {"gujarati"},
    "ସୁଭଶ୍ରୀ ମହାନ୍ତି": {"oriya"},
    "கார்த்திக் சுப்பிரமணியன்": {"tamil"},
    "శ్రీనివాస్ రెడ్డి": {"telugu"},
    "ಕೃಷ್ಣ ರಾವ್": {"kannada"},
    "ലക്ഷ്മി നായർ": {"malayalam"},
    "නිමල් පෙරේරා": {"sinhala"},
    "สมชาย ใจดี": {"thai"},
    "ສົມສັກ ພົມມະຈັນ": {"lao"},
    "សុខ ចាន់ដារ៉ា": {"khmer"},
    "အောင်ဆန်းစုကြည်": {"myanmar"},
    "Արամ Պետրոսյան": {"armenian"},
    "გიორგი ბერიძე": {"georgian"},
    "王小明": {"cjk"},
    "山田 太郎": {"cjk"},
    "김민준": {"hangul"},
    "Nguyễn Thị Ánh": {"latin"},
    "Ольга Иванова": {"latin"},
    "Γιώργος Παπαδόπουλος": {"latin"},
    "Adébáyọ̀ Ọlábísí": {"latin"},
    "Dr. محمد (Cairo)": {"latin", "arabic"},
    "محمد (أبو علي)": {"arabic"},
    "محمد 1987": {"arabic"},
    "שרה (Sarah) לוי": {"hebrew", "latin"},
    "ዶ/ር ሰላም (2019-2020)": {"ethiopic", "latin"},
}
HOSTILE = ["<b>bold</b>", "&amp;", "</para>", "a & b < c", '<font name="x">"q"</font>', "\x00\x07x"]
MISSING = "Ur 𒀀 \U0010fffd"

LATIN_IN_PDF = [
    "Nguyễn Thị Ánh",
    "Ольга Иванова",
    "Γιώργος Παπαδόπουλος",
    "Adébáyọ̀ Ọlábísí",
]
PLAIN_IN_PDF = [
    "መድኃኔ ሀጎስ",
    "ዶ/ር ሰላም",
    "王小明",
    "山田 太郎",
    "김민준",
    "Արամ Պետրոսյան",
    "გიორგი ბერიძე",
]


@cache
def cmap(family_key: str) -> frozenset[int]:
    """What the family's font files map, read with fontTools (Regular and Bold must both have it)."""
    family = fonts.family(family_key)
    maps = [
        frozenset(ToolsFont(str(asset_path(f"fonts/{name}")), lazy=True).getBestCmap())
        for name in (family.regular, family.bold)
        if name
    ]
    return frozenset.intersection(*maps)


@pytest.mark.parametrize("name", list(NAMES))
def test_every_character_is_drawn_by_a_font_that_has_it(name: str) -> None:
    runs = split_runs(name)
    assert "".join(run.text for run in runs) == unicodedata.normalize("NFC", name)
    for run in runs:
        for char in run.text:
            assert ord(char) in cmap(run.family), (name, run.family, hex(ord(char)))
    letter_families = {
        run.family for run in runs if any(unicodedata.category(c).startswith("L") for c in run.text)
    }
    assert letter_families <= NAMES[name]
    assert fonts.missing_glyphs(name) == []


def test_display_runs_hold_the_same_characters_with_glyphs() -> None:
    for name in NAMES:
        shown = display_runs(name)
        assert sorted("".join(run.text for run in shown)) == sorted(
            unicodedata.normalize("NFC", name)
        )
        for run in shown:
            assert all(ord(c) in cmap(run.family) for c in run.text), (name, run)


def test_ethiopic_title_keeps_its_slash_in_noto_sans() -> None:
    assert split_runs("ዶ/ር ሰላም") == [
        Run("ethiopic", "ዶ"),
        Run("latin", "/"),
        Run("ethiopic", "ር ሰላም"),
    ]


def test_punctuation_follows_the_letters_of_its_own_word() -> None:
    assert split_runs("Dr. محمد (Cairo)") == [
        Run("latin", "Dr. "),
        Run("arabic", "محمد "),
        Run("latin", "(Cairo)"),
    ]
    assert split_runs("山田、太郎。") == [Run("cjk", "山田、太郎。")]


def test_decomposed_input_is_drawn_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    assert split_runs(decomposed) == [Run("latin", "Nguyễn Thị Ánh")]


def test_right_to_left_words_are_laid_out_in_reverse_order() -> None:
    assert display_runs("محمد عبد الله") == [Run("arabic", "الله عبد محمد")]
    assert display_runs("דוד כהן") == [Run("hebrew", "כהן דוד")]
    assert display_runs("عبد/الله") == [
        Run("arabic", "الله"),
        Run("latin", "/"),
        Run("arabic", "عبد"),
    ]
    # Left-to-right text around an RTL name stays where it is.
    assert display_runs("Dr. محمد عبد (Cairo)") == [
        Run("latin", "Dr. "),
        Run("arabic", "عبد محمد "),
        Run("latin", "(Cairo)"),
    ]
    assert display_runs("Ольга Иванова") == split_runs("Ольга Иванова")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # A nickname in brackets after an Arabic name: the brackets belong to the RTL text,
        # so they move with it and are mirrored ("(" drawn where ")" would be, and back).
        ("محمد (أبو علي)", ["(", "علي أبو", ")", " محمد"]),
        # Latin inside brackets between Hebrew words keeps its place and direction.
        ("שרה (Sarah) לוי", ["שרה ", "(Sarah) ", "לוי"]),
        # Digits after Arabic letters are one left-to-right number placed on the left.
        ("محمد 2019", ["2019 محمد"]),
        ("محمد12", ["12", "محمد"]),
        # A comma between Hebrew and Latin stays with the left-to-right text.
        ("דוד כהן, MD", ["כהן דוד", ",", " ", "MD"]),
        ('ד"ר כהן', ["כהן ר", '"', "ד"]),
        ("ዶ/ር ሰላም (2019-2020)", ["ዶ", "/", "ር ሰላም ", "(2019-2020)"]),
    ],
)
def test_bidi_ordering_follows_the_unicode_algorithm(text: str, shown: list[str]) -> None:
    assert [run.text for run in display_runs(text)] == shown


def test_number_beside_rtl_letters_gets_its_own_font_tag() -> None:
    # One <font> tag is one HarfBuzz buffer: RTL letters and digits together would be
    # reversed as a whole, turning "12" into "21".
    arabic = fonts.font_name("arabic")
    assert markup("محمد12") == f'<font name="{arabic}">12</font><font name="{arabic}">محمد</font>'


def test_shaping_is_asked_for_only_where_needed() -> None:
    shaped = ["محمد", "דוד", "प्रिया", "சுப்பிரமணியன்", "สมชาย", "សុខ", "ကြည်", "Adébáyọ̀"]
    unshaped = ["John Smith", "Nguyễn Thị Ánh", "ዶ/ር ሰላም", "王小明", "김민준", "Ольга", "Արամ"]
    assert all(needs_shaping(text) for text in shaped)
    assert not any(needs_shaping(text) for text in unshaped)
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=14)
    assert style_for("محمد", body).shaping == 1
    assert style_for("ዶ/ር ሰላም", body).shaping == 0
    assert style_for("x", body).fontName == fonts.font_name("latin")
    assert style_for("x", body, bold=True).fontName == fonts.font_name("latin", bold=True)
    assert style_for("x", body).fontSize == 11
    assert style_for("a", body) is style_for("b", body)  # cached per style


@pytest.mark.parametrize("text", HOSTILE)
def test_markup_escapes_user_text(text: str) -> None:
    result = markup(text)
    inner = result.replace(f'<font name="{fonts.font_name("latin")}">', "").replace("</font>", "")
    assert "<" not in inner and ">" not in inner
    Paragraph(result, style_for(text, ParagraphStyle("p")))  # parses


def test_character_no_font_has_is_drawn_as_replacement_and_reported() -> None:
    assert fonts.missing_glyphs(MISSING) == ["𒀀", "\U0010fffd"]
    assert split_runs(MISSING) == [Run("latin", f"Ur {REPLACEMENT_CHAR} {REPLACEMENT_CHAR}")]


def test_cell_accepts_none_and_empty() -> None:
    assert isinstance(cell(None), Paragraph)
    assert isinstance(cell(""), Paragraph)


# --- a real PDF ---------------------------------------------------------------------------


def build_pdf() -> bytes:
    """Every name as a Paragraph (plain and bold) and in Table cells; also for eyeballing:
    ``python -c "import test_script_runs as t; open('/tmp/n.pdf','wb').write(t.build_pdf())"``."""
    body = ParagraphStyle("body", fontSize=11, leading=15)
    story: list[object] = []
    for name in [*NAMES, *HOSTILE, MISSING]:
        story.append(Paragraph(f"<b>Name:</b> {markup(name)}", style_for(name, body)))
        story.append(paragraph(name, body, bold=True))
    # One shaped paragraph mixing fonts inside words: the "/" must survive shaping.
    mixed = "ዶ/ር ሰላም محمد عبد/الله Ольга علي1987"
    story.append(paragraph(mixed, body))
    story.append(Spacer(0, 12))
    rows = [[cell("Name", bold=True), cell("Also")]]
    rows += [[cell(name), cell(name, bold=True)] for name in [*NAMES, *HOSTILE]]
    table = Table(rows, colWidths=[220, 220], repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(table)
    story.append(Table([[cell(name) for name in list(NAMES)[:4]]]))  # no colWidths given
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build(story)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def pdf() -> PdfReader:
    return PdfReader(io.BytesIO(build_pdf()))


@pytest.fixture(scope="module")
def pdf_text(pdf: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in pdf.pages)


def test_pdf_text_holds_latin_cyrillic_greek_and_unshaped_script_names(pdf_text: str) -> None:
    for name in LATIN_IN_PDF + PLAIN_IN_PDF:
        # each name is printed as Paragraph, bold Paragraph and two table cells
        assert pdf_text.count(unicodedata.normalize("NFC", name)) >= 4, name


def test_pdf_keeps_the_slash_even_in_shaped_paragraphs(pdf_text: str) -> None:
    mixed_lines = [line for line in pdf_text.splitlines() if "Ольга" in line and "ዶ" in line]
    assert mixed_lines and all("ዶ/ር" in line for line in mixed_lines)
    assert "\uffff" not in pdf_text  # what a glyph read through the wrong font becomes


def test_pdf_arabic_is_not_a_discretionary_ligature(pdf_text: str) -> None:
    assert "\ufdf4" not in pdf_text
    arabic = {c for c in pdf_text if unicodedata.bidirectional(c) == "AL"}
    assert len(arabic) >= 6  # joined letter forms of محمد, عبد, الله, پرویز


def test_pdf_numbers_inside_rtl_text_are_not_reversed(pdf_text: str) -> None:
    assert pdf_text.count("1987") >= 4
    assert "7891" not in pdf_text


def test_pdf_hostile_strings_print_literally(pdf_text: str) -> None:
    for text in ["<b>bold</b>", "&amp;", "</para>", "a & b < c", '<font name="x">"q"</font>']:
        assert pdf_text.count(text) >= 4, text


def test_pdf_draws_replacement_for_missing_characters(pdf_text: str) -> None:
    assert f"Ur {REPLACEMENT_CHAR} {REPLACEMENT_CHAR}" in pdf_text


def test_pdf_embeds_every_font_it_uses(pdf: PdfReader) -> None:
    embedded: set[str] = set()
    for page in pdf.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            if font["/Subtype"] == "/Type1":
                continue  # Helvetica: reportlab's page default, no text drawn with it
            assert font["/Subtype"] == "/TrueType"
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            embedded.add(str(font["/BaseFont"]).split("+", 1)[1])
    expected = {
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoSansEthiopic-Regular",
        "NotoSansArabic-Bold",
        "NotoSansDevanagari-Regular",
        "NotoSansThai-Bold",
        "DroidSansFallback",
        "NanumGothic",
    }
    missing = {name for name in expected if not any(e.startswith(name) for e in embedded)}
    assert not missing, (missing, embedded)
