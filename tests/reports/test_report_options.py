"""Report options: site filter and header, the audit appendix, the comparison curve, and
chart labels in any script."""

from __future__ import annotations

import datetime as dt
import subprocess
from functools import cache

import pytest
from fontTools.ttLib import TTFont as ToolsFont
from sqlalchemy import delete

from bridgedesk.assets import asset_path
from bridgedesk.cli import main
from bridgedesk.errors import NotFoundError
from bridgedesk.reports import charts
from bridgedesk.reports.mentee_report import build_mentee_report
from bridgedesk.reports.packet import build_packet
from bridgedesk.reports.page import RunningHeader, build_pdf
from bridgedesk.reports.program_report import NO_COMPARISON, build_program_report
from bridgedesk.services.mentees.roster import RosterService
from bridgedesk.storage.models import ComparisonPhysician
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

ARABIC_SITE = "مستشفى"
CHINESE_SITE = "医院"


@pytest.fixture
def program(sqlite_ctx):
    make_program(sqlite_ctx, mentees=12)
    return sqlite_ctx


@cache
def tools_cmap(file_name: str) -> frozenset[int]:
    """Code points the font file maps, read by fontTools (independently of reportlab)."""
    font = ToolsFont(str(asset_path(f"fonts/{file_name}")))
    return frozenset(font.getBestCmap())


@cache
def ps_name(file_name: str) -> str:
    """The PostScript name pdffonts lists for a bundled font file."""
    return str(ToolsFont(str(asset_path(f"fonts/{file_name}")))["name"].getDebugName(6))


def flat(text: str) -> str:
    return " ".join(text.split())


def test_packet_for_one_site_lists_only_its_mentees_and_says_so(program, tmp_path):
    sites = RosterService(program).sites()
    site = sites[0]
    here = add_mentee(program, "Hana", "Herehere", site=site)
    away = add_mentee(program, "Awa", "Elsewhere", site=sites[1])
    out = tmp_path / "site.pdf"
    build_packet(program, out, *PERIOD, TODAY, site=site)
    pages = pages_text(out)
    text = "\n".join(pages)
    assert "Hana Herehere" in text and "Awa Elsewhere" not in text
    assert all(f"Site: {site}" in page for page in pages)  # every page header
    assert "All sites" not in text
    everywhere = tmp_path / "all.pdf"
    build_packet(program, everywhere, *PERIOD, TODAY)
    all_pages = pages_text(everywhere)
    assert all("All sites" in page for page in all_pages)
    assert "Awa Elsewhere" in "\n".join(all_pages) and "By site" in "\n".join(all_pages)
    assert here != away


def test_unknown_site_is_one_sentence_naming_the_sites(program, tmp_path):
    known = RosterService(program).sites()
    with pytest.raises(NotFoundError) as raised:
        build_program_report(program, tmp_path / "x.pdf", *PERIOD, TODAY, site="Nowhere")
    message = str(raised.value)
    assert message.count(".") >= 1 and "\n" not in message
    assert "'Nowhere'" in message and all(name in message for name in known)
    assert not (tmp_path / "x.pdf").exists()


