"""The log file (``logs/bridgedesk.log`` in the data folder) and what may be written to it.

Every command and the window set the log up through :func:`setup_logging`. The file is
owner-only (0600) from its first byte, and a log that can no longer be written (a full
disk) is skipped quietly instead of printing Python's "--- Logging error ---" report.

No personal data reaches the log: an exception is written as its type and a traceback
of BridgeDesk's own frames only (:func:`safe_traceback`). The message of an exception is
left out, whatever its type: a database driver's message carries the SQL statement and
the values of the rows (names, notes), and other messages may quote a cell or a name.

Standard library only: the window imports this before Qt and SQLAlchemy load.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import logging.handlers
import os
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from bridgedesk.errors import DataFolderError, UserError, os_error_sentence
from bridgedesk.paths import DataPaths

LOG_MODE = 0o600
MAX_BYTES = 2_000_000
BACKUP_COUNT = 5
PACKAGE_DIR = Path(__file__).resolve().parent
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _private_opener(path: str, flags: int) -> int:
    """Open (or create) the log owner-only; an older, wider log is narrowed to 0600."""
    fd = os.open(path, flags, LOG_MODE)
    if hasattr(os, "fchmod"):
        with contextlib.suppress(OSError):  # not our file to narrow: log into it as it is
            os.fchmod(fd, LOG_MODE)
    return fd


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """The rotating log file: 0600 files (rotated ones too), and quiet when it cannot write."""

    def _open(self) -> Any:  # same as logging's, with an owner-only opener
        return open(  # noqa: SIM115 - the handler keeps its stream open, as logging's does
            self.baseFilename,
            self.mode,
            encoding=self.encoding,
            errors=self.errors,
            opener=_private_opener,
        )

    def handleError(self, record: logging.LogRecord) -> None:
        """A full or vanished disk must not print a traceback; the line is dropped."""


class PrivateFormatter(logging.Formatter):
    """Writes an exception as :func:`safe_traceback`: types and our frames, no messages."""

    def format(self, record: logging.LogRecord) -> str:
        cached = record.exc_text  # another handler's full text must not be reused here
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's name
        return safe_traceback(ei[1]) if ei and ei[1] is not None else ""


def setup_logging(paths: DataPaths, level: int = logging.INFO) -> Path:
    """Log to the data folder's ``logs/bridgedesk.log``; return the file.

    Called again for the same folder it does nothing; for another folder the log moves
    there. Raises DataFolderError (one plain sentence) when the log cannot be opened.
    """
    file = paths.log_file
    root = logging.getLogger()
    for existing in list(root.handlers):
        if isinstance(existing, PrivateLogHandler):
            if Path(existing.baseFilename) == file.absolute():
                root.setLevel(level)
                return file
            root.removeHandler(existing)
            existing.close()
    try:
        handler = PrivateLogHandler(
            file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as exc:
        sentence = os_error_sentence(exc, f"its data folder {paths.root}")
        raise DataFolderError(
            sentence or f"BridgeDesk cannot open its log {file} ({exc.strerror or 'unknown'})."
        ) from None
    handler.setFormatter(PrivateFormatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return file


def log_file_in_use() -> Path | None:
    """The log file set up by :func:`setup_logging` in this process, if any."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, PrivateLogHandler):
            return Path(handler.baseFilename)
    return None


# ---- what an exception may say in a log or a "details" box ---------------------------------
def describe(exc: BaseException) -> str:
    """The exception's type, and what it wraps, without its message.

    A SQLAlchemy error names the driver's error class (and SQLite's error code, such as
    SQLITE_BUSY, or PostgreSQL's SQLSTATE), never its statement or parameters; an OSError
    names its errno (ENOSPC), never the file.
    """
    kind = type(exc)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    extras: list[str] = []
    driver_error = exc
    orig = getattr(exc, "orig", None)
    if kind.__module__.startswith("sqlalchemy") and isinstance(orig, BaseException):
        inner = type(orig)
        extras.append(f"from {inner.__module__}.{inner.__qualname__}")
        driver_error = orig
    code = getattr(driver_error, "sqlite_errorname", None) or getattr(
        driver_error, "sqlstate", None
    )
    if isinstance(code, str) and code:
        extras.append(code)
    if isinstance(exc, OSError) and exc.errno is not None:
        extras.append(errno.errorcode.get(exc.errno, str(exc.errno)))
    return f"{name} ({', '.join(extras)})" if extras else name


def safe_traceback(exc: BaseException) -> str:
    """A traceback that holds no personal data: for each exception of the chain, its type
    (:func:`describe`) and the frames of BridgeDesk's own code, oldest first, as Python does.
    """
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        if current.__cause__ is not None:
            current = current.__cause__
        elif not current.__suppress_context__:
            current = current.__context__
        else:
            current = None
    lines: list[str] = []
    for position, item in enumerate(reversed(chain)):
        if position:
            lines.append("which led to:")
        lines.append(describe(item))
        lines.extend(_own_frames(item.__traceback__))
    return "\n".join(lines)


def _own_frames(tb: TracebackType | None) -> list[str]:
    lines = []
    for frame in traceback.extract_tb(tb):
        where = _own_file(frame.filename)
        if where is None:
            continue  # a library's or Python's frame: its arguments may be anybody's data
        lines.append(f'  File "{where}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    return lines


def _own_file(filename: str) -> str | None:
    """``bridgedesk/...`` for a file of this package, None for any other."""
    path = Path(filename)
    if not path.is_absolute():  # a frozen bundle names its modules relative to the bundle
        return path.as_posix() if path.parts[:1] == (PACKAGE_DIR.name,) else None
    try:
        inside = path.resolve().relative_to(PACKAGE_DIR)
    except (OSError, ValueError):
        return None
    return (Path(PACKAGE_DIR.name) / inside).as_posix()


def log_unexpected(logger: logging.Logger, exc: BaseException, where: str) -> None:
    """Write an unexpected error to the log: ``where`` it happened, then the safe traceback."""
    logger.error("unexpected error %s:\n%s", where, safe_traceback(exc))


def log_user_error(logger: logging.Logger, exc: UserError, where: str) -> None:
    """Note a user error by its type only (its sentence may quote a name or a value)."""
    logger.warning("%s %s", describe(exc), where)
