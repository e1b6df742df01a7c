"""The optional passphrase that locks the BridgeDesk window (KeePassXC-style), and its idle time.

Only a salted scrypt hash is kept, never the passphrase, in ``app-lock.json`` in the data
folder (owner-only). The lock guards a screen left unattended on a shared ward computer; it is
not encryption of the program file, which the operating system's account protects.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import Any

from bridgedesk.errors import UserError
from bridgedesk.paths import FILE_MODE, DataPaths, make_private

FILE_NAME = "app-lock.json"
MIN_LENGTH = 8
DEFAULT_IDLE_MINUTES = 10
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32


def lock_file(paths: DataPaths) -> Path:
    return paths.root / FILE_NAME


def _read(paths: DataPaths) -> dict[str, Any]:
    try:
        data = json.loads(lock_file(paths).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(paths: DataPaths, data: dict[str, Any]) -> None:
    """Write owner-only from the first byte, then swap in atomically."""
    target = lock_file(paths)
    temporary = target.with_suffix(".json.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2)
    os.replace(temporary, target)
    make_private(target)


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
    return isinstance(_read(paths).get("passphrase"), dict)


def verify(paths: DataPaths, passphrase: str) -> bool:
    """True when ``passphrase`` matches the stored hash (compared in constant time)."""
    record = _read(paths).get("passphrase")
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
    value = _read(paths).get("idle_minutes", DEFAULT_IDLE_MINUTES)
    return value if isinstance(value, int) and value >= 0 else DEFAULT_IDLE_MINUTES


def set_idle_minutes(paths: DataPaths, minutes: int) -> None:
    if minutes < 0:
        raise UserError("The idle time cannot be negative.")
    data = _read(paths)
    data["idle_minutes"] = int(minutes)
    _write(paths, data)
