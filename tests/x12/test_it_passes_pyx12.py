"""pyx12 (PyPI ``pyx12`` 4.0, dev dependency) is the outside referee.

1. Every 837P we write passes pyx12's validator with no error.
2. On the shared 5010 837P samples our verdict (valid or not) agrees with
   pyx12's, except where we apply a rule pyx12 does not implement:

   * ``837p.provider.npi`` -- the NPI check digit (Luhn over 80840 + nine digits,
     45 CFR 162.406); pyx12 checks only that NM109 is 2-80 characters;
   * ``837p.billing.zip9`` -- 005010X222A1 2010AA N403 must be a nine-digit
     ZIP+4 for a US billing provider; pyx12's map allows 3-15 characters.

   Each disagreement must be explained by those two rules alone; once they are
   set aside, the verdicts agree on every sample.

pyx12 is slow (about 0.25 s per sample here), so it only sees small files.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from cleanclaim.x12 import parse, validate, write_json

GOLDEN = Path(__file__).parent / "golden"
PYX12_DOES_NOT_CHECK = {"837p.provider.npi", "837p.billing.zip9"}

Referee = Callable[[str], tuple[bool, list[dict[str, Any]]]]


def _more_claims(n: int) -> dict[str, Any]:
    """The golden claims, repeated with new claim ids and dates: many HLs, 2000C, COB-free."""
    obj = json.loads((GOLDEN / "claims.json").read_text())
    tx = obj["transactions"][0]
    base = tx["claims"]
    tx["claims"] = []
    for i in range(n):
        c = copy.deepcopy(base[i % len(base)])
        c["claim_id"] = f"{c['claim_id']}-{i}"
        if i % 2:
            c["subscriber"]["member_id"] += str(i)  # a new subscriber loop
        tx["claims"].append(c)
    return obj


def test_it_writes_837ps_that_pyx12_accepts(pyx12_validate: Referee) -> None:
    for obj in (json.loads((GOLDEN / "claims.json").read_text()), _more_claims(12)):
        text = write_json(obj, now=datetime(2026, 11, 2, 9, 30))
        ok, errors = pyx12_validate(text)
        assert ok and errors == [], errors
        assert validate(parse(text)).findings() == []


@pytest.mark.slow
def test_it_agrees_with_pyx12_on_the_samples(
    samples_837p: list[Path], pyx12_validate: Referee
) -> None:
    disagreements = []
    for path in samples_837p:
        text = path.read_bytes().decode("latin-1")
        theirs_ok, _ = pyx12_validate(text)
        ours = {f.code for f in validate(parse(text)).findings() if f.is_error}
        if theirs_ok != (not ours):
            disagreements.append(path.name)
            assert theirs_ok and ours <= PYX12_DOES_NOT_CHECK, (path.name, ours)
        assert theirs_ok == (not (ours - PYX12_DOES_NOT_CHECK)), (path.name, ours)
    # Two samples are clean for both; every other pyx12-valid sample has a bad NPI or ZIP.
    assert len(disagreements) == 23
