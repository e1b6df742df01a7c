"""The optional passphrase that locks the BridgeDesk window (KeePassXC-style), and its idle time.

Only a salted scrypt hash is kept, never the passphrase, in ``app-lock.json`` in the data
folder (owner-only). The lock guards a screen left unattended on a shared ward computer; it is
not encryption of the program file, which the operating system's account protects.

A damaged lock file fails CLOSED: the lock counts as on, no passphrase matches, and the lock
screen says how to recover (remove the file as the data folder's owner). Failing open would let
anyone who can spoil the file walk past the lock. After a few wrong passphrases each further
try waits a little longer (:func:`retry_delay`), which slows guessing at an unattended screen.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from pathlib import Path
from typing import Any

from bridgedesk.errors import UserError
from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file.settings_file import read_json_object, write_private_json

FILE_NAME = "app-lock.json"
MIN_LENGTH = 8
DEFAULT_IDLE_MINUTES = 10
FREE_TRIES = 3  # wrong passphrases before each further try has to wait
MAX_DELAY_S = 30.0
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32


def lock_file(paths: DataPaths) -> Path:
    return paths.root / FILE_NAME


class LockFileDamaged(UserError):
    """The lock file exists but cannot be read: the lock stays on and this says why."""


def damaged_sentence(paths: DataPaths) -> str:
    return (
        f"The app-lock file {lock_file(paths)} is damaged, so the passphrase can't be checked "
        "and BridgeDesk stays locked; to recover, close BridgeDesk, remove that file using "
        "the account that owns the data folder (this turns the lock off), and set a new "
        "passphrase."
    )


def _load(paths: DataPaths) -> tuple[dict[str, Any], bool]:
    """The file's settings and whether it is damaged (present but not a valid lock file)."""
    data, damaged = read_json_object(lock_file(paths))
    if damaged or ("passphrase" in data and not _is_record(data["passphrase"])):
        return {}, True
    return data, False


def _is_record(record: object) -> bool:
    if not isinstance(record, dict):
        return False
    try:
        base64.b64decode(record["salt"], validate=True)
        base64.b64decode(record["hash"], validate=True)
        return all(int(record[k]) > 0 for k in ("n", "r", "p"))
    except (KeyError, ValueError, TypeError):
        return False


def is_damaged(paths: DataPaths) -> bool:
    return _load(paths)[1]


def _read(paths: DataPaths) -> dict[str, Any]:
    """The settings for changing them; a damaged file is refused, never overwritten."""
    data, damaged = _load(paths)
    if damaged:
        raise LockFileDamaged(damaged_sentence(paths))
    return data


def _write(paths: DataPaths, data: dict[str, Any]) -> None:
    write_private_json(lock_file(paths), data)


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=0, dklen=length
    )


def _hash_record(passphrase: str) -> dict[str, Any]:
    salt = secrets.token_bytes(SALT_BYTES)
    key = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, KEY_BYTES)
    return {
        "algorithm": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": base64.b64encode(salt).decode("ascii"),
        "hash": base64.b64encode(key).decode("ascii"),
    }


def is_enabled(paths: DataPaths) -> bool:
    """True when a passphrase is set, and when the lock file is damaged (fail closed)."""
    data, damaged = _load(paths)
    return damaged or isinstance(data.get("passphrase"), dict)


def verify(paths: DataPaths, passphrase: str) -> bool:
    """True when ``passphrase`` matches the stored hash (compared in constant time).

    Always False for a damaged file: nothing can be checked against it.
    """
    record = _load(paths)[0].get("passphrase")
    if not isinstance(record, dict):
        return False
    try:
        salt = base64.b64decode(record["salt"])
        expected = base64.b64decode(record["hash"])
        key = _derive(
            passphrase, salt, int(record["n"]), int(record["r"]), int(record["p"]), len(expected)
        )
    except (KeyError, ValueError, TypeError):
        return False
    return hmac.compare_digest(key, expected)


def _require_current(paths: DataPaths, current: str | None) -> None:
    _read(paths)  # a damaged file: say so, rather than "the passphrase is not right"
    if is_enabled(paths) and not (current is not None and verify(paths, current)):
        raise UserError("The current passphrase is not right.")


def set_passphrase(paths: DataPaths, new: str, current: str | None = None) -> None:
    """Set or change the passphrase; changing needs the current one."""
    _require_current(paths, current)
    if len(new) < MIN_LENGTH:
        raise UserError(f"The passphrase needs at least {MIN_LENGTH} characters.")
    data = _read(paths)
    data["passphrase"] = _hash_record(new)
    _write(paths, data)


def remove(paths: DataPaths, current: str | None) -> None:
    """Turn the lock off; needs the current passphrase."""
    _require_current(paths, current)
    data = _read(paths)
    if data.pop("passphrase", None) is not None:
        _write(paths, data)


def idle_minutes(paths: DataPaths) -> int:
    """Minutes without input before the window locks itself; 0 means never."""
    value = _load(paths)[0].get("idle_minutes", DEFAULT_IDLE_MINUTES)
    return value if isinstance(value, int) and value >= 0 else DEFAULT_IDLE_MINUTES


def set_idle_minutes(paths: DataPaths, minutes: int) -> None:
    if minutes < 0:
        raise UserError("The idle time cannot be negative.")
    data = _read(paths)
    data["idle_minutes"] = int(minutes)
    _write(paths, data)


def retry_delay(wrong_tries: int) -> float:
    """Seconds to wait before the next try after ``wrong_tries`` wrong passphrases in a row.

    The first few are free; then 1, 2, 4, 8 … seconds, never more than :data:`MAX_DELAY_S`.
    """
    if wrong_tries < FREE_TRIES:
        return 0.0
    return min(MAX_DELAY_S, 2.0 ** min(wrong_tries - FREE_TRIES, 16))
