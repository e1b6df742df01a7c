"""The packet laid out for hostile data: no text over other text, no heading or sign-off
orphaned, long names wrapped in the body and shortened at a word in the header, and the
milestone table and identity block read back from the PDF."""

from __future__ import annotations

import datetime as dt

import pypdf
import pytest

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths
from bridgedesk.reports.mentee_data import load_reports
from bridgedesk.reports.mentee_layout import FRAME_HEIGHT
from bridgedesk.reports.mentee_report import SECTIONS, mentee_story
from bridgedesk.reports.packet import build_packet
from bridgedesk.reports.page import RunningHeader, format_date
from bridgedesk.reports.text_fit import ELLIPSIS
from bridgedesk.services.credentials.service import CredentialService
from bridgedesk.services.timeline.service import TimelineService
from tests.reports.hostile_program import (
    DATED_CREDENTIALS,
    ECFMG_NUMBER,
    ECFMG_VERIFIED,
    LONG_NAME,
    SCRIPT_MENTEES,
    SIGNER,
    make_hostile_program,
)
from tests.reports.layout_checks import overprints, read_pages
from tests.reports.report_data import (
    LONG_SUMMARY,
    PERIOD,
    TODAY,
    add_checkin,
    fonts_embedded,
    pdf_text,
)

