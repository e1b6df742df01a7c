"""``bridgedesk report ...``: writes the PDFs, and refuses ambiguous or unknown names."""

from __future__ import annotations

import datetime as dt

import pytest

from bridgedesk.cli import cmd_report, commands, main
from tests.reports.report_data import PRIVATE_NOTE, add_checkin, add_mentee, make_program, pdf_text


@pytest.fixture
def cli(sqlite_ctx, data_paths):
    """Run the real command line on the test program."""
    make_program(sqlite_ctx)
    assert cmd_report.register in commands.REGISTRARS

    def run(*argv: str) -> int:
        return main.main(["report", *argv, "--data-dir", str(data_paths.root)])

    return run


def test_mentee_report_by_name_with_private_notes(cli, sqlite_ctx, tmp_path, capsys):
    mentee_id = add_mentee(sqlite_ctx, "Zebedee", "Quartermain")
    add_checkin(sqlite_ctx, mentee_id, "Summary.", PRIVATE_NOTE)
    out = tmp_path / "z.pdf"
    assert (
        cli("mentee", "Quartermain", "--out", str(out), "--include-private-notes", "--paper", "a4")
        == 0
    )
    assert "Zebedee Quartermain" in capsys.readouterr().out
    text = pdf_text(out)
    assert "Zebedee Quartermain" in text and "worried about housing" in text
    assert not list(tmp_path.glob("*.part"))


def test_ambiguous_name_lists_matches_and_exits_1(cli, sqlite_ctx, tmp_path, capsys):
    first = add_mentee(sqlite_ctx, "Ana", "Zamorano")
    second = add_mentee(sqlite_ctx, "Luis", "Zamorano")
    out = tmp_path / "z.pdf"
    assert cli("mentee", "zamorano", "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert "2 mentees match" in err
    assert f"{first}\tAna Zamorano" in err and f"{second}\tLuis Zamorano" in err
    assert not out.exists()


def test_unknown_name_is_one_sentence(cli, tmp_path, capsys):
    assert cli("mentee", "Nobody-Like-This", "--out", str(tmp_path / "n.pdf")) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no mentee matches" in err


def test_program_report_and_packet(cli, tmp_path):
    program = tmp_path / "p.pdf"
    assert cli("program", "--out", str(program), "--from", "2025-07-01", "--to", "2026-06-30") == 0
    assert "1 Jul 2025\u201330 Jun 2026" in pdf_text(program)
    packet = tmp_path / "k.pdf"
    assert cli("packet", "--out", str(packet)) == 0
    assert "Program packet" in pdf_text(packet)


def test_reversed_period_is_refused(cli, tmp_path, capsys):
    assert (
        cli(
            "program",
            "--out",
            str(tmp_path / "p.pdf"),
            "--from",
            "2026-07-01",
            "--to",
            "2026-01-01",
        )
        == 1
    )
    assert "--from is after --to" in capsys.readouterr().err


def test_default_period_is_the_last_12_months():
    assert cmd_report.default_period(dt.date(2026, 6, 30)) == (
        dt.date(2025, 7, 1),
        dt.date(2026, 6, 30),
    )
    assert cmd_report.default_period(dt.date(2028, 2, 29)) == (
        dt.date(2027, 3, 1),
        dt.date(2028, 2, 29),
    )
