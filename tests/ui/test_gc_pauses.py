"""Start-up settles the garbage collector: start-up objects frozen, fewer young collections."""

from __future__ import annotations

import gc

from bridgedesk.ui.startup import gc_pauses


def test_settling_freezes_what_start_up_built_and_raises_the_young_threshold():
    before = gc.get_threshold()
    try:
        kept = [object() for _ in range(10)]  # start-up objects: they outlive the window
        gc_pauses.settle_after_start()
        assert gc.get_freeze_count() >= len(kept)
        assert gc.get_threshold() == (gc_pauses.YOUNG_THRESHOLD, before[1], before[2])
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
