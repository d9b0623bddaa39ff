"""The scrubber's claim carries the referring provider (2310A NM1*DN NM109) and the
payer responsibility (SBR01), which the referring-provider and secondary-claims
payer rules read; the JSON claim form carries the referring provider too."""

from __future__ import annotations

from pathlib import Path

from cleanclaim.edits.x12_adapter import read_837p
from cleanclaim.x12 import parse
from cleanclaim.x12.x222a1_837p import claims
from cleanclaim.x12.x222a1_837p.json import claim_from_json, claim_json

GOLDEN = (Path(__file__).resolve().parents[1] / "x12" / "golden" / "claims.837").read_text()
REFERRING = "NM1*DN*1*DOE*JOHN****XX*1234567893~"


def _with_referring() -> str:
    return GOLDEN.replace("NM1*82*1*NGUYEN", REFERRING + "NM1*82*1*NGUYEN", 1)


def test_it_reads_the_referring_npi_and_sbr01() -> None:
    read = {r.claim.claim_id: r.claim for r in read_837p(_with_referring().encode()).claims}
    assert read["RFM-1001"].referring_npi == "1234567893"
    assert read["RFM-1002"].referring_npi == ""
    assert read["RFM-1001"].payer_responsibility == "P"


def test_the_json_form_keeps_the_referring_provider() -> None:
    (claim, *_) = claims(parse(_with_referring()).transactions[0].data)
    assert claim.referring_provider is not None
    again = claim_from_json(claim_json(claim), where="claim")
    assert again.referring_provider == claim.referring_provider
