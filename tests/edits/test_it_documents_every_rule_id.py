"""docs/edits.md names every rule id of the catalogue (``scrub --catalogue``, the
/scrub/rules/ page): a rule added to the registry is added to the docs too."""

from __future__ import annotations

import re
from pathlib import Path

from cleanclaim.edits import catalogue

DOCS = Path(__file__).resolve().parents[2] / "docs" / "edits.md"


def test_it_names_every_rule_id_in_the_docs() -> None:
    text = DOCS.read_text()
    # "DX-PTR-001/002" names DX-PTR-001 and DX-PTR-002
    text = re.sub(r"\b([A-Z][A-Z0-9-]*-)(\d{3})/(\d{3})\b", r"\1\2 \1\3", text)
    missing = [r["id"] for r in catalogue() if r["id"] not in text]
    assert missing == []
