"""Commands that write hold the data folder's lock; demo --force and rotation keep a way back.

Before: two imports of the same file at once both succeeded (999 duplicate pairs);
``restore`` and ``demo --force`` replaced the program under an open window; ``demo --force``
deleted real mentees with no backup and no audit; rotation at exit deleted the backup taken
before a restore when a later backup was taken the same day; a mistyped import file name
still took a backup.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bridgedesk.bootstrap import open_program
from bridgedesk.cli.main import main
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program_file.instance_lock import InstanceLock
from bridgedesk.storage.backup import list_backups, take_backup
from bridgedesk.storage.rotation import RotationPolicy, rotate
from tests.unit.roster_samples import sample_rows, write_csv

ROOT = Path(__file__).resolve().parents[2]


def _program(tmp_path: Path, names: list[tuple[str, str]]) -> DataPaths:
    paths = DataPaths(tmp_path / "data").ensure()
    ctx = open_program(paths, actor="director")
    roster = RosterService(ctx)
    for given, family in names:
        roster.create(MenteeFields(given, family, start_date=dt.date(2025, 9, 1)))
    ctx.db.dispose()
    return paths


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _names(database: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(database)
    try:
        return list(conn.execute("SELECT given_names, family_name FROM mentees ORDER BY id"))
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("argv", "sentence"),
    [
        (["import", "roster", "{csv}"], "close it first, then import again."),
        (["demo", "--force"], "close it first, then fill it with demo data again."),
        (["restore", "{backup}"], "close it first, then restore again."),
    ],
)
def test_a_writing_command_is_refused_while_the_window_is_open(tmp_path, capsys, argv, sentence):
    paths = _program(tmp_path, [("Selam", "Tesfaye")])
    csv = write_csv(tmp_path / "roster.csv", sample_rows(3))
    backup = take_backup(paths.database, tmp_path / "elsewhere", "manual")
    before = _digest(paths.database)
    with InstanceLock(paths.lock_file):  # the window holds it for its whole life
        args = [a.format(csv=csv, backup=backup) for a in argv]
        code = main(["--data-dir", str(paths.root), *args])
    err = capsys.readouterr().err
    assert code == 1
    assert err == f"bridgedesk: BridgeDesk is open on this data folder; {sentence}\n"
    assert _digest(paths.database) == before
    assert _names(paths.database) == [("Selam", "Tesfaye")]


def test_two_imports_of_one_file_at_once_import_it_once(tmp_path):
    paths = _program(tmp_path, [])
    csv = write_csv(tmp_path / "roster.csv", sample_rows(1000))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "bridgedesk", "--data-dir", str(paths.root)]
    runs = [
        subprocess.Popen(
            [*command, "import", "roster", str(csv), "--create-sites"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )  # fmt: skip
        for _ in range(2)
    ]
    results = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    assert sorted(code for code, _out, _err in results) == [0, 1]
    (failed,) = [err for code, _out, err in results if code == 1]
    # refused while the other held the folder, or run after it and found every row there
    assert failed.startswith(
        (
            "bridgedesk: BridgeDesk is open on this data folder; close it first, then import",
            "bridgedesk: Nothing was imported: roster.csv has 1000 bad rows.\n"
            "  line 2: already on the roster",
        )
    ), failed
    assert "Traceback" not in failed
    names = _names(paths.database)
    assert len(names) == 1000 and len(set(names)) == 1000  # no duplicate pairs


def test_demo_force_backs_up_and_audits_what_it_replaces(tmp_path, capsys):
    real = [("Selam", "Tesfaye"), ("Mohammed", "Abdullah"), ("Ánh", "Nguyễn Thị")]
    paths = _program(tmp_path, real)
    code = main(["--data-dir", str(paths.root), "demo", "--force", "--mentees", "5"])
    out = capsys.readouterr().out
    assert code == 0
    (backup,) = [b for b in list_backups(paths.backups) if b.reason == "before-demo"]
    assert f"The program it replaced was backed up first: {backup.path}" in out
    assert _names(backup.path) == real  # the way back holds the real mentees
    assert not set(real) & set(_names(paths.database))
    conn = sqlite3.connect(paths.database)
    rows = conn.execute(
        "SELECT before FROM audit_log WHERE action = 'delete' AND entity = 'mentee'"
    ).fetchall()
    conn.close()
    replaced = [json.loads(before) for (before,) in rows]
    assert sorted((r["given_names"], r["family_name"]) for r in replaced) == sorted(real)
    assert {r["replaced_by"] for r in replaced} == {"demo data"}


def test_a_mistyped_import_file_takes_no_backup(tmp_path, capsys):
    paths = _program(tmp_path, [("Selam", "Tesfaye")])
    code = main(["--data-dir", str(paths.root), "import", "roster", str(tmp_path / "rostr.csv")])
    assert code == 1
    assert capsys.readouterr().err.startswith("bridgedesk: ")
    assert list_backups(paths.backups) == []


def test_rotation_keeps_the_backup_taken_before_a_restore_on_a_busy_day(tmp_path):
    paths = _program(tmp_path, [("Selam", "Tesfaye")])
    day = dt.datetime(2026, 12, 3, 9, 0)
    taken = []
    for hour, reason in ((9, "before-restore"), (11, "manual"), (17, "at-exit")):
        from bridgedesk.storage.backup import backup_path, snapshot

        target = backup_path(paths.backups, reason, day.replace(hour=hour))
        taken.append(snapshot(paths.database, target))
    removed = rotate(paths.backups, RotationPolicy(daily=7, weekly=4, monthly=12))
    left = {b.reason for b in list_backups(paths.backups)}
    assert left == {"before-restore", "at-exit"}  # the plain same-day copy goes, not the way back
    assert removed == [taken[1]]
