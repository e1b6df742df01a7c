"""Exporting the roster onto a full or read-only disk: one sentence, the previous export intact.

The disk is real: a 3 MB tmpfs mounted for the test (we run as root, so permission bits would
not stop a write; a full or read-only mount does), as in test_storage_faults.py. The program
file itself stays on the ordinary disk; only the export goes to the small one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bridgedesk.errors import UserError
from bridgedesk.services.importing.roster_import import import_roster
from bridgedesk.services.mentees.roster_export import export_roster
from tests.safety.test_storage_faults import _fill
from tests.unit.roster_samples import sample_rows, write_csv

TODAY = dt.date(2026, 1, 15)


@pytest.fixture
def disk(tmp_path):
    """A 3 MB tmpfs, unmounted (lazily if still busy) however the test ends."""
    assert os.geteuid() == 0, "this test mounts a tmpfs and must run as root (CI does)"
    point = tmp_path / "disk"
    point.mkdir()
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", str(point)],
        check=True,
        capture_output=True,
    )
    try:
        yield point
    finally:
        if subprocess.run(["umount", str(point)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(point)], check=True)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _grow_roster(ctx, tmp_path: Path, count: int = 600) -> None:
    """More mentees, so the next export is larger than the one already on the disk."""
    rows = sample_rows(count, start=dt.date(2024, 1, 1))
    for row in rows:
        row["Family name"] += "-more"
    import_roster(ctx, write_csv(tmp_path / "more.csv", rows), today=TODAY, create_sites=True)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_full_disk_keeps_the_previous_export_byte_for_byte(sqlite_ctx, tmp_path, disk, suffix):
    import_roster(
        sqlite_ctx, write_csv(tmp_path / "in.csv", sample_rows(50)), today=TODAY, create_sites=True
    )
    target = disk / f"roster{suffix}"
    assert export_roster(sqlite_ctx, target) == 50
    before = _sha256(target)
    _grow_roster(sqlite_ctx, tmp_path)
    filler = _fill(disk)

    with pytest.raises(UserError) as caught:
        export_roster(sqlite_ctx, target)
    assert str(caught.value) == (
        f"There is not enough room on the disk for roster{suffix}; "
        f"the earlier roster{suffix} is unchanged."
    )
    assert _sha256(target) == before
    assert sorted(p.name for p in disk.iterdir()) == ["filler.bin", f"roster{suffix}"]

    filler.unlink()
    assert export_roster(sqlite_ctx, target) == 650
    assert _sha256(target) != before
    assert sorted(p.name for p in disk.iterdir()) == [f"roster{suffix}"]


def test_full_disk_for_a_new_file_writes_nothing(sqlite_ctx, tmp_path, disk):
    import_roster(
        sqlite_ctx, write_csv(tmp_path / "in.csv", sample_rows(300)), today=TODAY, create_sites=True
    )
    _fill(disk)
    with pytest.raises(UserError, match="not enough room on the disk for new.xlsx; nothing was"):
        export_roster(sqlite_ctx, disk / "new.xlsx")
    assert sorted(p.name for p in disk.iterdir()) == ["filler.bin"]


def test_read_only_disk_keeps_the_previous_export(sqlite_ctx, tmp_path, disk):
    import_roster(
        sqlite_ctx, write_csv(tmp_path / "in.csv", sample_rows(20)), today=TODAY, create_sites=True
    )
    target = disk / "roster.csv"
    export_roster(sqlite_ctx, target)
    before = _sha256(target)
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    try:
        with pytest.raises(UserError) as caught:
            export_roster(sqlite_ctx, target)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
    assert str(caught.value) == (
        f"The folder {disk} is read-only, so roster.csv was not written; "
        "the earlier roster.csv is unchanged."
    )
    assert _sha256(target) == before


def test_xlsx_export_on_a_full_disk_prints_one_sentence_in_a_real_process(tmp_path, disk):
    """No traceback: the old export printed one from zipfile's clean-up after ENOSPC."""
    import bridgedesk

    env = {**os.environ, "PYTHONPATH": str(Path(bridgedesk.__file__).parents[1])}
    data = tmp_path / "data"

    def bridgedesk_run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bridgedesk", *argv, "--data-dir", str(data)],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )

    source = write_csv(tmp_path / "in.csv", sample_rows(400))
    assert bridgedesk_run("import", "roster", str(source), "--create-sites").returncode == 0
    target = disk / "roster.xlsx"
    assert bridgedesk_run("export", "roster", str(target)).returncode == 0
    before = _sha256(target)
    more = sample_rows(400, start=dt.date(2024, 1, 1))
    for row in more:
        row["Family name"] += "-more"
    assert (
        bridgedesk_run("import", "roster", str(write_csv(tmp_path / "m.csv", more))).returncode == 0
    )
    _fill(disk)

    done = bridgedesk_run("export", "roster", str(target))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        "bridgedesk: There is not enough room on the disk for roster.xlsx; "
        "the earlier roster.xlsx is unchanged.\n"
    )
    assert _sha256(target) == before
