"""The remittance engine's differences agree with the X12 validator's verdict, and
name where and by how much a file is off."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cleanclaim.remittance import balance
from cleanclaim.testing.remits import many_claims_835
from cleanclaim.x12 import parse
from cleanclaim.x12.x221a1_835.validation import is_balanced

pytestmark = pytest.mark.shared_data


def test_it_agrees_with_the_validator_on_every_sample(samples_835: list[Path]) -> None:
    verdicts = []
    for path in samples_835:
        for t in parse(path.read_bytes()).transactions:
            tx = t.data
            verdicts.append(is_balanced(tx, tx.delimiters))
            assert (not balance(tx.remittance)) == verdicts[-1], path.name
    assert True in verdicts and False in verdicts  # the samples hold both kinds


def test_it_shows_where_and_how_much() -> None:
    data = many_claims_835(2).replace(b"CLP*RC0000002*1*165*110", b"CLP*RC0000002*1*165*111")
    tx = parse(data).transactions[0].data
    assert not is_balanced(tx, tx.delimiters)
    diffs = balance(tx.remittance)
    assert [(d.level, d.claim, d.difference) for d in diffs] == [
        ("claim", "RC0000002", Decimal("-1")),
        ("payment", "", Decimal("-1")),
    ]
    assert diffs[0].trace == "TRACE1000"
    assert "off by -1" in diffs[0].message
