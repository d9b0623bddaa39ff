"""Scrubbing a document pauses the cyclic GC with the X12 engine's helper (one copy,
``cleanclaim.x12.gc_paused``) and leaves the collector as it found it."""

from __future__ import annotations

import gc
from pathlib import Path

from cleanclaim import x12
from cleanclaim.edits import batch, document

GOLDEN_837 = Path(__file__).parents[1] / "x12" / "golden" / "claims.837"


def test_it_restores_an_enabled_collector(ctx) -> None:
    assert gc.isenabled()
    assert document.scrub_document(GOLDEN_837.read_bytes(), ctx, name="claims.837")
    assert gc.isenabled()


def test_it_leaves_a_disabled_collector_disabled(ctx) -> None:
    gc.disable()
    try:
        document.scrub_document(GOLDEN_837.read_bytes(), ctx, name="claims.837")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_it_uses_the_one_helper_of_the_engine() -> None:
    assert document.gc_paused is x12.gc_paused
    assert batch.gc_paused is x12.gc_paused
