"""``check``, ``backup`` and ``restore``: the program file's health and its copies."""

from __future__ import annotations

import argparse
from pathlib import Path

from bridgedesk.cli.session import data_paths
from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import connection_settings, safety, server_backup
from bridgedesk.services.program_file.writing_lock import holding_data_folder


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("check", parents=[common], help="check the program database for damage")
    p.set_defaults(handler=run_check)

    p = sub.add_parser("backup", parents=[common], help="take a verified backup, or list backups")
    p.add_argument(
        "--to", metavar="FILE", type=Path, help="write the backup to this file or folder"
    )
    p.add_argument("--list", action="store_true", help="list the backups in the data folder")
    p.set_defaults(handler=run_backup)

    p = sub.add_parser(
        "restore", parents=[common], help="replace the program database with a backup"
    )
    p.add_argument("file", type=Path, help="the backup file to restore")
    p.set_defaults(handler=run_restore)


def run_check(args: argparse.Namespace) -> int:
    paths = data_paths(args)
    server = connection_settings.chosen_server(paths, getattr(args, "database_url", None))
    if server:
        return _check_server(paths, server)
    result = safety.check(paths)
    for note in result.notes:
        print(f"Note: {note}.")
    if result.ok:
        print("OK")
        return 0
    for problem in result.problems:
        print(f"Problem: {problem}.")
    if result.newest_good_backup:
        print(f"Newest good backup: {result.newest_good_backup}")
        print(f"Restore it with: bridgedesk restore {result.newest_good_backup}")
    else:
        print("No good backup was found.")
    return 1


def _check_server(paths: DataPaths, url: str) -> int:
    from bridgedesk.services.program_file.server_check import check_server

    result = check_server(url)
    for note in result.notes:
        print(f"Note: {note}.")
    if result.ok:
        print("OK")
        return 0
    for problem in result.problems:
        print(f"Problem: {problem}.")
    database = connection_settings.parse_server_url(url).database or ""
    newest = server_backup.newest_dump(paths.backups, database)
    if newest:
        print(f"Newest server backup: {newest}")
        print(
            "Restore it into a new, empty database with: bridgedesk --database-url "
            f"postgresql://USER@SERVER/NEW_DATABASE restore {newest}"
        )
    else:
        print(f"No server backup of database {database} was found in {paths.backups}.")
    return 1


def run_backup(args: argparse.Namespace) -> int:
    paths = data_paths(args)
    server = connection_settings.chosen_server(paths, getattr(args, "database_url", None))
    if args.list and server:
        return _list_server_backups(paths)
    if args.list:
        rows = safety.backup_rows(paths)
        if not rows:
            print(f"No backups in {paths.backups}.")
        for row in rows:
            size_kb = row.size_bytes / 1024
            mentees = "?" if row.mentee_count is None else str(row.mentee_count)
            print(
                f"{row.taken_at:%Y-%m-%d %H:%M:%S}  {size_kb:9.0f} KB  {mentees:>6} mentees  "
                f"{row.reason:<28} {row.location:<7}  {row.path}"
            )
        return 0
    if server:  # a shared server: pg_dump, or a sentence naming the administrator's job
        written = server_backup.backup_server(server, args.to or paths.backups)
        print(f"Server backup written and read back: {written}")
        return 0
    outcome = safety.backup_now(paths, args.to)
    print(f"Backup written and verified: {outcome.path}")
    if outcome.second_copy:
        print(f"Second copy written and verified: {outcome.second_copy}")
    if outcome.warning:
        print(outcome.warning)
    return 0


def _list_server_backups(paths: DataPaths) -> int:
    """The pg_dump backups in the data folder's backups/, newest first."""
    dumps = server_backup.list_dumps(paths.backups)
    if not dumps:
        print(f"No server backups in {paths.backups}.")
    for dump in dumps:
        mentees = "?" if dump.mentee_count is None else str(dump.mentee_count)
        print(
            f"{dump.taken_at:%Y-%m-%d %H:%M:%S}  {dump.size_bytes / 1024:9.0f} KB  "
            f"{mentees:>6} mentees  database {dump.database:<20} {dump.path}"
        )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    paths = data_paths(args)
    server = connection_settings.chosen_server(paths, getattr(args, "database_url", None))
    if server:
        return _restore_server(paths, server, args.file)
    with holding_data_folder(paths, "then restore again"):
        kept = safety.restore_from(paths, args.file)
    print(f"Restored {args.file.name}.")
    if kept:
        print(f"The database it replaced was kept as {kept}.")
    return 0


def _restore_server(paths: DataPaths, url: str, dump: Path) -> int:
    from bridgedesk.services.program_file.server_restore import restore_dump

    with holding_data_folder(paths, "then restore again"):
        report = restore_dump(url, dump)
    for line in report.lines():  # the last line says the row counts and checksums match
        print(line)
    return 0
