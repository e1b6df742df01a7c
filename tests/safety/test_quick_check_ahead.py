"""The start-up quick_check run ahead in a thread: its answer is used once, and only for the
very file it checked; a sound file opens with one check, a damaged one is still refused."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths
from bridgedesk.storage import backup, clean_close, quick_check_ahead
from bridgedesk.storage import database as database_file


def _closed_program(paths: DataPaths, names: list[str]) -> Path:
    ctx = open_program(paths, actor="tester")
    ctx.db.dispose()
    conn = sqlite3.connect(paths.database)
    conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", [(n, n) for n in names])
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return paths.database


def _forbid_inline_checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []

    def counted(path: Path, quick: bool = False, foreign_keys: bool = True) -> list[str]:
        calls.append(Path(path))
        return ["checked again in line"]

    monkeypatch.setattr(backup, "integrity_problems", counted)
    return calls


def _wait(path: Path) -> None:
    ahead = quick_check_ahead._pending[quick_check_ahead._key(path)]
    assert ahead.thread is not None
    ahead.thread.join(timeout=30)


@pytest.fixture(autouse=True)
def _nothing_pending():
    quick_check_ahead._pending.clear()
    database_file._just_checked.clear()
    yield
    quick_check_ahead._pending.clear()
    database_file._just_checked.clear()


def test_nothing_to_check_ahead_for_a_missing_empty_or_cleanly_closed_file(data_paths):
    db = data_paths.database
    assert quick_check_ahead.start(db) is False  # no file yet
    db.touch()
    assert quick_check_ahead.start(db) is False  # empty: a new program
    db.unlink()
    _closed_program(data_paths, ["ሰላም ተስፋዬ"])
    assert clean_close.record_clean_close(db)
    assert quick_check_ahead.start(db) is False
    assert quick_check_ahead._pending == {}


def test_a_sound_file_is_checked_once_and_opens(data_paths, monkeypatch):
    db = _closed_program(data_paths, ["محمد عبد الله", "<b>&amp;</para>"])
    assert quick_check_ahead.start(db) is True
    _wait(db)
    inline = _forbid_inline_checks(monkeypatch)
    assert database_file.startup_problems(db) == []  # the answer from the thread
    assert inline == []
    ctx = open_program(data_paths, actor="tester")  # vouched for: no second check
    ctx.db.dispose()
    assert inline == []


def test_the_answer_is_given_once(data_paths):
    db = _closed_program(data_paths, ["王小明"])
    quick_check_ahead.start(db)
    _wait(db)
    signature = quick_check_ahead.signature(db)
    assert quick_check_ahead.take(db, signature) == []
    assert quick_check_ahead.take(db, signature) is None


def test_a_write_after_the_check_makes_its_answer_void(data_paths, monkeypatch):
    db = _closed_program(data_paths, ["प्रिया शर्मा"])
    quick_check_ahead.start(db)
    _wait(db)
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO settings (key, value) VALUES ('Ольга Иванова', ?)", ("x" * 10_000,))
    conn.commit()
    conn.close()
    inline = _forbid_inline_checks(monkeypatch)
    assert database_file.startup_problems(db) == ["checked again in line"]
    assert inline == [db]


def test_a_damaged_file_is_still_refused(data_paths):
    db = _closed_program(data_paths, [f"Nguyễn Thị Ánh {i}" for i in range(400)])
    raw = bytearray(db.read_bytes())
    rng = random.Random(20261124)
    middle = len(raw) // 2 // 4096 * 4096
    raw[middle : middle + 8192] = bytes(rng.randrange(256) for _ in range(8192))
    db.write_bytes(bytes(raw))
    assert quick_check_ahead.start(db) is True
    _wait(db)
    problems = database_file.startup_problems(db)
    assert problems and problems != ["checked again in line"]
    assert problems == backup.integrity_problems(db, quick=True, foreign_keys=False)
