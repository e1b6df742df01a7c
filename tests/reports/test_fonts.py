"""The bundled report fonts: files, licences, registration, glyph coverage and shaping fixes."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont as ToolsFont

from bridgedesk.assets import asset_path
from bridgedesk.reports import fonts

FONT_DIR = asset_path("fonts")


@cache
def tools_cmap(file_name: str) -> frozenset[int]:
    """Code points the font maps, read by fontTools (independently of reportlab)."""
    font = ToolsFont(str(FONT_DIR / file_name), lazy=True)
    return frozenset(font.getBestCmap())


def test_every_family_file_is_bundled_as_truetype_outlines() -> None:
    for family in fonts.FAMILIES:
        for file_name in filter(None, (family.regular, family.bold)):
            font = ToolsFont(str(asset_path(f"fonts/{file_name}")), lazy=True)
            # reportlab rejects CFF-flavoured OpenType (e.g. fonts-noto-cjk): glyf outlines only.
            assert "glyf" in font, file_name


def test_bold_exists_for_every_family_but_cjk_and_hangul() -> None:
    without_bold = {family.key for family in fonts.FAMILIES if family.bold is None}
    assert without_bold == {"cjk", "hangul"}


def test_licences_and_readme_cover_every_font_file() -> None:
    ofl = (FONT_DIR / "LICENSE-OFL.txt").read_text(encoding="utf-8")
    apache = (FONT_DIR / "LICENSE-Apache-2.0.txt").read_text(encoding="utf-8")
    readme = (FONT_DIR / "README.md").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in ofl and "Version 1.1" in ofl
    assert "NAVER" in ofl and "Google" in ofl
    assert "Apache License" in apache and "Version 2.0" in apache
    for path in FONT_DIR.glob("*.ttf"):
        assert f"`{path.name}`" in readme, f"{path.name} is not listed in fonts/README.md"


def test_every_bundled_file_is_used_and_total_size_is_reasonable() -> None:
    used = {name for family in fonts.FAMILIES for name in (family.regular, family.bold) if name}
    on_disk = {path.name for path in FONT_DIR.glob("*.ttf")}
    assert used == on_disk
    total = sum(path.stat().st_size for path in FONT_DIR.iterdir())
    assert total < 40 * 1024 * 1024


def test_registration_is_idempotent_and_names_are_reportlab_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics

    fonts.register_fonts()
    fonts.register_fonts()
    for family in fonts.FAMILIES:
        for bold in (False, True):
            name = fonts.font_name(family.key, bold)
            assert pdfmetrics.getFont(name).fontName == name
    assert fonts.font_name("latin", bold=True) != fonts.font_name("latin")
    assert fonts.font_name("cjk", bold=True) == fonts.font_name("cjk")


@pytest.mark.parametrize(
    ("char", "family"),
    [
        ("A", "latin"),
        ("ễ", "latin"),
        ("Ж", "latin"),
        ("Ω", "latin"),
        ("ሀ", "ethiopic"),
        ("م", "arabic"),
        ("پ", "arabic"),
        ("ש", "hebrew"),
        ("ދ", "thaana"),
        ("क", "devanagari"),
        ("স", "bengali"),
        ("ਸ", "gurmukhi"),
        ("પ", "gujarati"),
        ("ସ", "oriya"),
        ("க", "tamil"),
        ("శ", "telugu"),
        ("ಕ", "kannada"),
        ("ല", "malayalam"),
        ("න", "sinhala"),
        ("ส", "thai"),
        ("ສ", "lao"),
        ("ស", "khmer"),
        ("က", "myanmar"),
        ("Ա", "armenian"),
        ("გ", "georgian"),
        ("王", "cjk"),
        ("や", "cjk"),
        ("カ", "cjk"),
        ("김", "hangul"),
    ],
)
def test_family_for_char_picks_the_script_font(char: str, family: str) -> None:
    assert fonts.family_for_char(char) == family
    assert fonts.has_glyph(family, char)


def test_reportlab_coverage_agrees_with_fonttools_cmaps() -> None:
    for family in fonts.FAMILIES:
        files = [name for name in (family.regular, family.bold) if name]
        expected = frozenset.intersection(*(tools_cmap(name) for name in files))
        sample = sorted(expected)[:: max(1, len(expected) // 300)]
        for code_point in sample:
            assert fonts.has_glyph(family.key, chr(code_point)), (family.key, hex(code_point))
        assert not fonts.has_glyph(family.key, "\U0001202a")  # Cuneiform: in no bundled font


def test_the_ethiopic_font_has_no_slash_which_is_why_runs_mix_fonts() -> None:
    # The trap behind "ዶ/ር": if Noto Sans Ethiopic ever gains "/", script_runs may simplify.
    assert ord("/") not in tools_cmap("NotoSansEthiopic-Regular.ttf")
    assert not fonts.has_glyph("ethiopic", "/")
    assert fonts.has_glyph("latin", "/")


@pytest.mark.parametrize(
    "text",
    [
        "መድኃኔ ሀጎስ",
        "ዶ/ር ሰላም",
        "محمد عبد الله",
        "דוד כהן",
        "प्रिया शर्मा",
        "王小明",
        "山田 太郎",
        "김민준",
        "สมชาย ใจดี",
        "Nguyễn Thị Ánh",
        "Ольга Иванова",
        "Γιώργος Παπαδόπουλος",
        "Adébáyọ̀\tO'Brien\n",
        "\u0627\u0644\u0652\ufe0f",  # variation selector: dropped, not reported
    ],
)
def test_missing_glyphs_is_empty_for_supported_names(text: str) -> None:
    assert fonts.missing_glyphs(text) == []


def test_missing_glyphs_reports_each_undrawable_character_once_in_order() -> None:
    text = "Dr 𒀀 \U0010fffd x \u0378 𒀀 🙂"
    assert fonts.missing_glyphs(text) == ["𒀀", "\U0010fffd", "\u0378", "🙂"]


def test_shaping_never_asks_for_discretionary_ligatures() -> None:
    from reportlab.pdfbase import ttfonts

    fonts.register_fonts()
    features = ttfonts.shapeFragWord.__defaults__[0]
    assert features == {"kern": True, "liga": True}
    shaped = ttfonts.shapeStr("محمد", fonts.font_name("arabic"), 12)
    assert "\ufdf4" not in shaped
    assert len(shaped) == 4  # four joined letter forms, not one ligature glyph


def test_paragraph_module_uses_the_per_font_shaper() -> None:
    from reportlab.platypus import paragraph

    fonts.register_fonts()
    assert getattr(paragraph.shapeFragWord, "_bridgedesk_per_font_shaping", False)


def test_reports_package_never_imports_qt() -> None:
    reports_dir = Path(fonts.__file__).parent
    for path in reports_dir.rglob("*.py"):
        assert "PySide6" not in path.read_text(encoding="utf-8"), path


def test_importing_the_font_layer_loads_neither_qt_nor_reportlab() -> None:
    code = (
        "import sys\n"
        "import bridgedesk.reports.fonts, bridgedesk.reports.script_runs\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'reportlab')))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "[]"
