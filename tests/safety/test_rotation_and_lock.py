"""Backup rotation over a simulated year; one instance per data folder, crash-safe lock."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from bridgedesk.services.program_file.instance_lock import AlreadyRunningError, InstanceLock
from bridgedesk.storage.backup import backup_path, list_backups
from bridgedesk.storage.rotation import RotationPolicy, rotate


def test_rotation_over_a_simulated_year_keeps_7_daily_4_weekly_12_monthly(tmp_path):
    start = dt.datetime(2026, 1, 1, 18, 0)
    for day in range(365):
        for hour in (9, 17):  # two backups a day
            taken = start + dt.timedelta(days=day, hours=hour - 18)
            backup_path(tmp_path, "daily", taken).write_bytes(b"x")
        rotate(tmp_path, RotationPolicy(daily=7, weekly=4, monthly=12))
    kept = list_backups(tmp_path)
    days = sorted({b.taken_at.date() for b in kept}, reverse=True)
    last = (start + dt.timedelta(days=364)).date()
    # the last 7 days are all there, one backup each (the newest of that day)
    assert days[:7] == [last - dt.timedelta(days=i) for i in range(7)]
    assert all(b.taken_at.hour == 17 for b in kept)
    months = {(b.taken_at.year, b.taken_at.month) for b in kept}
    assert len(months) == 12
    assert len(kept) <= 7 + 4 + 12
    assert len(kept) >= 12


def test_rotation_never_deletes_the_newest_backup(tmp_path):
    only = backup_path(tmp_path, "manual", dt.datetime(2026, 3, 1, 12, 0))
    only.write_bytes(b"x")
    assert rotate(tmp_path, RotationPolicy(daily=1, weekly=0, monthly=0)) == []
    assert only.exists()


def test_second_instance_is_refused_with_holder_named(tmp_path):
    lock_file = tmp_path / "bridgedesk.lock"
    with InstanceLock(lock_file), pytest.raises(AlreadyRunningError, match=f"pid {os.getpid()}"):
        InstanceLock(lock_file).acquire()
    # released: a new instance may start
    InstanceLock(lock_file).acquire().release()


def test_lock_left_by_a_killed_process_is_cleared(tmp_path):
    lock_file = tmp_path / "bridgedesk.lock"
    code = textwrap.dedent(
        f"""
        import sys, time
        from bridgedesk.services.program_file.instance_lock import InstanceLock
        held = InstanceLock(__import__("pathlib").Path({str(lock_file)!r})).acquire()
        print("locked", flush=True)
        time.sleep(60)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(AlreadyRunningError):
            InstanceLock(lock_file).acquire()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    # the file is still there with the dead PID, but the lock is gone
    assert lock_file.exists()
    lock = InstanceLock(lock_file).acquire()
    assert f"pid {os.getpid()}" in lock_file.read_text(encoding="utf-8")
    lock.release()


def test_backup_at_exit_only_when_the_last_is_a_day_old(sqlite_ctx, data_paths):
    from bridgedesk.services.program_file.safety import backup_if_due
    from bridgedesk.storage.backup import integrity_problems

    sqlite_ctx.db.dispose()
    now = dt.datetime(2026, 11, 24, 18, 0)
    first = backup_if_due(data_paths, now)
    assert first is not None and integrity_problems(first) == []
    assert backup_if_due(data_paths, now + dt.timedelta(hours=23)) is None
    second = backup_if_due(data_paths, now + dt.timedelta(hours=25))
    assert second is not None and second != first
    assert [b.reason for b in list_backups(data_paths.backups)] == ["at-exit", "at-exit"]


def test_backup_at_exit_skips_a_damaged_file(data_paths):
    from bridgedesk.services.program_file.safety import backup_if_due

    data_paths.database.write_bytes(b"not a database at all")
    assert backup_if_due(data_paths, dt.datetime(2026, 11, 24, 18, 0)) is None
    assert list_backups(data_paths.backups) == []
