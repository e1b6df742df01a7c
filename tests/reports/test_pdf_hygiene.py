"""What every report PDF says about itself: language, the title a viewer shows, XMP metadata
that agrees with the Info dictionary, and bookmarks; checked with pypdf and with the
machine-checkable part of PDF/UA-1 (``pdfua``).

reportlab writes no structure tree, so the files are untagged: the PDF/UA rules that need
tags (UA-01-005 structure tree, UA-01-002 MarkInfo) and the PDF/UA claim in XMP (UA-28-004,
which would be false without tags) stay unmet; every other implemented rule must pass.
"""

from __future__ import annotations

import pdfua
import pypdf
import pytest

from bridgedesk.reports.mentee_report import SECTIONS, build_mentee_report
from bridgedesk.reports.packet import build_packet
from bridgedesk.reports.program_report import build_program_report
from bridgedesk.services.mentees.roster_rows import roster_rows
from tests.reports.report_data import PERIOD, TODAY, add_mentee, make_program

UNMET_WITHOUT_TAGS = {"UA-01-005", "UA-01-002", "UA-28-004"}
MET = {"UA-06-001", "UA-07-001", "UA-07-002"}  # language, title, viewer shows the title


@pytest.fixture
def program(sqlite_ctx):
    make_program(sqlite_ctx, mentees=3)
    return sqlite_ctx


def _reports(ctx, tmp_path) -> dict[str, object]:
    mid = add_mentee(ctx, "Olga", "Ivanova", "\u041e\u043b\u044c\u0433\u0430")
    paths = {kind: tmp_path / f"{kind}.pdf" for kind in ("mentee", "packet", "program")}
    build_mentee_report(ctx, mid, paths["mentee"], TODAY)
    build_packet(ctx, paths["packet"], *PERIOD, TODAY)
    build_program_report(ctx, paths["program"], *PERIOD, TODAY)
    return paths


def test_every_report_declares_language_title_and_xmp(program, tmp_path):
    for kind, path in _reports(program, tmp_path).items():
        reader = pypdf.PdfReader(path)
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "en-US", kind
        assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True, kind  # noqa: E712 (a PDF boolean)
        info, xmp = reader.metadata, reader.xmp_metadata
        assert xmp is not None, kind
        assert info.title and xmp.dc_title == {"x-default": info.title}, kind
        assert xmp.dc_creator == [info.author] and info.author == "Cedar <Valley> & Co", kind
        assert xmp.dc_language == ["en-US"], kind
        created = info.creation_date
        assert xmp.xmp_create_date.replace(tzinfo=None) == created.replace(tzinfo=None), kind
        if kind != "program":
            assert info.subject and xmp.dc_description == {"x-default": info.subject}, kind


def test_pdfua_checks_reportlab_can_meet_pass(program, tmp_path):
    for kind, path in _reports(program, tmp_path).items():
        report = pdfua.validate(str(path))
        failed = {f.rule_id for f in report.findings}
        checked = {outcome.rule_id for outcome in report.outcomes}
        assert checked >= MET, kind
        assert failed <= UNMET_WITHOUT_TAGS, (kind, failed - UNMET_WITHOUT_TAGS)
        assert not failed & MET, kind


def test_mentee_report_bookmarks_the_mentee_and_each_section(program, tmp_path):
    mid = add_mentee(program, "Selam", "Tesfaye", "\u1230\u120b\u121d")
    out = tmp_path / "m.pdf"
    build_mentee_report(program, mid, out, TODAY)
    reader = pypdf.PdfReader(out)
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    top, sections = reader.outline[0], reader.outline[1]
    assert top.title == "Selam Tesfaye"
    assert [s.title for s in sections if s.title in SECTIONS] == list(SECTIONS)
    assert reader.metadata.title == "Mentee progress report \u2014 Selam Tesfaye"


def test_packet_bookmarks_every_active_mentee(program, tmp_path):
    out = tmp_path / "p.pdf"
    build_packet(program, out, *PERIOD, TODAY)
    outline = pypdf.PdfReader(out).outline
    titles = {item.title for item in outline if not isinstance(item, list)}
    active = {r.legal_name for r in roster_rows(program, TODAY) if r.status == "active"}
    assert len(active) >= 3 and active <= titles
    groups = [item for item in outline if isinstance(item, list)]
    assert sum(1 for g in groups if any(e.title == "Sign-off" for e in g)) >= 3
