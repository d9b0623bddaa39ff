"""The version in ST03 overrides its group's GS08: an 837I (``005010X223A2`` in ST03)
inside a GS that says X222A1 is refused as an 837I, not validated as a bad 837P; a
set whose ST03 and GS08 differ but both name a guide we read is read as ST03 says,
with a warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main
from cleanclaim.x12 import X12Error, parse, validate

GOLDEN = (Path(__file__).parent / "golden" / "claims.837").read_text()
ST = "ST*837*0001*005010X222A1~"


def _st03(version: str) -> str:
    return GOLDEN.replace(ST, f"ST*837*0001*{version}~")


@pytest.mark.parametrize(
    "version,name",
    [("005010X223A2", "837I (institutional)"), ("005010X224A2", "837D (dental)")],
)
def test_it_refuses_an_837i_or_837d_under_an_837p_group(version: str, name: str) -> None:
    with pytest.raises(X12Error) as caught:
        parse(_st03(version))
    message = str(caught.value)
    assert f"{name} is not supported" in message
    assert message.startswith("segment 3 (ST): transaction set 837 version " + version)
    assert "837P (005010X222A1)" in message  # what we do read


@pytest.mark.parametrize("action", ["parse", "validate", "ack"])
def test_it_refuses_it_in_one_line_through_the_cli(
    action: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "institutional.837"
    path.write_text(_st03("005010X223A2"))
    assert main(["x12", action, str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "837I (institutional) is not supported" in err


def test_it_names_the_refusal_in_the_json_view(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dental.837"
    path.write_text(_st03("005010X224A2"))
    assert main(["x12", "parse", "--json", str(path)]) == 2
    assert "837D (dental) is not supported" in json.loads(capsys.readouterr().out)["error"]


@pytest.mark.shared_data
def test_it_refuses_a_real_837i_relabelled_in_its_gs(shared_data: Path) -> None:
    sample = shared_data / "x12" / "837I" / "stupidedi_X223A2_pass_837-institutional-claim.edi"
    text = sample.read_text(encoding="latin-1")
    gs08 = "*X*005010X223A2~ST*"
    assert gs08 in text
    with pytest.raises(X12Error, match=r"837I \(institutional\) is not supported"):
        parse(text.replace(gs08, "*X*005010X222A1~ST*"))


def test_it_reads_a_set_as_its_st03_says_with_a_warning() -> None:
    # GS08 names the institutional guide, ST03 the professional one: an 837P
    text = GOLDEN.replace("*X*005010X222A1~", "*X*005010X223A2~")
    parsed = validate(parse(text))
    assert [t.guide.name for t in parsed.transactions] == ["837P"]
    found = parsed.findings()
    assert [(f.code, f.severity, f.position, f.element) for f in found] == [
        ("x12.version.st03-overrides-gs08", "warning", 3, "ST03")
    ]
    assert "'005010X222A1'" in found[0].message and "'005010X223A2'" in found[0].message


def test_it_reads_an_errata_st03_under_another_errata_gs08() -> None:
    parsed = validate(parse(_st03("005010X222A2")))
    assert [t.version for t in parsed.transactions] == ["005010X222A2"]
    assert [f.code for f in parsed.findings()] == ["x12.version.st03-overrides-gs08"]
    assert not parsed.has_errors
