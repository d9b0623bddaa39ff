"""The guide trees are built from the installed pyx12 maps (decision 0404), not committed files."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from cleanclaim.x12._errors import X12Error
from cleanclaim.x12.guidekit import from_pyx12
from cleanclaim.x12.x221a1_835.loops import spec as spec_835


def test_it_builds_the_835_tree_with_its_guide_loops() -> None:
    tree = spec_835()
    ids: set[str] = set()

    def walk(node: object) -> None:
        ident = getattr(node, "id", None)
        if ident:
            ids.add(ident)
        for child in getattr(node, "children", ()):
            walk(child)

    walk(tree)
    assert {"1000A", "1000B", "2000", "2100", "2110"} <= ids


def test_it_commits_no_generated_spec_files() -> None:
    x12 = Path(from_pyx12.__file__).resolve().parents[1]
    assert not list(x12.rglob("spec*.json"))
    assert not list(x12.rglob("external_codes.json"))


def test_it_says_what_to_do_when_the_maps_are_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(X12Error, match="reinstall"):
        from_pyx12.pyx12_map_dir()
