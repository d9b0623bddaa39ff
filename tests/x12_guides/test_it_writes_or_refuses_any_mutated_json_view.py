"""Fuzz: the JSON view of each guide's golden file (837P claims form, 835, 270, 276,
277CA, 278, 999), with fields replaced by JSON of any type or removed, is written back
as X12 or refused with ``X12Error`` (one line); never any other exception."""

from __future__ import annotations

import copy
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanclaim.x12 import X12Error, document_json, parse, write_json

HERE = Path(__file__).parent
DOCS: list[Any] = [
    json.loads((HERE.parent / "x12" / "golden" / "claims.json").read_text()),
    json.loads((HERE.parent / "x12" / "golden" / "999_engine.json").read_text()),
    *(document_json(parse(p.read_bytes())) for p in sorted((HERE / "golden").iterdir())),
]


def _paths(obj: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(obj, dict):
        for k, v in obj.items():
            out += _paths(v, (*path, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out += _paths(v, (*path, i))
    return [p for p in out if p]


PATHS = [_paths(d) for d in DOCS]
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False),
    st.text(max_size=6),
    st.sampled_from(["", "1", "2026-02-30", "1E+999999", "~", "*", "x" * 300]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_it_writes_or_names_the_field(data: st.DataObject) -> None:
    which = data.draw(st.integers(0, len(DOCS) - 1))
    obj = copy.deepcopy(DOCS[which])
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(PATHS[which]))
        target = obj
        try:
            for key in path[:-1]:
                target = target[key]
            if isinstance(target, dict) and data.draw(st.booleans()):
                del target[path[-1]]
            else:
                target[path[-1]] = data.draw(VALUES)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit replaced a container on the way
    try:
        text = write_json(obj, now=datetime(2026, 11, 2, 9, 30))
    except X12Error as exc:
        assert str(exc) and "\n" not in str(exc).strip()
        return
    assert text.startswith("ISA")
