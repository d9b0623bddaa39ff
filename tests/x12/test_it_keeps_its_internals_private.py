"""Code outside the X12 engine uses its public surface only: nothing in the product
(``src/cleanclaim`` outside ``x12/``) or in the benchmarks imports one of the engine's
private modules (``cleanclaim.x12._name``), and every such module is reachable only
through the names ``cleanclaim.x12`` exports."""

from __future__ import annotations

import re
from pathlib import Path

import cleanclaim.x12 as x12

ROOT = Path(__file__).resolve().parents[2]
PRIVATE = re.compile(r"cleanclaim\.x12\._[a-z]|from cleanclaim\.x12 import [^\n]*\b_[a-z]")


def test_it_is_imported_through_its_public_names_only() -> None:
    outside = [
        p
        for folder in ("src/cleanclaim", "bench")
        for p in (ROOT / folder).rglob("*.py")
        if "x12" not in p.relative_to(ROOT / folder).parts[:1]
    ]
    assert len(outside) > 50
    offenders = [str(p.relative_to(ROOT)) for p in outside if PRIVATE.search(p.read_text())]
    assert offenders == []


def test_it_names_its_internal_modules_with_an_underscore() -> None:
    core = sorted(p.stem for p in Path(x12.__file__).parent.glob("*.py"))
    public = {"__init__", "finding_codes"}
    assert [m for m in core if m not in public and not m.startswith("_")] == []
    assert {"parse", "validate", "write_document", "write_json", "find_guide"} <= set(x12.__all__)
