"""``bridgedesk match`` through main(), as a person runs it: a dry run, --apply, one mentee."""

from __future__ import annotations

import datetime as dt

import pytest

from bridgedesk.bootstrap import open_program
from bridgedesk.cli.main import main
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.program_file.instance_lock import InstanceLock


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def program(tmp_path) -> str:
    """A program with two mentors (three free places) and four new mentees."""
    data = tmp_path / "data"
    ctx = open_program(DataPaths(data).ensure(), actor="tester")
    try:
        mentors = MentorService(ctx)
        mentors.create(
            MentorFields(name="Dr Hana Mekonnen", specialty="Family medicine",
                         languages="Amharic, English", country_of_training="Ethiopia",
                         capacity=2)
        )  # fmt: skip
        mentors.create(MentorFields(name="Dr Carol Jensen", languages="English", capacity=1))
        roster = RosterService(ctx)
        for given, native in (("Selam", "ሰላም"), ("Dawit", "ዳዊት"), ("Omar", "عمر"), ("Lan", "")):
            roster.create(
                MenteeFields(given_names=given, family_name="Test", native_name=native,
                             specialty="Family medicine", languages="Amharic, English",
                             country_of_training="Kenya", start_date=dt.date(2026, 1, 5))
            )  # fmt: skip
    finally:
        ctx.db.dispose()
    return str(data)


def test_dry_run_then_apply(tmp_path, capsys):
    data = program(tmp_path)
    code, out, _ = run(capsys, "match", "--data-dir", data)
    assert code == 0
    assert "4 active mentees without a primary mentor; proposed" in out
    assert out.count(" -> Dr Hana Mekonnen") == 2 and out.count(" -> Dr Carol Jensen") == 1
    assert (
        "-> Dr Hana Mekonnen — score 12: same specialty, speaks Amharic, "
        "also trained in Sub-Saharan Africa, 2 places left"
    ) in out
    assert "Left without a mentor:\n  " in out and "full with other new mentees" in out
    assert "Dry run: nothing was assigned. Run again with --apply" in out
    code, again, _ = run(capsys, "match", "--dry-run", "--data-dir", data)
    assert again == out  # nothing was written, and the proposal is the same

    code, out, _ = run(capsys, "match", "--apply", "--start", "2026-03-12", "--data-dir", data)
    assert code == 0 and "Assigned 3 primary mentors from 2026-03-12" in out
    code, out, _ = run(capsys, "match", "--data-dir", data)
    assert "1 active mentee without a primary mentor" in out
    assert "no mentor has a free place" in out


def test_one_mentee_and_plain_refusals(tmp_path, capsys):
    data = program(tmp_path)
    code, out, _ = run(capsys, "match", "--mentee", "ሰላም", "--data-dir", data)
    assert code == 0
    assert "Mentors for Selam Test, best first:" in out
    assert "  1. Dr Hana Mekonnen — score 12 (load 0/2): same specialty" in out
    assert "  2. Dr Carol Jensen — score 4 (load 0/1): speaks English, 1 place left" in out
    code, _, err = run(capsys, "match", "--mentee", "Test", "--data-dir", data)
    assert code != 0 and "4 mentees match 'Test'; give the id or more of the name." in err
    code, _, err = run(capsys, "match", "--start", "12/03/2026", "--data-dir", data)
    assert code != 0 and "is not a date; write it as 2026-03-12" in err
    with pytest.raises(SystemExit) as stopped:  # argparse refuses the pair before any work
        main(["match", "--apply", "--mentee", "1", "--data-dir", data])
    assert stopped.value.code == 2
    assert "argument --mentee: not allowed with argument --apply" in capsys.readouterr().err


def test_apply_is_refused_while_the_window_is_open(tmp_path, capsys):
    data = program(tmp_path)
    paths = DataPaths(tmp_path / "data")
    with InstanceLock(paths.lock_file):  # the window holds it for its whole life
        code, out, err = run(capsys, "match", "--apply", "--data-dir", data)
        assert code == 1
        assert err == (
            "bridgedesk: BridgeDesk is open on this data folder; close it first, then match "
            "again.\n"
        )
        code, out, _ = run(capsys, "match", "--data-dir", data)  # a dry run only reads
        assert code == 0 and "4 active mentees without a primary mentor" in out
