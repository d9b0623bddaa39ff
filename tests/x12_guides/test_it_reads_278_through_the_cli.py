"""``cleanclaim x12 parse / validate / parse --json / write`` work on a 278 with no
other wiring than the guide registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main
from cleanclaim.x12 import tokenize

SAMPLE = "x12/278/stupidedi_X217_pass_referral-response-to-request-for-review.edi"


@pytest.mark.shared_data
def test_it_validates_and_summarises_a_278(
    shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = shared_data / SAMPLE
    assert main(["x12", "validate", str(sample)]) == 0
    assert "valid" in capsys.readouterr().out
    assert main(["x12", "parse", str(sample)]) == 0
    assert "278" in capsys.readouterr().out


@pytest.mark.shared_data
def test_it_writes_the_json_view_back_to_the_same_278(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = shared_data / SAMPLE
    assert main(["x12", "parse", "--json", str(sample)]) == 0
    out = capsys.readouterr().out
    tx = json.loads(out)["transactions"][0]
    assert (tx["kind"], tx["authorization_number"]) == ("response", "AUTH0001")
    assert tx["event"]["decision"]["action"] == "A1"
    (tmp_path / "view.json").write_text(out)
    assert main(["x12", "write", str(tmp_path / "view.json"), "-o", str(tmp_path / "out.278")]) == 0
    assert [s.as_list() for s in tokenize((tmp_path / "out.278").read_bytes())[1]] == [
        s.as_list() for s in tokenize(sample.read_bytes())[1]
    ]
