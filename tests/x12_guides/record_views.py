"""Record the JSON views of the 270/271, 276/277, 277CA and 278, for the before/after test.

``test_it_shows_the_same_json_views_as_before.py`` compares each guide's JSON view
with what this script wrote into ``recorded/json_views.json`` while the views were
still built from typed segment classes, before they read the placed tree directly
(issue 9). Regenerate (only on purpose, and say why in the commit) with::

    PYTHONPATH=src python tests/x12_guides/record_views.py

Cases: every sample under ``../shared/data/x12/{270,271,276,277,278}`` and every
golden file of ``golden/`` that is one of these guides. Whatever comes from
``../shared/data`` is recorded as a SHA-256 digest (the repository keeps no copy
of the shared files); the convenient fields of our own golden files are kept as
they are, to be read.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "recorded" / "json_views.json"
GOLDEN = HERE / "golden"
SHARED = HERE.parent.parent.parent / "shared" / "data" / "x12"
FOLDERS = ("270", "271", "276", "277", "278")
GUIDES = {"270", "271", "276", "277", "277CA", "278"}


def digest(value: Any) -> str:
    return "sha256:" + hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


def view(data: bytes) -> Any:
    """The JSON view of one file (``X12Error: ...`` when it cannot be read)."""
    from cleanclaim.x12 import X12Error, document_json, parse

    try:
        return document_json(parse(data))
    except X12Error as exc:
        return f"X12Error: {exc}"


def fields(doc: Any) -> Any:
    """The convenient fields of each set (the lossless segments and envelope left out)."""
    return [
        {k: v for k, v in tx.items() if k not in ("segments", "envelope")}
        for tx in doc["transactions"]
    ]


def shared_cases() -> Iterator[tuple[str, bytes]]:
    for folder in FOLDERS:
        for path in sorted((SHARED / folder).iterdir()):
            yield f"{folder}/{path.name}", path.read_bytes()


def golden_cases() -> Iterator[tuple[str, bytes]]:
    for path in sorted(GOLDEN.iterdir()):
        data = path.read_bytes()
        doc = view(data)
        if isinstance(doc, dict) and {t["guide"] for t in doc["transactions"]} <= GUIDES:
            yield f"golden/{path.name}", data


def record() -> dict[str, Any]:
    cases: dict[str, Any] = {name: digest(view(data)) for name, data in shared_cases()}
    cases.update({name: fields(view(data)) for name, data in golden_cases()})
    return {
        "about": "the JSON views before they read the placed tree directly; "
        "see tests/x12_guides/record_views.py",
        "cases": cases,
    }


def main() -> int:
    if not SHARED.is_dir():
        print(f"the shared samples are needed: {SHARED} not found", file=sys.stderr)
        return 2
    OUT.write_text(json.dumps(record(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
