"""End to end: `cleanclaim refdata import` loads the NCCI excerpts through the
ncci contract, then `cleanclaim scrub` of a JSON claim view uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main

CLAIM = {
    "claim_id": "BOB-7",
    "total_charge": "300",
    "frequency_code": "1",
    "place_of_service": "81",
    "diagnoses": ["Z13.89"],
    "billing_provider": {"npi": "1234567893", "name": "Lab", "address": {"zip": "627011234"}},
    "rendering_provider": {"npi": "1245319599"},
    "subscriber": {"member_id": "M7"},
    "patient": {"name": "BAKER BOB", "dob": "1975-01-01", "sex": "M"},
    "payer": {"name": "ACME HEALTH", "id": "ACME01", "filing_indicator": "CI"},
    "lines": [
        {
            "procedure": "0001U",
            "charge": "200",
            "units": "1",
            "dx_pointers": [1],
            "service_date": "2026-08-03",
        },
        {
            "procedure": "0030U",
            "charge": "100",
            "units": "1",
            "dx_pointers": [1],
            "service_date": "2026-08-03",
        },
    ],
}


@pytest.fixture
def refdata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code_store) -> Path:
    root = tmp_path / "refdata"
    monkeypatch.setenv("CLEANCLAIM_REFDATA_DIR", str(root))
    monkeypatch.setattr("cleanclaim.edits.refdata.load_code_source", lambda r: code_store)
    return root


def test_it_uses_the_ncci_tables_that_refdata_imported(
    shared_data: Path, refdata: Path, tmp_path: Path, capsys
) -> None:
    assert main(["refdata", "import", str(shared_data / "ncci")]) == 0
    capsys.readouterr()
    f = tmp_path / "claims.json"
    f.write_text(json.dumps({"claims": [CLAIM]}))
    rc = main(["scrub", str(f), "--json", "--as-of", "2026-08-20"])
    doc = json.loads(capsys.readouterr().out)
    assert rc == 1
    (claim,) = doc["claims"]
    rules = {x["rule"]: x for x in claim["findings"]}
    assert rules["NCCI-PTP-001"]["line"] == 2
    assert "v322r0" in rules["NCCI-PTP-001"]["source"]
    assert doc["notices"] == [
        "CPT procedure codes: no complete list loaded, codes checked for their shape only; "
        "import the practice's licensed CPT file (cleanclaim refdata import)",
        "HCPCS Level II procedure codes: no complete list loaded, codes checked for their "
        "shape only; import the HCPCS file (cleanclaim refdata import)",
        "NCCI PTP loaded only in part (ccipra-v322r0-f1.excerpt.txt): pairs not in it are "
        "not checked",
        "NCCI MUE loaded only in part (MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv):"
        " codes not in it are not checked",
        "NCCI add-on code edits not loaded: add-on codes not checked",
    ]
    assert doc["summary"] == {
        "claims": 1,
        "clean": 0,
        "warnings_only": 0,
        "with_errors": 1,
        "file_findings": 0,
        "file_errors": 0,
        "by_category": {"ncci-ptp": 1},
    }


def test_it_says_which_json_field_is_wrong(refdata: Path, tmp_path: Path, capsys) -> None:
    bad = dict(CLAIM, lines=[dict(CLAIM["lines"][0], service_date="2026-13-01")])
    f = tmp_path / "claims.json"
    f.write_text(json.dumps([bad]))
    assert main(["scrub", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "service_date" in err and "BOB-7" in err
