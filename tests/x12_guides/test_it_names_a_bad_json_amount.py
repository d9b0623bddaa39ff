"""Building from JSON: a bad amount is one X12Error naming the field (parsed by
``cleanclaim.money``), never a traceback; an absent optional amount is left out."""

from __future__ import annotations

import copy
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from test_it_builds_835_and_270_from_json import REMITTANCE

from cleanclaim.x12 import X12Error
from cleanclaim.x12._json_view import write_json

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        (("total_payment",), 132.5, "total_payment: floats are not money"),
        (("total_payment",), None, "total_payment is required"),
        (("claims", 0, "paid"), "132,50", "claims[0].paid: '132,50' is not an amount"),
        (
            ("claims", 0, "services", 0, "adjustments", 0, "amount"),
            "thirty",
            "adjustments[0].amount: 'thirty' is not an amount",
        ),
        (("claims", 0, "services", 0, "allowed"), True, "allowed: True is not an amount"),
    ],
)
def test_it_names_the_field(path: tuple, value: object, words: str) -> None:
    obj = copy.deepcopy(REMITTANCE)
    node: object = obj
    for key in path[:-1]:
        node = node[key]  # type: ignore[index]
    node[path[-1]] = value  # type: ignore[index]
    with pytest.raises(X12Error) as info:
        write_json(obj, now=NOW)
    assert words in str(info.value)


def test_it_leaves_out_an_absent_optional_amount() -> None:
    obj = copy.deepcopy(REMITTANCE)
    del obj["claims"][0]["services"][0]["allowed"]
    assert "AMT*B6" not in write_json(obj, now=NOW)
    assert "AMT*B6*120" in write_json(copy.deepcopy(REMITTANCE), now=NOW)
