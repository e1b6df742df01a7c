"""Errors the user can act on. Their message is one plain sentence, shown as is."""

from __future__ import annotations

import errno


class UserError(Exception):
    """A problem caused by input or environment, explained in plain words."""


class NotFoundError(UserError):
    """A record asked for by id or name does not exist."""


class ValidationError(UserError):
    """Input that breaks a rule; ``problems`` maps a field name to a message."""

    def __init__(self, problems: dict[str, str]):
        self.problems = dict(problems)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.problems.items()))


class ConflictError(UserError):
    """Somebody else saved the same record since it was read (optimistic concurrency)."""

    def __init__(
        self, message: str, changed_fields: dict[str, tuple[object, object]] | None = None
    ):
        self.changed_fields = dict(changed_fields or {})
        super().__init__(message)


class DatabaseError(UserError):
    """The database file is damaged, foreign, from a newer version, or cannot be written."""


class DataFolderError(UserError):
    """The data folder (or another folder BridgeDesk must write to) cannot be written."""


def os_error_sentence(exc: OSError, what: str) -> str | None:
    """One plain sentence for a file-system failure while writing ``what``, or None.

    ``what`` names the place in words ("its data folder /x", "the file /y"). Only the
    failures a user can act on are worded (a read-only disk, no permission, a full disk);
    anything else returns None and stays unexpected.
    """
    number = exc.errno
    if number == errno.EROFS:
        return (
            f"BridgeDesk cannot write to {what}: it is read-only. Make it writable, "
            "or use a folder that can be written to, and try again."
        )
    if number in (errno.EACCES, errno.EPERM):
        return (
            f"BridgeDesk may not write to {what} (permission denied). Give your user "
            "account write access to it, or use another folder, and try again."
        )
    if number in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"The disk holding {what} is full. Free some space and try again."
    return None
