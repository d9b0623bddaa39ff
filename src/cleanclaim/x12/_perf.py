"""Keeping the hot paths fast.

Reading a large file builds hundreds of thousands of small objects that all
live until the end; CPython's cyclic garbage collector would rescan them over
and over (none of them form cycles we rely on collecting). The engine pauses
the collector while it reads, validates and writes, and restores it after.

On the way out, the objects made in the block are moved straight to the oldest
generation (``gc.freeze()`` then ``gc.unfreeze()``, documented CPython API): a
parsed document is long-lived by nature, and without this the young-generation
collections right after would walk every one of them once or twice more. Nothing
is leaked: the objects are freed by reference counting as usual, and cyclic
garbage among them is still found by the next full collection.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]

#: Promote to the oldest generation only after a big block (a small file costs nothing).
_PROMOTE_ABOVE = 10_000


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic GC for the block (re-entrant; restores the previous state)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # Never touch a permanent generation someone else froze (pre-fork servers).
            if gc.get_count()[0] > _PROMOTE_ABOVE and gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
