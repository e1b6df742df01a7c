"""Cancel for an import: honoured only until the import begins writing."""

from __future__ import annotations

import threading


class CancelGate:
    """Cancel is honoured only until the import begins writing.

    The import service takes no cancel callback and reports no progress: it checks every
    row, then writes all of them in ONE transaction (10,000 rows in under two seconds).
    Stopping it halfway would gain nothing, so Cancel works before the write starts (while
    the backup is taken) and is then removed. The lock settles a click that races the start.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.cancelled = False
        self.started = False

    def cancel(self) -> bool:
        """Ask to stop; False when the import is already writing and will finish."""
        with self._lock:
            if not self.started:
                self.cancelled = True
            return self.cancelled

    def begin(self) -> bool:
        """Called by the work just before writing; False when Cancel came first."""
        with self._lock:
            if not self.cancelled:
                self.started = True
            return self.started
