"""The app lock keeps only a salted slow hash, owner-only, and changing it needs the old one."""

from __future__ import annotations

import json
import os
import stat

import pytest

from bridgedesk.errors import UserError
from bridgedesk.services.program_file import app_lock

PASS = "ሰላም ተስፋዬ correct horse"


def test_hash_file_holds_no_plaintext_and_verify_works(data_paths):
    assert not app_lock.is_enabled(data_paths)
    assert not app_lock.verify(data_paths, PASS)
    app_lock.set_passphrase(data_paths, PASS)
    raw = app_lock.lock_file(data_paths).read_bytes()
    assert PASS.encode() not in raw and b"correct horse" not in raw
    record = json.loads(raw)["passphrase"]
    assert (record["algorithm"], record["n"], record["r"], record["p"]) == ("scrypt", 2**14, 8, 1)
    assert app_lock.is_enabled(data_paths)
    assert app_lock.verify(data_paths, PASS)
    assert not app_lock.verify(data_paths, PASS + " ")
    assert not app_lock.verify(data_paths, "")
    if os.name == "posix":
        mode = stat.S_IMODE(app_lock.lock_file(data_paths).stat().st_mode)
        assert mode == 0o600


def test_same_passphrase_gets_a_fresh_salt(data_paths):
    app_lock.set_passphrase(data_paths, PASS)
    first = json.loads(app_lock.lock_file(data_paths).read_text())["passphrase"]
    app_lock.set_passphrase(data_paths, PASS, current=PASS)
    second = json.loads(app_lock.lock_file(data_paths).read_text())["passphrase"]
    assert first["salt"] != second["salt"] and first["hash"] != second["hash"]


def test_changing_or_removing_needs_the_current_passphrase(data_paths):
    app_lock.set_passphrase(data_paths, PASS)
    with pytest.raises(UserError, match="current passphrase is not right"):
        app_lock.set_passphrase(data_paths, "another-one-123")
    with pytest.raises(UserError, match="current passphrase is not right"):
        app_lock.set_passphrase(data_paths, "another-one-123", current="wrong passphrase")
    assert app_lock.verify(data_paths, PASS)
    app_lock.set_passphrase(data_paths, "another-one-123", current=PASS)
    assert app_lock.verify(data_paths, "another-one-123") and not app_lock.verify(data_paths, PASS)
    with pytest.raises(UserError):
        app_lock.remove(data_paths, "nope")
    app_lock.remove(data_paths, "another-one-123")
    assert not app_lock.is_enabled(data_paths)


def test_short_passphrase_is_refused_in_plain_words(data_paths):
    with pytest.raises(UserError) as caught:
        app_lock.set_passphrase(data_paths, "short")
    assert str(caught.value) == "The passphrase needs at least 8 characters."
    assert not app_lock.is_enabled(data_paths)


def test_idle_minutes_default_ten_and_kept_with_the_passphrase(data_paths):
    assert app_lock.idle_minutes(data_paths) == 10
    app_lock.set_idle_minutes(data_paths, 0)
    app_lock.set_passphrase(data_paths, PASS)
    assert app_lock.idle_minutes(data_paths) == 0
    app_lock.set_idle_minutes(data_paths, 25)
    assert app_lock.verify(data_paths, PASS)
    assert app_lock.idle_minutes(data_paths) == 25
    with pytest.raises(UserError):
        app_lock.set_idle_minutes(data_paths, -1)


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[1, 2]",
        '{"passphrase": "plain text"}',
        '{"passphrase": {"algorithm": "scrypt", "salt": "!!", "hash": "", "n": 1}}',
    ],
)
def test_damaged_lock_file_fails_closed(data_paths, content):
    """A spoiled file must not switch the lock off: it stays on and nothing verifies."""
    app_lock.set_passphrase(data_paths, PASS)
    app_lock.lock_file(data_paths).write_text(content)
    assert app_lock.is_damaged(data_paths)
    assert app_lock.is_enabled(data_paths)
    assert not app_lock.verify(data_paths, PASS)
    assert not app_lock.verify(data_paths, "")
    assert app_lock.idle_minutes(data_paths) == 10
    sentence = app_lock.damaged_sentence(data_paths)
    assert str(app_lock.lock_file(data_paths)) in sentence and "remove that file" in sentence
    for change in (
        lambda: app_lock.set_passphrase(data_paths, "new passphrase 1", current=PASS),
        lambda: app_lock.remove(data_paths, PASS),
        lambda: app_lock.set_idle_minutes(data_paths, 5),
    ):
        with pytest.raises(app_lock.LockFileDamaged) as caught:
            change()
        assert str(caught.value) == sentence
    assert app_lock.lock_file(data_paths).read_text() == content  # never overwritten


def test_no_lock_file_is_no_lock(data_paths):
    assert not app_lock.is_damaged(data_paths) and not app_lock.is_enabled(data_paths)


def test_retry_delay_grows_after_three_wrong_tries_and_is_capped():
    delays = [app_lock.retry_delay(n) for n in range(12)]
    assert delays[:3] == [0.0, 0.0, 0.0]
    assert delays[3:9] == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0]
    assert delays[9:] == [30.0, 30.0, 30.0]
    assert app_lock.retry_delay(10_000) == 30.0
