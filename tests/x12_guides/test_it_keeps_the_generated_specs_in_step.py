"""The committed spec*.json files are exactly what the generator makes from
pyx12's maps and our documented patches (nobody edits them by hand)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.x12.guidekit.from_pyx12 import apply_patches, convert, convert_codes

pyx12 = pytest.importorskip("pyx12")
MAPS = Path(pyx12.__file__).parent / "map"
X12 = Path(__file__).resolve().parents[2] / "src" / "cleanclaim" / "x12"

SPECS = [
    ("835.5010.X221.A1.xml", "x221a1_835/spec.json", None),
    ("277.5010.X214.xml", "x214_277ca/spec.json", None),
    ("277.5010.X212.xml", "x212_276_277/spec_277.json", "x212_276_277/patches_277.json"),
    ("276.4010.X093.A1.xml", "x212_276_277/spec_276.json", "x212_276_277/patches_5010.json"),
    ("270.4010.X092.A1.xml", "x279a1_270_271/spec_270.json", "x279a1_270_271/patches_5010.json"),
    ("271.4010.X092.A1.xml", "x279a1_270_271/spec_271.json", "x279a1_270_271/patches_5010.json"),
]


@pytest.mark.parametrize(("source", "target", "patches"), SPECS, ids=lambda x: str(x))
def test_it_generates_the_committed_spec(source, target, patches):
    data = convert(MAPS / source)
    if patches:
        apply_patches(data, json.loads((X12 / patches).read_text()))
        data["source"] += f", with 5010 corrections from {Path(patches).name}"
    assert data == json.loads((X12 / target).read_text())


def test_it_generates_the_committed_external_code_lists():
    committed = json.loads((X12 / "guidekit" / "external_codes.json").read_text())
    assert convert_codes(MAPS / "codes.xml") == committed
