"""Open (and so upgrade) the program in DATA_DIR, as a start of BridgeDesk does; for kill tests.

Prints ``start`` once its imports are done, just before opening, and ``done`` after.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths

if __name__ == "__main__":
    paths = DataPaths(Path(sys.argv[1]))
    print("start", flush=True)
    open_program(paths, actor="upgrade-test").db.dispose()
    print("done", flush=True)
