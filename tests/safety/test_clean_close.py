"""Clean-close marker: a program BridgeDesk closed cleanly reopens without reading every
page; a crash, an outside change or a truncation is still caught at start."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bridgedesk.bootstrap import open_program
from bridgedesk.cli import main as cli_main
from bridgedesk.cli.session import open_context
from bridgedesk.errors import DatabaseError
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program_file.startup_check import quarantine_if_damaged
from bridgedesk.storage import backup
from bridgedesk.storage.clean_close import (
    is_untouched_since_clean_close,
    marker_path,
    record_clean_close,
)

NAMES = ["ሰላም ተስፋዬ", "محمد عبد الله", "प्रिया शर्मा", "王小明", "Ольга Иванова", "Nguyễn Thị Ánh"]


def _fill(paths: DataPaths, mark_clean: bool) -> None:
    ctx = open_program(paths, actor="tester")
    ctx.db.mark_clean_at_dispose = mark_clean
    roster = RosterService(ctx, clock=lambda: dt.date(2026, 1, 15))
    for i, name in enumerate(NAMES):
        roster.create(
            MenteeFields(
                given_names="Given",
                family_name=f"Family {chr(65 + i)}",
                native_name=name,
                start_date=dt.date(2025, 7, 1),
                notes="<b>&amp;</para>" + "x" * 10_000,
            )
        )
    ctx.db.dispose()


@pytest.fixture
def page_checks(monkeypatch) -> list[bool]:
    """Records each page-by-page check (quick or full) run on any file."""
    calls: list[bool] = []
    real = backup.integrity_problems

    def counting(path: Path, quick: bool = False, foreign_keys: bool = True) -> list[str]:
        calls.append(quick)
        return real(path, quick=quick, foreign_keys=foreign_keys)

    monkeypatch.setattr(backup, "integrity_problems", counting)
    return calls


def _scribble(db: Path) -> None:
    raw = bytearray(db.read_bytes())
    rng = random.Random(20261124)
    middle = len(raw) // 2 // 4096 * 4096
    raw[middle : middle + 8192] = bytes(rng.randrange(256) for _ in range(8192))
    with open(db, "r+b") as fh:  # in place: same inode and size, only the mtime tells
        fh.write(raw)


def test_clean_close_writes_a_private_marker_describing_the_file(data_paths):
    _fill(data_paths, mark_clean=True)
    marker = marker_path(data_paths.database)
    content = json.loads(marker.read_text(encoding="utf-8"))
    now = data_paths.database.stat()
    assert (content["size"], content["mtime_ns"], content["inode"]) == (
        now.st_size,
        now.st_mtime_ns,
        now.st_ino,
    )
    assert content["schema_revision"]
    assert content["when"]
    assert stat.S_IMODE(marker.stat().st_mode) == 0o600
    wal = Path(str(data_paths.database) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert is_untouched_since_clean_close(data_paths.database)


def test_cleanly_closed_program_reopens_without_a_page_check(data_paths, page_checks):
    _fill(data_paths, mark_clean=True)
    page_checks.clear()
    assert quarantine_if_damaged(data_paths) is None
    ctx = open_program(data_paths)
    try:
        assert page_checks == []
        assert not marker_path(data_paths.database).exists()  # opened for writing: no marker
    finally:
        ctx.db.dispose()


def test_without_a_marker_the_quick_check_runs_once_per_start(data_paths, page_checks):
    _fill(data_paths, mark_clean=False)
    page_checks.clear()
    assert quarantine_if_damaged(data_paths) is None
    ctx = open_program(data_paths)
    ctx.db.dispose()
    assert page_checks == [True]  # quick, once: open_program did not repeat it


def test_random_bytes_written_after_a_clean_close_are_caught(data_paths, page_checks):
    _fill(data_paths, mark_clean=True)
    size = data_paths.database.stat().st_size
    _scribble(data_paths.database)
    assert data_paths.database.stat().st_size == size
    assert not is_untouched_since_clean_close(data_paths.database)
    page_checks.clear()
    found = quarantine_if_damaged(data_paths)
    assert found is not None and found.problems
    assert page_checks == [True]
    assert not data_paths.database.exists()


def test_random_bytes_are_refused_by_open_program_too(data_paths):
    _fill(data_paths, mark_clean=True)
    _scribble(data_paths.database)
    with pytest.raises(DatabaseError, match="damaged"):
        open_program(data_paths)


def test_a_truncated_file_is_caught_by_the_header_even_with_a_matching_marker(
    data_paths, page_checks
):
    _fill(data_paths, mark_clean=True)
    marker = marker_path(data_paths.database)
    content = json.loads(marker.read_text(encoding="utf-8"))
    raw = data_paths.database.read_bytes()
    with open(data_paths.database, "r+b") as fh:
        fh.truncate(len(raw) // 2 // 4096 * 4096)
    now = data_paths.database.stat()
    content.update(
        size=now.st_size,
        mtime_ns=now.st_mtime_ns,
        inode=now.st_ino,
        written_ns=now.st_mtime_ns + 5 * 10**9,
    )
    marker.write_text(json.dumps(content), encoding="utf-8")  # a forged, matching marker
    assert is_untouched_since_clean_close(data_paths.database)
    page_checks.clear()
    found = quarantine_if_damaged(data_paths)
    assert found is not None
    assert "cut short" in found.problems[0]
    assert page_checks == []  # the cheap header check was enough


CHILD = textwrap.dedent(
    """
    import datetime as dt, sys, time
    from pathlib import Path
    from bridgedesk.bootstrap import open_program
    from bridgedesk.paths import DataPaths
    from bridgedesk.services.mentees.roster import MenteeFields, RosterService
    ctx = open_program(DataPaths(Path(sys.argv[1])), actor="crash")
    RosterService(ctx, clock=lambda: dt.date(2026, 1, 15)).create(
        MenteeFields(given_names="Crash", family_name="Test", start_date=dt.date(2025, 7, 1))
    )
    print("written", flush=True)
    time.sleep(60)
    """
)


def test_a_crash_leaves_no_marker_and_the_next_start_checks(data_paths, page_checks):
    _fill(data_paths, mark_clean=True)
    assert marker_path(data_paths.database).exists()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_paths.root)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "written"
        assert not marker_path(data_paths.database).exists()
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert not is_untouched_since_clean_close(data_paths.database)
    page_checks.clear()
    assert quarantine_if_damaged(data_paths) is None  # a crash in WAL mode loses nothing
    ctx = open_program(data_paths)
    ctx.db.dispose()
    assert page_checks == [True]


def test_an_open_unclosed_program_has_no_marker(data_paths):
    _fill(data_paths, mark_clean=True)
    ctx = open_program(data_paths)
    try:
        assert not is_untouched_since_clean_close(data_paths.database)
    finally:
        ctx.db.dispose()


def test_a_pending_write_ahead_log_or_a_garbled_marker_is_not_trusted(data_paths):
    _fill(data_paths, mark_clean=True)
    wal = Path(str(data_paths.database) + "-wal")
    wal.write_bytes(b"frames")
    assert not is_untouched_since_clean_close(data_paths.database)
    wal.unlink()
    assert is_untouched_since_clean_close(data_paths.database)
    marker_path(data_paths.database).write_text("[1, 2", encoding="utf-8")
    assert not is_untouched_since_clean_close(data_paths.database)


def test_record_clean_close_of_a_missing_file_writes_nothing(data_paths):
    assert record_clean_close(data_paths.database) is False
    assert not marker_path(data_paths.database).exists()


def test_a_cli_command_records_the_clean_close(data_paths, tmp_path):
    _fill(data_paths, mark_clean=False)
    assert not marker_path(data_paths.database).exists()
    out = tmp_path / "roster.csv"
    assert cli_main.main(["--data-dir", str(data_paths.root), "export", "roster", str(out)]) == 0
    assert out.exists()
    assert is_untouched_since_clean_close(data_paths.database)


def test_open_context_asks_for_the_marker_at_dispose(data_paths):
    import argparse

    ctx = open_context(argparse.Namespace(data_dir=str(data_paths.root)))
    assert not marker_path(data_paths.database).exists()
    ctx.db.dispose()
    assert is_untouched_since_clean_close(data_paths.database)


def test_a_cli_command_whose_file_was_replaced_records_no_clean_close(data_paths):
    import argparse

    ctx = open_context(argparse.Namespace(data_dir=str(data_paths.root)))
    foreign = data_paths.database.with_name("foreign.db")
    shutil.copyfile(data_paths.database, foreign)
    os.replace(foreign, data_paths.database)  # swapped under the running command
    ctx.db.dispose()
    assert not marker_path(data_paths.database).exists()


@pytest.mark.parametrize(
    ("argv", "gui"),
    [
        ([], True),
        (["--data-dir", "/tmp/x"], True),
        (["--data-dir=/tmp/x", "--database-url", "postgresql://h/db"], True),
        (["--data-dir"], False),
        (["--help"], False),
        (["--version"], False),
        (["check"], False),
        (["--data-dir", "/tmp/x", "backup"], False),
        (["--bogus"], False),
    ],
)
def test_only_common_options_mean_a_gui_start(argv, gui):
    assert cli_main.is_gui_start(argv) is gui


def test_a_gui_start_does_not_import_the_command_modules():
    code = (
        "import sys\n"
        "from bridgedesk.cli import main\n"
        "args = main.parse_args(['--data-dir', '/tmp/x'])\n"
        "assert args.data_dir == '/tmp/x', args\n"
        "print(sorted(m for m in sys.modules if m.startswith('bridgedesk.cli.cmd_')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_help_still_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as exited:
        cli_main.main(["--help"])
    assert exited.value.code == 0
    shown = capsys.readouterr().out
    for command in ("demo", "import", "export", "report", "check", "backup"):
        assert command in shown


def test_clean_close_writes_nothing_for_a_file_replaced_during_the_session(data_paths):
    ctx = open_program(data_paths, actor="tester")
    opened = ctx.file_identity
    ctx.db.dispose()
    assert opened is not None
    foreign = data_paths.database.with_name("foreign.db")
    shutil.copyfile(data_paths.database, foreign)
    os.replace(foreign, data_paths.database)  # another file now sits at the same path
    before = data_paths.database.read_bytes()
    assert record_clean_close(data_paths.database, opened) is False
    assert not marker_path(data_paths.database).exists()
    assert data_paths.database.read_bytes() == before  # not even checkpointed
    assert not is_untouched_since_clean_close(data_paths.database)


def test_clean_close_is_recorded_for_the_file_that_was_opened(data_paths):
    ctx = open_program(data_paths, actor="tester")
    opened = ctx.file_identity
    ctx.db.dispose()
    assert record_clean_close(data_paths.database, opened) is True
    assert is_untouched_since_clean_close(data_paths.database)
