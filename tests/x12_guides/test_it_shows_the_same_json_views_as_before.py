"""Old versus new: the 270/271, 276/277, 277CA and 278 JSON views are what they were.

``recorded/json_views.json`` was written by ``record_views.py`` while these views
were built from typed segment classes, before they read the placed tree directly
(issue 9): for every shared sample of these guides a digest of its JSON view, for
our golden files the convenient fields themselves. Each must come out the same.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent
_spec = importlib.util.spec_from_file_location("record_views", HERE / "record_views.py")
assert _spec is not None and _spec.loader is not None
record_views = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("record_views", record_views)
_spec.loader.exec_module(record_views)

EXPECTED: dict[str, Any] = json.loads(
    (HERE / "recorded" / "json_views.json").read_text(encoding="utf-8")
)["cases"]
GOLDEN = sorted(k for k in EXPECTED if k.startswith("golden/"))
SHARED = sorted(k for k in EXPECTED if not k.startswith("golden/"))


@pytest.mark.parametrize("name", GOLDEN)
def test_it_shows_the_golden_files_as_before(name: str) -> None:
    data = (HERE / name).read_bytes()
    assert record_views.fields(record_views.view(data)) == EXPECTED[name]


@pytest.mark.shared_data
@pytest.mark.parametrize("name", SHARED)
def test_it_shows_the_shared_samples_as_before(name: str, shared_data: Path) -> None:
    data = (shared_data / "x12" / name).read_bytes()
    got = record_views.digest(record_views.view(data))
    assert got == EXPECTED[name], f"{name}: the JSON view changed (see record_views.py)"
