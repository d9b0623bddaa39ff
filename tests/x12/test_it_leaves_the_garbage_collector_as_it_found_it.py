"""Reading pauses the cyclic GC and restores it; it never unfreezes someone else's objects."""

from __future__ import annotations

import copy
import gc
import json
from datetime import datetime
from pathlib import Path

from cleanclaim.x12 import parse, validate, write_json

GOLDEN = Path(__file__).parent / "golden"


def test_it_restores_an_enabled_collector() -> None:
    assert gc.isenabled()
    validate(parse((GOLDEN / "claims.837").read_bytes()))
    assert gc.isenabled()


def test_it_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    try:
        validate(parse((GOLDEN / "claims.837").read_bytes()))
        assert not gc.isenabled()
    finally:
        gc.enable()


def _big_file(claims: int) -> str:
    obj = json.loads((GOLDEN / "claims.json").read_text())
    tx = obj["transactions"][0]
    base = tx["claims"]
    tx["claims"] = [
        {**copy.deepcopy(base[i % len(base)]), "claim_id": f"C{i}"} for i in range(claims)
    ]
    return write_json(obj, now=datetime(2026, 11, 2, 9, 30))


def test_it_promotes_a_big_document_and_keeps_the_collector_on() -> None:
    text = _big_file(300)  # well over the 10,000 objects that trigger the promotion
    before = gc.get_count()[0]
    parsed = validate(parse(text))
    assert gc.isenabled() and gc.get_count()[0] <= before + 10_000
    assert parsed.findings() == []


def test_it_keeps_objects_frozen_by_the_application_frozen(monkeypatch) -> None:
    # Frozen objects may still die by reference counting, so the freeze count is no
    # witness; what must not happen is a call to gc.unfreeze() behind the application's back.
    text = _big_file(300)
    unfreeze = gc.unfreeze
    calls: list[int] = []
    gc.freeze()
    try:
        assert gc.get_freeze_count() > 0
        monkeypatch.setattr(gc, "unfreeze", lambda: calls.append(1) or unfreeze())
        validate(parse(text))
        monkeypatch.undo()
        assert calls == []
    finally:
        unfreeze()
