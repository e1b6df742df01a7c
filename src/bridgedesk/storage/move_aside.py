"""Move a damaged program file out of the way without touching its bytes or overwriting anything.

A damaged file may still hold the only copy of some rows, so it is moved (never deleted,
never rewritten) together with its write-ahead log, and a name already taken in the target
folder is never reused, whatever the timing or the file system.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from bridgedesk.errors import DatabaseError
from bridgedesk.paths import make_private_dir

SIDE_FILES = ("-wal", "-shm")


def move_aside(database: Path, folder: Path, now: dt.datetime | None = None) -> Path:
    """Move a program file (with its -wal and -shm) into ``folder`` under a new name.

    The bytes are not touched and nothing already in ``folder`` is overwritten: the name
    carries the time and, when that is taken, a counter. Returns the moved file's path.
    """
    make_private_dir(folder)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    stem = f"{database.stem}-damaged-{stamp}"
    counter = 0
    while True:
        name = f"{stem}{'' if counter == 0 else f'-{counter}'}{database.suffix}"
        target = folder / name
        if not any(Path(str(target) + s).exists() for s in ("", *SIDE_FILES)):
            break
        counter += 1
    for suffix in SIDE_FILES:  # side files first: the main file's name is the marker
        side = Path(str(database) + suffix)
        if side.exists():
            move_no_overwrite(side, Path(str(target) + suffix))
    move_no_overwrite(database, target)
    return target


def move_no_overwrite(source: Path, target: Path) -> None:
    """Move ``source`` to ``target``, refusing (DatabaseError) when ``target`` exists.

    A hard link or an exclusive create claims the name atomically: a file that appears at
    ``target`` after any check is never overwritten, whatever the timing.
    """
    taken = DatabaseError(f"{target} already exists; {source.name} was left where it is.")
    try:
        os.link(source, target)  # fails rather than overwrite
    except FileExistsError:
        raise taken from None
    except OSError:  # no hard links here (FAT, some network shares, another disk)
        _copy_exclusive(source, target, taken)
    source.unlink()


def _copy_exclusive(source: Path, target: Path, taken: DatabaseError) -> None:
    """Copy into a name created exclusively (``x``), fsynced; a half-written copy is removed."""
    try:
        out = open(target, "xb")  # noqa: SIM115 - closed below; "x" never overwrites
    except FileExistsError:
        raise taken from None
    try:
        with out, open(source, "rb") as src:
            shutil.copyfileobj(src, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        shutil.copystat(source, target)
    except BaseException:
        target.unlink(missing_ok=True)  # ours: created exclusively above
        raise
