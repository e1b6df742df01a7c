"""``bridgedesk report ...``: writes the PDFs, and refuses ambiguous or unknown names."""

from __future__ import annotations

import datetime as dt

import pytest

from bridgedesk.cli import cmd_report, commands, main
from bridgedesk.errors import UserError
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


def test_program_report_names_early_exits_only_with_the_flag(cli, sqlite_ctx, tmp_path, capsys):
    from bridgedesk.services.metrics import compute_program_metrics

    period = (dt.date(2025, 7, 1), dt.date(2026, 6, 30))
    exits = compute_program_metrics(sqlite_ctx, *period, dt.date.today()).retention.exits
    assert exits
    plain, named = tmp_path / "plain.pdf", tmp_path / "named.pdf"
    dates = ("--from", "2025-07-01", "--to", "2026-06-30")
    assert cli("program", "--out", str(plain), *dates) == 0
    assert cli("program", "--out", str(named), *dates, "--name-early-exits") == 0
    assert "names the mentees who left early" in capsys.readouterr().out
    plain_text, named_text = (" ".join(pdf_text(p).split()) for p in (plain, named))
    for exit_ in exits:
        assert exit_.name not in plain_text and exit_.name in named_text


def test_period_dates_are_typed_as_in_the_window(cli, tmp_path, capsys, monkeypatch):
    """--from/--to read a typed date the way the window's date fields do (domain.typed_dates):
    a month by name, numbers in the computer's order; a date read two ways is refused."""
    monkeypatch.setenv("LC_ALL", "C")  # the C library's order: month first (%m/%d/%y)
    out = tmp_path / "p.pdf"
    assert cli("program", "--out", str(out), "--from", "Jul 1, 2025", "--to", "06/30/2026") == 0
    assert "1 Jul 2025\u201330 Jun 2026" in pdf_text(out)
    refused = tmp_path / "r.pdf"
    assert cli("program", "--out", str(refused), "--from", "15/11/2025") == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and not refused.exists()
    assert (
        "--from: This computer writes the month first, so \u201c15/11/2025\u201d has no month 15"
        in err
    )
    assert cli("packet", "--out", str(refused), "--to", "next week") == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "--to: \u201cnext week\u201d is not a date" in err


def test_typed_period_dates_follow_the_date_order():
    today = dt.date(2026, 6, 30)
    dmy = cmd_report.DateReading("dmy")
    assert cmd_report.typed_date("01/07/2025", "--from", today, dmy) == dt.date(2025, 7, 1)
    assert cmd_report.typed_date("2025-07-01", "--from", today, dmy) == dt.date(2025, 7, 1)
    assert cmd_report.typed_date("today", "--to", today) == today
    assert cmd_report.typed_date(None, "--to", today) is None
    with pytest.raises(UserError, match="--to: \u201c2026-02-30\u201d is not a date"):
        cmd_report.typed_date("2026-02-30", "--to", today, dmy)


def test_the_c_library_date_format_gives_the_order():
    from bridgedesk.domain.typed_dates import order_of_strftime

    assert order_of_strftime("%m/%d/%y") == "mdy"
    assert order_of_strftime("%d.%m.%Y") == "dmy"
    assert order_of_strftime("%Y年%m月%d日") == "ymd"
    assert order_of_strftime("") == "mdy"  # nothing said: month first, as the window's default
