"""Keeping the hot paths fast.

Reading a large file builds hundreds of thousands of small objects that all
live until the end; CPython's cyclic garbage collector would rescan them over
and over (none of them form cycles we rely on collecting). The engine pauses
the collector while it reads, validates and writes, and restores it after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic GC for the block (re-entrant; restores the previous state)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
