"""A 4010 file or a file that is not X12 gets one clear line on stderr and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.cli import main


@pytest.mark.parametrize("action", ["parse", "validate", "ack"])
def test_it_refuses_the_4010_samples(
    action: str, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted((shared_data / "x12" / "837P").glob("*004010X098A1*"))
    assert len(files) == 6
    for path in files:
        assert main(["x12", action, str(path)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1, err
        assert "004010X098A1 is X12 4010" in err
        assert "Traceback" not in err


def test_it_refuses_a_sample_with_prose_before_the_isa(
    shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Known defect of stupidedi_X222_case_1.edi: it opens with a prose title
    # ("Example 1 - Commercial Health Insurance") before its ISA; it is also the
    # pre-errata 005010X222. We do not guess where X12 starts in free text.
    path = shared_data / "x12" / "837P" / "stupidedi_X222_case_1.edi"
    assert main(["x12", "parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert "must start with an ISA segment (found 'Example 1 - Commerci')" in err


def test_it_refuses_a_file_that_is_not_x12(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Dear payer, please pay.\n")
    assert main(["x12", "validate", str(path)]) == 2
    assert capsys.readouterr().err.strip().endswith("(found 'Dear payer, please p')")


def test_it_names_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["x12", "parse", "--json", str(tmp_path / "nope.837")]) == 2
    out = capsys.readouterr().out
    assert '"error":"cannot read' in out and "nope.837" in out
