"""modifier-invalid against loaded modifier lists (the real modifiers.csv through the
codes engine): unknown modifiers flagged, ambulance origin/destination pairs accepted
on ambulance codes."""

from __future__ import annotations

import gc
import warnings
from pathlib import Path

import pytest

from cleanclaim.codes import importing
from cleanclaim.codes.store import open_store
from cleanclaim.edits import ScrubContext


@pytest.fixture(scope="module")
def mod_ctx_store(shared_data: Path, tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("mods")
    importing.import_file(shared_data / "codes" / "modifiers.csv", root)
    store = open_store(root)
    with warnings.catch_warnings():  # see conftest.code_store
        warnings.simplefilter("ignore", ResourceWarning)
        store.releases()
        gc.collect()
    return store


def test_it_flags_an_unknown_modifier(mk, mod_ctx_store) -> None:
    ctx = ScrubContext(as_of=mk.TODAY, codes=mod_ctx_store)
    (f,) = mk.findings(mk.claim(mk.line(1, "11042", modifiers=("Q!",))), ctx, "MOD-001")
    assert "'Q!'" in f.message
    (g,) = mk.findings(mk.claim(mk.line(1, "11042", modifiers=("ZZ",))), ctx, "MOD-001")
    assert "ZZ" in g.message and g.carc == "182"


def test_it_accepts_known_modifiers(mk, mod_ctx_store) -> None:
    ctx = ScrubContext(as_of=mk.TODAY, codes=mod_ctx_store)
    c = mk.claim(
        mk.line(1, "11042", modifiers=("RT", "59")), mk.line(2, "99213", modifiers=("25",))
    )
    assert [r for r in mk.rules_of(c, ctx) if r.startswith("MOD-")] == []


def test_it_accepts_ambulance_origin_destination_pairs(mk, mod_ctx_store) -> None:
    ctx = ScrubContext(as_of=mk.TODAY, codes=mod_ctx_store)
    ok = mk.claim(mk.line(1, "A0427", modifiers=("RH",)))
    assert mk.findings(ok, ctx, "MOD-001") == []
    not_ambulance = mk.claim(mk.line(1, "99213", modifiers=("RH",)))
    assert len(mk.findings(not_ambulance, ctx, "MOD-001")) == 1
