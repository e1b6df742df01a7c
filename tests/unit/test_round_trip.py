"""Export → import → export gives the same file: statuses, exit dates and reasons, the phase set
by hand, every profile field. And the status columns of a roster file a person writes."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from pathlib import Path

import pytest

from bridgedesk.bootstrap import open_program
from bridgedesk.cli.main import main as cli_main
from bridgedesk.domain.enums import MenteeStatus
from bridgedesk.paths import DataPaths
from bridgedesk.services.demo.generator import generate_demo
from bridgedesk.services.importing.roster_import import ImportRejected, import_roster
from bridgedesk.services.mentees.roster import RosterService
from bridgedesk.services.mentees.roster_export import export_roster
from bridgedesk.services.mentees.roster_rows import roster_rows

TODAY = dt.date(2026, 3, 12)


def empty_program(tmp_path: Path, name: str):
    return open_program(DataPaths(tmp_path / name).ensure(), actor="tester")


def xlsx_parts(path: Path) -> dict[str, bytes]:
    """A workbook's parts, less its properties (which hold the time it was written)."""
    with zipfile.ZipFile(path) as book:
        return {n: book.read(n) for n in book.namelist() if n != "docProps/core.xml"}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_demo_exported_imported_into_an_empty_program_and_exported_again_is_the_same(
    ctx, tmp_path, suffix
):
    generate_demo(ctx, TODAY, mentees=60, seed=7)
    first, second = tmp_path / f"first{suffix}", tmp_path / f"second{suffix}"
    assert export_roster(ctx, first, TODAY) == 60
    other = empty_program(tmp_path, "empty")
    try:
        imported = import_roster(other, first, today=TODAY, create_sites=True)
        assert imported.count == 60
        export_roster(other, second, TODAY)
        if suffix == ".csv":
            assert second.read_bytes() == first.read_bytes()
            with open(first, encoding="utf-8-sig", newline="") as fh:
                statuses = {row["Status"] for row in csv.DictReader(fh)}
            assert statuses == {"active", "completed", "left"}
        else:
            assert xlsx_parts(second) == xlsx_parts(first)
        by_status = {r.status for r in roster_rows(other, TODAY)}
        assert by_status == {"active", "completed", "left"}
    finally:
        other.db.dispose()


def test_the_round_trip_through_the_command_line(tmp_path, capsys):
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    one, two = str(tmp_path / "one"), str(tmp_path / "two")
    assert cli_main(["demo", "--mentees", "40", "--seed", "5", "--data-dir", one]) == 0
    assert cli_main(["export", "roster", str(first), "--data-dir", one]) == 0
    assert cli_main(["import", "roster", str(first), "--data-dir", two]) == 1  # sites: asked
    assert "names sites the program does not have" in capsys.readouterr().err
    assert cli_main(["import", "roster", str(first), "--create-sites", "--data-dir", two]) == 0
    assert cli_main(["export", "roster", str(second), "--data-dir", two]) == 0
    assert second.read_bytes() == first.read_bytes()


def write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


HEADER = ["Given names", "Family name", "Start date", "Status", "Exit date", "Exit reason",
          "Exit details"]  # fmt: skip


def test_status_exit_date_and_reason_are_read_from_a_roster_file(ctx, tmp_path):
    path = write(
        tmp_path / "status.csv", HEADER,
        [
            ["Ana", "Silva", "2024-01-08", "Active", "", "", ""],
            ["Bo", "Lee", "2023-01-09", "completed", "2026-01-12", "", ""],
            ["Cy", "Ng", "2024-02-05", "left", "2025-06-30", "visa or waiver problem",
             "Waiver site change refused"],
        ],
    )  # fmt: skip
    ids = import_roster(ctx, path, today=TODAY).mentee_ids
    roster = RosterService(ctx, clock=lambda: TODAY)
    records = [roster.get(i) for i in ids]
    assert [r.status for r in records] == [
        MenteeStatus.ACTIVE, MenteeStatus.COMPLETED, MenteeStatus.LEFT,
    ]  # fmt: skip
    assert records[2].exit_date == dt.date(2025, 6, 30)
    assert (records[2].exit_reason_label, records[2].exit_reason) == (
        "Visa or waiver problem", "Waiver site change refused",
    )  # fmt: skip
    assert records[1].phase_name == "Completion"  # as on the day they left


def test_bad_status_rows_are_each_named(ctx, tmp_path):
    path = write(
        tmp_path / "bad.csv", HEADER,
        [
            ["Ana", "Silva", "2024-01-08", "on leave", "", "", ""],
            ["Bo", "Lee", "2023-01-09", "completed", "", "", ""],
            ["Cy", "Ng", "2024-02-05", "left", "2025-06-30", "", ""],
            ["Di", "Wu", "2024-02-05", "left", "2025-06-30", "Moved to Mars", ""],
            ["Ed", "Ko", "2024-02-05", "active", "2025-06-30", "", ""],
            ["Fa", "Al", "2024-02-05", "left", "2023-06-30", "Other", ""],
        ],
    )  # fmt: skip
    with pytest.raises(ImportRejected) as refused:
        import_roster(ctx, path, today=TODAY)
    reasons = {b.line: b.reason for b in refused.value.bad_rows}
    assert "the status 'on leave' is not active, completed or left" in reasons[2]
    assert "the exit date is empty for a mentee who completed" in reasons[3]
    assert "the exit reason is empty for a mentee who left early" in reasons[4]
    assert "'Moved to Mars' is not on the program's list of exit reasons" in reasons[5]
    assert "the exit date is given for a mentee still active" in reasons[6]
    assert "the exit date is before the start date" in reasons[7]


def test_a_phase_set_by_hand_survives_and_a_hand_made_phase_column_is_read_sensibly(ctx, tmp_path):
    started = "2025-01-06"  # day 430 on TODAY: the start date gives "Years 2 and 3"
    exported = write(
        tmp_path / "exported.csv",
        ["Given names", "Family name", "Start date", "Phase", "Phase set by hand"],
        [["Ana", "Silva", started, "Rest of year 1", "yes"],
         ["Bo", "Lee", started, "Orientation", ""]],
    )  # fmt: skip
    older = write(  # as an older BridgeDesk exported it: the phase stored once, at entry
        tmp_path / "older.csv",
        ["Given names", "Family name", "Start date", "Phase"],
        [["Cy", "Ng", started, "Years 2 and 3"], ["Di", "Wu", started, "Orientation"]],
    )
    import_roster(ctx, exported, today=TODAY)
    import_roster(ctx, older, today=TODAY)
    shown = {r.legal_name: (r.phase, r.phase_by_hand) for r in roster_rows(ctx, TODAY)}
    assert shown == {
        "Ana Silva": ("Rest of year 1", True),  # set by hand in BridgeDesk: kept so
        "Bo Lee": ("Years 2 and 3", False),  # an old exported phase: the start date wins
        "Cy Ng": ("Years 2 and 3", False),
        "Di Wu": ("Years 2 and 3", False),  # a stale phase does not come back
    }
