"""The CLI: ``parse --json`` then ``write`` gives back the file; ``validate`` exits 1 on errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main
from cleanclaim.x12 import tokenize

GOLDEN = Path(__file__).parent / "golden"


def test_it_parses_then_writes_back_the_same_segments(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = (
        shared_data
        / "x12"
        / "837P"
        / "stupidedi_X222A1_pass_COB-claim-from-billing-provider-to-payer-b.edi"
    )
    assert main(["x12", "parse", "--json", str(sample)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    view = json.loads(out)
    assert view["file"] == str(sample) and view["x12_json_version"] == "1"
    claim = view["transactions"][0]["claims"][0]
    assert claim["claim_id"] == "26407789"
    assert claim["total_charge"] == "79.04"
    assert claim["diagnoses"] == ["477.9", "272.4", "278.0", "530.81"]  # ICD-9 (BK/BF) example
    assert [line["charge"] for line in claim["lines"]] == ["43", "15", "21.04"]
    (tmp_path / "view.json").write_text(out)
    assert main(["x12", "write", str(tmp_path / "view.json"), "-o", str(tmp_path / "out.837")]) == 0
    written = (tmp_path / "out.837").read_bytes()
    assert [s.as_list() for s in tokenize(written)[1]] == [
        s.as_list() for s in tokenize(sample.read_bytes())[1]
    ]


def test_it_prints_one_json_line_per_file(
    shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shared_data / "x12" / "837P"
    files = [
        folder / "lfh_demo-file__demo.837",
        folder / "lfh_837_004010X098A1__patient-is-subscriber.837",
    ]
    assert main(["x12", "parse", "--json", *map(str, files)]) == 2
    lines = capsys.readouterr().out.splitlines()
    assert [sorted(json.loads(line))[:2] for line in lines] == [
        ["file", "transactions"],
        ["error", "file"],
    ]


def test_it_exits_1_when_validation_finds_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = GOLDEN / "claims.837"
    bad = tmp_path / "bad.837"
    bad.write_text(good.read_text().replace("CLM*RFM-1001*182.50", "CLM*RFM-1001*180"))
    assert main(["x12", "validate", str(good)]) == 0
    assert capsys.readouterr().out.strip().endswith("valid")
    assert main(["x12", "validate", "--json", str(bad)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    (finding,) = report["findings"]
    assert finding["element"] == "2300 CLM02" and finding["ik403"] == "I12"
    assert "does not equal the sum of the line charges 182.50" in finding["message"]


def test_it_writes_the_999_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "ack.999"
    assert main(["x12", "ack", str(GOLDEN / "claims.837"), "-o", str(out)]) == 0
    assert "AK9*A*1*1*1~" in out.read_text()


def test_it_writes_an_837p_from_hand_written_claims(tmp_path: Path) -> None:
    out = tmp_path / "claims.837"
    assert main(["x12", "write", str(GOLDEN / "claims.json"), "-o", str(out)]) == 0
    assert main(["x12", "validate", str(out)]) == 0


def test_it_names_bad_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.json"
    path.write_text("{not json")
    assert main(["x12", "write", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cleanclaim x12: ") and "not valid JSON" in err and err.count("\n") == 1
