"""Old versus new: the 999 engine gives what it gave before it moved onto the guide model.

``golden/999_engine.json`` was recorded by ``record_999.py`` with the typed-loop 999
engine, before it was replaced (issue 9): for every 999 sample, mutation of the
X231A1 sample and 999 we build (the ack of every shared sample and of our golden
837P), the findings, the JSON view and the written-back bytes. Each case must give
the same again, except the differences listed in :data:`CHANGED`, each with its reason.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent
_spec = importlib.util.spec_from_file_location("record_999", HERE / "record_999.py")
assert _spec is not None and _spec.loader is not None
record_999 = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("record_999", record_999)  # its dataclass looks itself up there
_spec.loader.exec_module(record_999)

EXPECTED: dict[str, Any] = json.loads(
    (HERE / "golden" / "999_engine.json").read_text(encoding="utf-8")
)["cases"]

#: case → (what is recorded now instead, why it changed on purpose).
CHANGED: dict[str, tuple[Any, str]] = {}


def _now() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for case in record_999.read_cases():
        out[f"read:{case.name}"] = record_999.record_read(case)
    for case in record_999.received_files():
        ack = record_999.build(case.text)
        out[f"ack:{case.name}"] = record_999._digest(ack) if case.shared else ack
        if not ack.startswith("X12Error"):
            out[f"read:ack of {case.name}"] = record_999.record_read(
                record_999.Case(case.name, ack, case.shared)
            )
    return out


@pytest.fixture(scope="module")
def now(shared_data: Path) -> dict[str, Any]:
    return _now()


@pytest.mark.shared_data
def test_it_records_the_same_cases(now: dict[str, Any]) -> None:
    assert sorted(now) == sorted(EXPECTED)


@pytest.mark.shared_data
def test_it_gives_what_the_old_engine_gave_except_where_listed(now: dict[str, Any]) -> None:
    differ = {}
    for name, old in EXPECTED.items():
        new = now.get(name)
        if name in CHANGED:
            assert new != old, f"{name} is listed as changed but gives what it gave"
            assert new == CHANGED[name][0], name
        elif new != old:
            differ[name] = {"old": old, "new": new}
    assert differ == {}


def test_it_lists_a_reason_for_every_difference() -> None:
    for name, (_, reason) in CHANGED.items():
        assert name in EXPECTED, name
        assert len(reason) > 20, name