def test_cli_site_option_and_unknown_site_exit_1(program, data_paths, tmp_path, capsys):
    site = RosterService(program).sites()[0]
    out = tmp_path / "p.pdf"
    argv = ["--data-dir", str(data_paths.root)]
    assert main.main(["report", "program", "--out", str(out), "--site", site, *argv]) == 0
    assert f"Site: {site}" in pdf_text(out)
    bad = tmp_path / "bad.pdf"
    assert main.main(["report", "packet", "--out", str(bad), "--site", "Atlantis", *argv]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Atlantis" in err and site in err
    assert not bad.exists() and not list(tmp_path.glob("*.part"))


def audit_mentee(ctx) -> int:
    mid = add_mentee(ctx, "Olga", "Ivanova", "Ольга Иванова", pronouns="she/her")
    service = RosterService(ctx, clock=lambda: TODAY)
    record = service.get(mid)
    fields = record.fields
    fields.preferred_name = HOSTILE
    fields.specialty = "Family medicine"
    service.update(mid, fields, record.version)
    return mid


def test_audit_appendix_is_absent_by_default_and_present_when_asked(program, tmp_path):
    mid = audit_mentee(program)
    plain = tmp_path / "plain.pdf"
    build_mentee_report(program, mid, plain, TODAY)
    assert "audit trail" not in pdf_text(plain).lower()
    out = tmp_path / "audit.pdf"
    build_mentee_report(program, mid, out, TODAY, include_audit=True)
    text = flat(pdf_text(out))
    assert "Appendix: audit trail of the record" in text
    # The field in History's plain words, never the column name; the value literally, escaped.
    assert "Preferred name" in text and "preferred_name" not in text and HOSTILE in text
    assert "Family medicine" in text and "Create" in text and "Update" in text

    packet = tmp_path / "packet.pdf"
    build_packet(program, packet, *PERIOD, TODAY)
    assert "audit trail" not in pdf_text(packet).lower()
    build_packet(program, packet, *PERIOD, TODAY, include_audit=True)
    text = flat(pdf_text(packet))
    reports = text.count("Reviewed with the mentee and approved")  # one per mentee report
    assert reports > 1 and text.count("Appendix: audit trail of the record") == reports
    assert HOSTILE in text


def test_cli_include_audit(program, data_paths, tmp_path):
    mid = audit_mentee(program)
    out = tmp_path / "m.pdf"
    argv = ["--data-dir", str(data_paths.root)]
    assert main.main(["report", "mentee", str(mid), "--out", str(out), *argv]) == 0
    assert "Appendix" not in pdf_text(out)
    assert (
        main.main(["report", "mentee", str(mid), "--out", str(out), "--include-audit", *argv]) == 0
    )
    assert "Appendix: audit trail" in pdf_text(out)


def test_no_comparison_data_is_said_plainly(program, tmp_path):
    with program.unit_of_work() as s:
        s.execute(delete(ComparisonPhysician))
    out = tmp_path / "p.pdf"
    build_program_report(program, out, *PERIOD, TODAY)
    text = flat(pdf_text(out))
    assert flat(NO_COMPARISON) in text
    assert "Physicians hired outside the program (n = 0)" in text


def chart_pdf(tmp_path, flowables) -> tuple[str, set[str]]:
    out = tmp_path / "chart.pdf"
    header = RunningHeader("", "", "Chart", "", TODAY)
    build_pdf(out, flowables, header)
    names, embedded = fonts_embedded(out)
    assert embedded
    return pdf_text(out), names


@pytest.mark.parametrize(
    ("site", "family", "font_file"),
    [(ARABIC_SITE, "arabic", "NotoSansArabic-Regular.ttf"),
     (CHINESE_SITE, "cjk", "DroidSansFallbackFull.ttf")],
)  # fmt: skip
def test_chart_labels_draw_site_names_in_their_script(program, tmp_path, site, family, font_file):
    add_mentee(program, "Site", "Person", site=site)
    out = tmp_path / "site.pdf"
    build_program_report(program, out, *PERIOD, TODAY, site=site)
    names, embedded = fonts_embedded(out)
    assert embedded and ps_name(font_file) in names
    assert set(map(ord, site)) <= tools_cmap(font_file)
    # The chart alone (no table or header around it) uses the script's font for the name.
    series = [charts.CurveSeries(f"Mentees at {site}", 3, [(0, 1.0), (6, 0.5)])]
    bars = charts.domain_bars([(f"{site} domain", 0.2, 0.6)], 400)
    strip_bands = [type("Band", (), {"name": site, "start": dt.date(2026, 1, 1), "end": None})()]
    strip = charts.timeline_strip([], strip_bands, TODAY, 400)
    text, chart_fonts = chart_pdf(
        tmp_path, [charts.step_curves(series, 400, "Months"), bars, strip]
    )
    assert ps_name(font_file) in chart_fonts
    if family == "cjk":
        assert text.count(site) >= 3


def test_plain_labels_stay_drawing_strings():
    from reportlab.graphics.shapes import Drawing

    bars = charts.domain_bars([("Communication", 0.2, 0.6)], 400)
    assert isinstance(bars, Drawing)  # nothing overlaid: the fast path
    assert not isinstance(charts.domain_bars([(ARABIC_SITE, 0.2, 0.6)], 400), Drawing)
    assert charts.fit("x" * 400, 8, 100).endswith("\u2026")
    assert charts.text_width(CHINESE_SITE, 8) > 0


def test_single_mentee_report_has_no_site_line(program, tmp_path):
    mid = add_mentee(program, "Wang", "Xiaoming", "王小明", site=CHINESE_SITE)
    out = tmp_path / "m.pdf"
    build_mentee_report(program, mid, out, TODAY)
    text = pdf_text(out)
    assert "王小明" in text and CHINESE_SITE in text and "All sites" not in text
    subprocess.run(["pdffonts", str(out)], check=True, capture_output=True)
