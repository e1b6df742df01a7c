"""A process that keeps the program open as the window does, driven line by line on stdin.

``python -m tests.safety.window_like_holder DATA_DIR``: opens the program, then for each
line read: ``add NAME`` saves a mentee, ``backup`` takes a backup the way File > Backups >
Back up now does (in this process, with the file open), ``quit`` closes. Prints ``ok``
after each step, so a test can wait for it.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program_file.safety import backup_now


def main() -> None:
    paths = DataPaths(Path(sys.argv[1])).ensure()
    ctx = open_program(paths, actor="window")
    roster = RosterService(ctx)
    print("ok", flush=True)
    for line in sys.stdin:
        word, _, rest = line.strip().partition(" ")
        if word == "add":
            given, _, family = rest.partition(" ")
            fields = MenteeFields(given_names=given, family_name=family, start_date=dt.date.today())
            roster.create(fields)
        elif word == "backup":
            backup_now(paths)
        elif word == "quit":
            break
        print("ok", flush=True)
    ctx.db.dispose()


if __name__ == "__main__":
    main()
