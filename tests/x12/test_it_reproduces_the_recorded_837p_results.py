"""The 837P engine gives what was recorded before it moved onto the guide model.

``golden/engine_837p.json`` (made by ``golden_837p.py``, see its docstring) holds,
for every 5010 837P sample, the golden claims file, each guide-rule defect of
it and a varied 40-claim file: the findings, the 999, the write-back and the
JSON view's fields, as the typed-loop engine gave them. The engine must give the
same, except for the differences listed in :data:`DIFFERENCES`, each with why.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from golden_837p import RECORD, files, result, sample_paths

#: Differences from the recorded results made on purpose: ``(reason, change)``, where
#: ``change`` turns a recorded finding row into what the engine gives now (``None``
#: drops it). Empty: the engine gives exactly what was recorded.
DIFFERENCES: list[tuple[str, Any]] = []


def _expected(recorded: dict[str, Any]) -> dict[str, Any]:
    if "findings" not in recorded or not DIFFERENCES:
        return recorded
    rows: list[Any] = []
    for row in recorded["findings"]:
        for _, change in DIFFERENCES:
            row = change(row) if row is not None else None
        if row is not None:
            rows.append(row)
    return {**recorded, "findings": rows}


def _compare(name: str, data: bytes | str, ours: bool, recorded: dict[str, Any]) -> None:
    got = json.loads(json.dumps(result(data, ours)))
    want = _expected(recorded)
    if "error" in want or "error" in got:
        assert got == want, name
        return
    assert sorted(map(tuple, got["findings"])) == sorted(map(tuple, want["findings"])), name
    assert got["findings"] == want["findings"], f"{name}: same findings, other order"
    assert got["view"] == want["view"], name
    assert got["write"] == want["write"], name
    assert got["ack"] == want["ack"], name


RECORDED: dict[str, Any] = json.loads(RECORD.read_text(encoding="utf-8"))
OURS = [(name, data) for name, data, ours in files() if ours]


@pytest.mark.parametrize("name,data", OURS, ids=[n for n, _ in OURS])
def test_it_gives_the_recorded_results_on_our_files(name: str, data: str) -> None:
    _compare(name, data, True, RECORDED[name])


@pytest.mark.shared_data
def test_it_gives_the_recorded_results_on_every_sample(shared_data: Path) -> None:
    paths = sample_paths()
    if not paths:
        pytest.skip("the shared 837P samples are not in ../shared/data/x12/837P")
    assert len(paths) == 35
    for path in paths:
        _compare(f"sample:{path.name}", path.read_bytes(), False, RECORDED[f"sample:{path.name}"])


def test_it_recorded_every_file() -> None:
    names = {name for name, _, _ in files()}
    assert {n for n in RECORDED if not n.startswith("sample:")} == {
        n for n in names if not n.startswith("sample:")
    }
