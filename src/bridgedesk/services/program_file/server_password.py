"""The shared server's password lives in the system's password store, never in settings.json.

Windows Credential Manager, macOS Keychain or the Secret Service (GNOME Keyring, KWallet) on
Linux, through the ``keyring`` package. settings.json keeps the server's address only. Where
the computer has no password store (a bare Linux, a server without a desktop), the password
is not written anywhere: PostgreSQL's own password file is the place for it, and the one
sentence of :data:`NO_STORE` says so.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sqlalchemy.engine import URL

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

SERVICE = "BridgeDesk database server"
DEFAULT_PORT = 5432
NO_STORE = (
    "This computer has no password store, so the server's password was not saved: put it in "
    "PostgreSQL's password file (~/.pgpass, or %APPDATA%\\postgresql\\pgpass.conf on Windows) "
    "or set PGPASSWORD, and BridgeDesk will use it from there."
)
# Backends that keep nothing, or keep it in plain text: not a password store.
_NOT_A_STORE = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt.file")


def _account(url: URL) -> str:
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or DEFAULT_PORT}/{url.database or ''}"


def _store() -> KeyringBackend | None:
    """The system's password store, or None when there is none worth the name."""
    try:
        import keyring

        backend = keyring.get_keyring()
    except (ImportError, RuntimeError):
        return None
    if type(backend).__module__.startswith(_NOT_A_STORE):
        return None
    return backend


def has_store() -> bool:
    return _store() is not None


def keep(url: URL) -> tuple[URL, str | None]:
    """Move the URL's password into the store: the URL to save, and a sentence when it could not."""
    if not url.password:
        return url, None
    store = _store()
    bare = url._replace(password=None)  # URL.set() takes None as "unchanged"
    if store is None:
        return bare, NO_STORE
    try:
        store.set_password(SERVICE, _account(url), str(url.password))
    except Exception:  # noqa: BLE001 - a locked or broken store: say so, keep nothing
        log.warning("the password store refused the server password")
        return bare, NO_STORE
    return bare, None


def with_kept_password(url: URL) -> URL:
    """The URL with the password from the store, when it has none of its own and one is kept."""
    if url.password or url.get_backend_name() != "postgresql":
        return url
    store = _store()
    if store is None:
        return url
    try:
        password = store.get_password(SERVICE, _account(url))
    except Exception:  # noqa: BLE001 - a locked store: libpq may still find one (.pgpass)
        log.warning("the password store could not be read")
        return url
    return url.set(password=password) if password else url
