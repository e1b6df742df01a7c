"""The roster import's dry run names a date column whose every date reads both ways."""

from __future__ import annotations

import datetime as dt

from bridgedesk.services.importing.dates import ambiguity_note
from bridgedesk.services.importing.preview import preview_import
from bridgedesk.services.importing.roster_import import import_roster
from tests.unit.roster_samples import write_csv

TODAY = dt.date(2025, 8, 1)
START_NOTE = (
    "Every date in the Start date column fits both month/day and day/month, so 03/04/2025 "
    "is read month first, as March 4, 2025; if the file writes the day first, change its "
    "dates to ISO, such as 2025-04-03."
)


def test_a_column_that_reads_both_ways_is_named_in_the_dry_run(sqlite_ctx, tmp_path):
    path = write_csv(
        tmp_path / "both.csv",
        [
            {"Given names": "A", "Family name": "One", "Start date": "03/04/2025"},
            {"Given names": "B", "Family name": "Two", "Start date": "11/12/2024"},
            {"Given names": "C", "Family name": "Three", "Start date": "2025-01-06"},
        ],
    )
    result = import_roster(sqlite_ctx, path, dry_run=True, today=TODAY)
    assert result.date_notes == [START_NOTE]
    preview = preview_import(sqlite_ctx, path, TODAY)
    assert preview.clean and preview.date_notes == [START_NOTE]


def test_a_column_that_shows_its_order_has_no_note(sqlite_ctx, tmp_path):
    for name, second in (("us.csv", "07/25/2025"), ("eu.csv", "25/07/2025")):
        path = write_csv(
            tmp_path / name,
            [
                {"Given names": "A", "Family name": "One", "Start date": "03/04/2025"},
                {"Given names": "B", "Family name": "Two", "Start date": second},
            ],
        )
        assert import_roster(sqlite_ctx, path, dry_run=True, today=TODAY).date_notes == []


def test_the_exit_date_column_is_named_on_its_own(sqlite_ctx, tmp_path):
    path = write_csv(
        tmp_path / "exits.csv",
        [
            {"Given names": "A", "Family name": "One", "Start date": "2024-07-01",
             "Status": "completed", "Exit date": "06/05/2025"},
            {"Given names": "B", "Family name": "Two", "Start date": "2024-07-01",
             "Status": "active", "Exit date": ""},
        ],
    )  # fmt: skip
    notes = import_roster(sqlite_ctx, path, dry_run=True, today=TODAY).date_notes
    assert len(notes) == 1
    assert notes[0].startswith("Every date in the Exit date column fits both")
    assert "06/05/2025 is read month first, as June 5, 2025" in notes[0]


def test_no_note_for_iso_dates_or_a_day_equal_to_its_month():
    assert ambiguity_note("Start", [(2, "2025-03-04"), (3, dt.date(2025, 3, 4))]) is None
    assert ambiguity_note("Start", [(2, "05/05/2025"), (3, "")]) is None
    assert ambiguity_note("Start", [(2, "13/04/2025"), (3, "03/04/2025")]) is None
    assert ambiguity_note("Start", [(2, "04/13/2025"), (3, "03/04/2025")]) is None
    assert ambiguity_note("Start", [(2, "03/04/2025")]) is not None
