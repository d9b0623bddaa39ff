"""A JSON claim form that is not one (nested past 64 levels, containers of the wrong
type, a field of the wrong type, NaN, UTF-16, a lone surrogate, a 5,000-digit number)
is one ``DocumentError`` line naming the document and the JSON path; and, fuzzed with
arbitrary JSON trees and mutations of a real claim form, the reader gives claims or its
own error, never another exception."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanclaim.edits.document import DocumentError, read_document_claims

GOLDEN = Path(__file__).resolve().parents[1] / "x12" / "golden" / "claims.json"
FORM: dict[str, Any] = json.loads(GOLDEN.read_text())


def _form(path: tuple[Any, ...], value: Any) -> bytes:
    obj = copy.deepcopy(FORM)
    target = obj
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return json.dumps(obj).encode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"[" * 5000 + b"]" * 5000, "up.json: line 1, column 65: JSON nested deeper than 64"),
        (
            b'{"claims": [' + b'{"a": ' * 70 + b"1" + b"}" * 70 + b"]}",
            "up.json: claims[0].a.a.a.a...a.a.a: JSON nested deeper than 64 levels",
        ),
        (b'{"claims": 5}', "up.json: claims: expected a list, got whole number"),
        (b'{"transactions": [[]]}', "up.json: transactions[0]: expected an object, got list"),
        (b'{"transactions": [{"claims": "C1"}]}', "transactions[0].claims: expected a list"),
        (b"[1]", "up.json: [0]: expected a JSON object (a claim), got whole number"),
        (b'[{"total_charge": NaN}]', "NaN is not a JSON value"),
        (b'[{"claim_id": "\\ud800"}]', "up.json: [0].claim_id: text holds a lone UTF-16"),
        (b'[{"claim_id": ' + b"9" * 5000 + b"}]", "a number has more than 4,300 digits"),
        ('[{"claim_id": "C1"}]'.encode("utf-16"), "up.json: not an X12 file as sent: it is UTF-16"),
        (b'[{"claim_id": "\xff"}]', "up.json: not UTF-8 (byte 0xff at offset 15)"),
        (b'{"error": {"a": 1}}', "up.json: the JSON holds an error, not claims"),
        (
            _form(("transactions", 0, "claims", 0, "lines", 0, "charge"), [1]),
            "up.json: transactions[0].claims[0] RFM-1001 line 1 charge: [1] is not an amount",
        ),
        (
            _form(("transactions", 0, "claims", 0, "lines", 0, "charge"), "1E+999999"),
            "line 1 charge: '1E+999999' is out of range for an amount",
        ),
        (
            _form(("transactions", 0, "claims", 0, "payer"), {"profile": ["medicare"]}),
            "transactions[0].claims[0] payer.profile: expected text, got list",
        ),
        (
            _form(("transactions", 0, "claims", 0, "patient"), {"name": {"x": "y" * 10_000}}),
            "RFM-1001 patient.name: expected text, got object",
        ),
    ],
)
def test_it_names_the_document_and_the_path(data: bytes, message: str) -> None:
    with pytest.raises(DocumentError) as info:
        read_document_claims(data, name="up.json")
    text = str(info.value)
    assert message in text and "\n" not in text and len(text) < 400, text


def test_it_still_reads_a_form_with_an_oversized_line_number_as_its_position() -> None:
    data = _form(("transactions", 0, "claims", 0, "lines", 0, "number"), "9" * 5000)
    claim, _ = read_document_claims(data, name="up.json").claims[0]
    assert claim.claim_id == "RFM-1001" and claim.lines[0].number == 1


JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["", "1", "2026-02-30", "20260101", "1E+9999", "NaN", "99213", "A"]),
)
KEYS = ["claims", "transactions", "lines", "charge", "payer", "patient", "claim_id"]
KEYS += ["diagnoses", "dx_pointers", "modifiers", "error", "profile", "address"]
JSON_TREES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(KEYS) | st.text(max_size=4),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=40,
)


def _try(data: bytes) -> None:
    try:
        got = read_document_claims(data, name="fuzz.json")
    except DocumentError as exc:
        assert str(exc).startswith("fuzz.json") and "\n" not in str(exc)
        return
    assert isinstance(got.claims, list)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(JSON_TREES, st.integers(0, 120))
def test_it_reads_or_refuses_any_json_tree(tree: Any, depth: int) -> None:
    body = json.dumps(tree)
    if depth > 60:  # bury the tree in deep nesting, past the limit or just under it
        body = "[" * depth + body + "]" * depth
    _try(body.encode())


def _paths(obj: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(obj, dict):
        for k, v in obj.items():
            out += _paths(v, (*path, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out += _paths(v, (*path, i))
    return out


PATHS = [p for p in _paths(FORM) if p]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), JSON_TREES), min_size=1, max_size=4))
def test_it_reads_or_refuses_any_mutation_of_a_claim_form(edits: list[tuple[Any, Any]]) -> None:
    obj = copy.deepcopy(FORM)
    for path, value in edits:
        target = obj
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit replaced a container on the way
    _try(json.dumps(obj).encode())
