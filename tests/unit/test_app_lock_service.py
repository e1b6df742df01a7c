"""The app lock keeps only a salted slow hash, owner-only, and changing it needs the old one."""

from __future__ import annotations

import json
import os
import stat

import pytest

from bridgedesk.errors import UserError
from bridgedesk.services import app_lock

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


def test_idle_minutes_default_zero_and_kept_with_the_passphrase(data_paths):
    assert app_lock.idle_minutes(data_paths) == 10
    app_lock.set_idle_minutes(data_paths, 0)
    app_lock.set_passphrase(data_paths, PASS)
    assert app_lock.idle_minutes(data_paths) == 0
    app_lock.set_idle_minutes(data_paths, 25)
    assert app_lock.verify(data_paths, PASS)
    assert app_lock.idle_minutes(data_paths) == 25
    with pytest.raises(UserError):
        app_lock.set_idle_minutes(data_paths, -1)


def test_damaged_lock_file_reads_as_no_lock(data_paths):
    app_lock.lock_file(data_paths).write_text("{not json")
    assert not app_lock.is_enabled(data_paths)
    assert not app_lock.verify(data_paths, PASS)
    assert app_lock.idle_minutes(data_paths) == 10
