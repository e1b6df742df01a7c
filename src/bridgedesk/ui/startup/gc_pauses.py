"""Short garbage-collection pauses while big tables load.

Python's cyclic collector stops every thread while it runs, the GUI thread included. With
10,000 mentees a load builds tens of thousands of row objects, and full collections of
everything the process holds took 100-240 ms each (benchmarks/bench_figures.py): the window
stuttered while the Dashboard's second stage arrived. Two standard measures (see the ``gc``
module's documentation):

* ``gc.freeze()`` once the window is up: what start-up built (modules, Qt wrappers, the
  database's metadata) lives as long as the process, so collections stop scanning it;
* a larger first-generation threshold: fewer collections while rows are built, each still
  small. Reference counting frees everything without cycles at once, as before.

Measured on a 10,000-mentee program: the longest GUI-thread pause while the Dashboard loads
went from 144-310 ms to 34-91 ms.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000  # Python's default is 700


def settle_after_start() -> None:
    """Call once, after the main window is shown."""
    gc.collect()  # what start-up left as garbage goes now, not into the frozen set
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
