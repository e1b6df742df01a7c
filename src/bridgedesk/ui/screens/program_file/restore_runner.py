"""Restore a backup off the GUI thread: the one way the welcome page and Backups dialog do it.

Restoring copies and checks a whole program file (seconds at 10,000 mentees), so it runs on
a pool thread while the window stays responsive. The steps around it are the same for every
caller and easy to get wrong: let go of the file's connections first, and afterwards tell the
context that the restored file is the program now (else it would refuse the "replaced" file).
An unexpected failure becomes one sentence for the user and a full entry in the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from bridgedesk.errors import UserError
from bridgedesk.paths import DataPaths
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.program_file import safety
from bridgedesk.ui import workers

log = logging.getLogger(__name__)


def restored_sentence(source: Path) -> str:
    return f"{source.name} was restored. BridgeDesk will now close; open it again to use it."


def _restore(paths: DataPaths, source: Path) -> None:
    try:
        safety.restore_from(paths, source)
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - one sentence for the user, the detail logged
        log.exception("restoring %s failed", source)
        raise UserError(
            f"{source.name} could not be restored ({type(exc).__name__}); "
            "the details are in the log."
        ) from exc


def start_restore(
    ctx: ServiceContext,
    paths: DataPaths,
    source: Path,
    on_restored: Callable[[str], None],
    on_failed: Callable[[str], None],
) -> workers.Worker:
    """Replace the program file with ``source`` in the background.

    ``on_restored(sentence)`` or ``on_failed(sentence)`` runs on the GUI thread afterwards;
    on success the context already accepts the restored file.
    """
    ctx.db.dispose()  # let go of the program file before it is replaced

    def finished(_result: object) -> None:
        ctx.remember_file()  # the restored file is the program now; no "replaced" refusal
        on_restored(restored_sentence(source))

    return workers.start(lambda: _restore(paths, source), finished, on_failed)
