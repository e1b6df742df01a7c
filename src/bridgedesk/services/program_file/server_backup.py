"""Back up a shared PostgreSQL program with the server's own tool, ``pg_dump``.

A server database cannot be copied as a file the way the SQLite program is; ``pg_dump`` in
its custom format is the dump ``pg_restore`` reads back. The password travels in the
``PGPASSWORD`` environment variable of the child process only, never on a command line
(other users can read command lines). The dump is written beside its final name and renamed
once ``pg_restore --list`` has read it, so a broken dump never takes a backup's name.
"""

from __future__ import annotations

import datetime as dt
import glob
import logging
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bridgedesk.errors import UserError
from bridgedesk.paths import make_private
from bridgedesk.storage.engine import server_url

log = logging.getLogger(__name__)
DUMP_SUFFIX = ".dump"


def find_tool(name: str) -> Path | None:
    """``pg_dump`` or ``pg_restore`` on PATH, else the newest in /usr/lib/postgresql/*/bin."""
    on_path = shutil.which(name)
    if on_path:
        return Path(on_path)
    found = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    return Path(found[-1]) if found else None


def _libpq_target(url: str) -> tuple[str, dict[str, str]]:
    """The connection URI for libpq tools without the password, and the environment holding it."""
    parsed = server_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise UserError("Only a PostgreSQL server can be backed up with pg_dump.")
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    bare = parsed.set(drivername="postgresql", password=None)
    return bare.render_as_string(hide_password=False), env


def backup_server(url: str, to: Path, now: dt.datetime | None = None) -> Path:
    """Dump the server database at ``url`` to the file ``to`` (or into the folder ``to``).

    Returns the written file. Raises UserError when pg_dump is missing or the dump fails.
    """
    pg_dump = find_tool("pg_dump")
    if pg_dump is None:
        raise UserError(
            "Backups of a shared server are the server administrator's job: pg_dump is not "
            "installed here, so ask them to run pg_dump --format=custom on the database "
            "regularly (or install PostgreSQL's client tools and run bridgedesk backup again)."
        )
    target, env = _libpq_target(url)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    database = server_url(url).database or "bridgedesk"
    final = to / f"bridgedesk-{database}-{stamp}{DUMP_SUFFIX}" if to.is_dir() else to
    final.parent.mkdir(parents=True, exist_ok=True)
    partial = final.with_name(final.name + ".partial")
    command = [
        str(pg_dump),
        "--format=custom",
        "--no-owner",
        f"--file={partial}",
        "--dbname",
        target,
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        raise UserError(f"pg_dump could not back up the server ({_first_line(done.stderr)}).")
    make_private(partial)
    problem = _unreadable(partial)
    if problem:
        partial.unlink(missing_ok=True)
        raise UserError(f"The server backup could not be read back ({problem}); nothing was kept.")
    os.replace(partial, final)
    log.info("server backup written: %s", final)
    return final


def dump_contents(dump: Path) -> list[str]:
    """The table of contents ``pg_restore --list`` reads from a dump (empty if no pg_restore)."""
    pg_restore = find_tool("pg_restore")
    if pg_restore is None:
        return []
    done = subprocess.run([str(pg_restore), "--list", str(dump)], capture_output=True, text=True)
    if done.returncode != 0:
        raise UserError(
            f"{dump.name} is not a readable server backup ({_first_line(done.stderr)})."
        )
    return [line for line in done.stdout.splitlines() if line and not line.startswith(";")]


@dataclass(frozen=True)
class DumpInfo:
    """One server backup in a folder: when, of which database, how big, how many mentees."""

    path: Path
    taken_at: dt.datetime
    size_bytes: int
    database: str
    mentee_count: int | None  # None when it can't be read (no pg_restore, a damaged dump)


_DUMP_NAME = re.compile(r"^bridgedesk-(?P<database>.+)-(?P<stamp>\d{8}-\d{6})\.dump$")


def list_dumps(folder: Path) -> list[DumpInfo]:
    """The server backups (``*.dump``) in ``folder``, newest first; [] when there is none."""
    try:
        files = [p for p in folder.iterdir() if p.suffix == DUMP_SUFFIX and p.is_file()]
    except FileNotFoundError:
        return []
    found = []
    for path in files:
        stat = path.stat()
        named = _DUMP_NAME.match(path.name)
        try:
            taken = dt.datetime.strptime(named["stamp"], "%Y%m%d-%H%M%S") if named else None
        except ValueError:
            taken = None
        found.append(
            DumpInfo(
                path,
                taken or dt.datetime.fromtimestamp(stat.st_mtime),
                stat.st_size,
                named["database"] if named else "?",
                _count_rows(path, "mentees"),
            )
        )
    return sorted(found, key=lambda d: (d.taken_at, d.path.name), reverse=True)


def newest_dump(folder: Path, database: str) -> Path | None:
    """The newest readable server backup of ``database`` in ``folder``."""
    for info in list_dumps(folder):
        if info.database == database and info.mentee_count is not None:
            return info.path
    return None


def table_rows(dump: Path, table: str) -> list[bytes] | None:
    """The rows ``dump`` holds for ``table`` (as COPY text lines); None when it can't be read."""
    pg_restore = find_tool("pg_restore")
    if pg_restore is None:
        return None
    done = subprocess.run(
        [str(pg_restore), "--data-only", f"--table={table}", "--file=-", str(dump)],
        capture_output=True,
    )
    if done.returncode != 0:
        return None
    rows: list[bytes] = []
    inside = False
    for line in done.stdout.splitlines():
        if inside:
            if line == b"\\.":
                inside = False
            else:
                rows.append(line)
        elif line.startswith(b"COPY ") and line.endswith(b" FROM stdin;"):
            inside = True
    return rows


def _count_rows(dump: Path, table: str) -> int | None:
    rows = table_rows(dump, table)
    return None if rows is None else len(rows)


def _unreadable(dump: Path) -> str:
    try:
        dump_contents(dump)
    except UserError as exc:
        return str(exc)
    return ""


def _first_line(stderr: str) -> str:
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    return lines[0] if lines else "no message"