HEADINGS = {
    *SECTIONS,
    "Open actions",
    "Share of items proficient by domain, as the mentor rated them",
}
SIGNOFF_WORDS = ("Sign-off", "Reviewed with the mentee", "Program director", "Date", "____")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile program and its packet (built once: every test here reads it)."""
    folder = tmp_path_factory.mktemp("hostile")
    ctx = open_program(DataPaths(folder / "data").ensure(), actor="tester")
    ids = make_hostile_program(ctx)
    add_checkin(ctx, ids["Olga"], LONG_SUMMARY, held=dt.date(2026, 3, 2))
    out = folder / "packet.pdf"
    build_packet(ctx, out, *PERIOD, TODAY)
    yield ctx, ids, out
    ctx.db.dispose()


def flat(text: str) -> str:
    return " ".join(text.split())


def test_no_text_prints_over_other_text(hostile):
    _ctx, _ids, out = hostile
    pages = read_pages(out)
    assert len(pages) == len(pypdf.PdfReader(out).pages)
    clashes = [(n, a.text, b.text) for n, page in enumerate(pages, 1) for a, b in overprints(page)]
    assert clashes == []


def test_no_page_ends_on_a_heading_or_holds_only_a_sign_off(hostile):
    _ctx, _ids, out = hostile
    mentee_pages = [
        (number, page) for number, page in enumerate(read_pages(out), 1)
        if any(line.startswith("Mentee progress report") for line in page.header_lines())
    ]  # fmt: skip
    assert len(mentee_pages) >= len(SCRIPT_MENTEES) + 4
    for number, page in mentee_pages:
        body = page.body_lines()
        assert body, f"page {number} is empty"
        assert body[-1] not in HEADINGS, f"page {number} ends on the heading {body[-1]!r}"
        only_signoff = all(any(w in line for w in SIGNOFF_WORDS) for line in body)
        assert not only_signoff, f"page {number} holds only the sign-off: {body}"


def test_long_name_wraps_in_the_body_and_is_shortened_in_the_header(hostile):
    _ctx, _ids, out = hostile
    pages = read_pages(out)
    title = f"Mentee progress report \u2014 {LONG_NAME}"
    headed = [line for p in pages for line in p.header_lines() if "Hubert" in line]
    assert headed, "no page of the long-named mentee"
    for line in headed:
        assert line.endswith(ELLIPSIS), line
        kept = line.removesuffix(ELLIPSIS)
        assert title.startswith(kept) and title[len(kept)] == " ", line  # cut between words
    body = flat(pdf_text(out))
    assert LONG_NAME in body  # printed in full, over several lines


def test_every_script_and_every_action_prints(hostile):
    _ctx, _ids, out = hostile
    text = flat(pdf_text(out))
    for given, family, _native, _preferred in SCRIPT_MENTEES:
        assert f"{given} {family}" in text
    for native in (
        "Ana <&> L\u00f3pez",
        "\u1230\u120b\u121d",
        "\u738b\u5c0f\u660e",
        "\u041e\u043b\u044c\u0433\u0430",
    ):
        assert native in text, native
    names, embedded = fonts_embedded(out)
    scripts = {"NotoSansArabic-Regular", "NotoSansEthiopic-Regular", "NotoSansHebrew-Regular",
               "NotoSansDevanagari-Regular", "DroidSansFallback"}  # fmt: skip
    assert embedded and scripts <= names and "Helvetica" not in names
    assert text.count("Action 40:") == 1 and text.count("Action 1:") == 1
    assert "x" * 50 in text and text.count("x") >= LONG_SUMMARY.count("x")


def test_milestone_table_reads_back(hostile):
    ctx, ids, out = hostile
    lines = [flat(line) for line in pdf_text(out).splitlines()]
    milestones = [
        e for e in TimelineService(ctx).events(ids["long"], TODAY) if e.kind == "milestone"
    ]
    signed = [m for m in milestones if m.done is not None]
    assert len(signed) == 2
    for m in signed:
        row = f"{m.title} {format_date(m.planned)} {format_date(m.done)} {SIGNER}"
        assert any(row in line for line in lines), row
    open_one = next(m for m in milestones if m.done is None)
    assert any(open_one.title in line and format_date(open_one.planned) in line for line in lines)


def test_identity_block_reads_back(hostile):
    ctx, ids, out = hostile
    text = flat(pdf_text(out))
    verified = f"Verified at the source on {format_date(ECFMG_VERIFIED)} (no. {ECFMG_NUMBER})"
    assert verified in text
    conrad = next(k.name for k in CredentialService(ctx).kinds() if k.code == "conrad30")
    assert f"J-1 waiver (Conrad 30) (on file: {conrad})" in text
    assert text.count("No certificate on record") >= len(SCRIPT_MENTEES)


def test_outline_has_every_mentee_and_their_sections(hostile):
    _ctx, ids, out = hostile
    outline = pypdf.PdfReader(out).outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    for given, family, _native, _preferred in SCRIPT_MENTEES:
        assert f"{given} {family}" in titles
    children = [item for item in outline if isinstance(item, list)]
    assert children, "no section bookmarks under the mentees"
    sections = {entry.title for group in children for entry in group if not isinstance(entry, list)}
    assert {"Milestones", "Deadlines", "Sign-off", "Check-ins"} <= sections


def test_no_table_row_can_split_or_outgrow_a_page(hostile):
    ctx, ids, _out = hostile
    from reportlab.platypus import KeepTogether, Table

    data = load_reports(ctx, [ids["long"], ids["Olga"]], TODAY, PERIOD)
    tables = []

    def collect(flowables):
        for f in flowables:
            if isinstance(f, Table):
                tables.append(f)
            elif isinstance(f, KeepTogether):
                collect(f._content)

    for mid in data:
        header = RunningHeader("", "", "", "", TODAY)
        collect(mentee_story(data[mid], TODAY, True, header, "", bookmark=f"m{mid}",
                             checkins_period=PERIOD))  # fmt: skip
    assert len(tables) >= 6
    for t in tables:
        assert not getattr(t, "splitInRow", 0)
        t.wrap(487, FRAME_HEIGHT * 20)
        assert max(t._rowHeights) < FRAME_HEIGHT / 2


def test_sign_off_shares_its_page_with_the_end_of_a_long_deadlines_table(hostile):
    _ctx, _ids, out = hostile
    pages = [" ".join(p.body_lines()) for p in read_pages(out)]
    last_row = f"BLS-{DATED_CREDENTIALS - 1}"
    (page,) = [p for p in pages if last_row in p]
    assert "Sign-off" in page and "Dr. Ada Director" in page
    text = flat(pdf_text(out))
    assert all(f"BLS-{n} " in text for n in range(DATED_CREDENTIALS))
