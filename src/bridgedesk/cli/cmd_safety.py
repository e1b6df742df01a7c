"""``check``, ``backup`` and ``restore``: the program file's health and its copies."""

from __future__ import annotations

import argparse
from pathlib import Path

from bridgedesk.cli.session import data_paths
from bridgedesk.services import safety
from bridgedesk.storage.backup import list_backups


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
    result = safety.check(data_paths(args))
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


def run_backup(args: argparse.Namespace) -> int:
    paths = data_paths(args)
    if args.list:
        backups = list_backups(paths.backups)
        if not backups:
            print(f"No backups in {paths.backups}.")
        for info in backups:
            size_kb = info.size_bytes / 1024
            print(
                f"{info.taken_at:%Y-%m-%d %H:%M:%S}  {size_kb:9.0f} KB  {info.reason:<28} {info.path}"
            )
        return 0
    taken = safety.backup_now(paths, args.to)
    print(f"Backup written and verified: {taken}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    paths = data_paths(args)
    kept = safety.restore_from(paths, args.file)
    print(f"Restored {args.file.name}.")
    if kept:
        print(f"The database it replaced was kept as {kept}.")
    return 0
