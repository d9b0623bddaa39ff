"""An ISA whose repetition separator (ISA11) is the component separator (ISA16), as in
older guide examples, or a letter or space such as 4010's ``U``: read with
repetitions unused and a warning. Only an element separator, component separator and
segment terminator that are not three different characters are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main
from cleanclaim.x12 import X12Error, parse, read_document, validate, write_document, write_json
from cleanclaim.x12._json_view import document_json

GOLDEN = (Path(__file__).parent / "golden" / "claims.837").read_text()
ISA_TAIL = "*^*00501*000000101*0*T*:~"


def _isa11(char: str) -> str:
    assert ISA_TAIL in GOLDEN
    return GOLDEN.replace(ISA_TAIL, f"*{char}*00501*000000101*0*T*:~")


@pytest.mark.parametrize(
    "char,said",
    [
        (":", "the same character as the component separator (ISA16)"),
        (" ", "a letter, digit or space"),
        ("U", "a letter, digit or space"),
    ],
)
def test_it_reads_it_with_repetitions_unused_and_a_warning(char: str, said: str) -> None:
    text = _isa11(char)
    parsed = validate(parse(text))
    assert parsed.document.delimiters.repetition == ""
    found = parsed.findings()
    assert [(f.code, f.severity, f.position, f.segment_id, f.element) for f in found] == [
        ("x12.isa.repetition-separator-unused", "warning", 1, "ISA", "ISA11")
    ]
    assert said in found[0].message and "repetitions are treated as unused" in found[0].message
    # the same claims as with a proper ISA11, and the ISA written back as it was read
    view = document_json(parsed)
    assert (
        view["transactions"][0]["claims"]
        == document_json(parse(GOLDEN))["transactions"][0]["claims"]
    )
    assert write_document(read_document(text)) == text
    assert write_json(json.loads(json.dumps(view))) == text


def test_it_keeps_the_warning_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old-example.837"
    path.write_text(_isa11(":"))
    assert main(["x12", "validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "warning: segment 1 ISA (ISA11): ISA11 repetition separator ':'" in out
    assert main(["x12", "parse", str(path)]) == 0
    assert "ISA11 repetition separator ':'" in capsys.readouterr().err
    assert main(["x12", "ack", str(path)]) == 0
    ack = capsys.readouterr().out
    assert "IK5*A~" in ack and "AK9*A*1*1*1~" in ack


@pytest.mark.parametrize(
    "isa_tail,said",
    [
        ("*^*00501*000000101*0*T**~", "both as the element separator and the component"),
        ("*^*00501*000000101*0*T*~~", "both as the component separator (ISA16) and the segment"),
    ],
)
def test_it_refuses_delimiters_that_are_not_distinct(isa_tail: str, said: str) -> None:
    with pytest.raises(X12Error, match=r"must be different characters") as caught:
        parse(GOLDEN.replace(ISA_TAIL, isa_tail))
    assert said in str(caught.value)


def test_it_refuses_them_in_one_line_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.837"
    path.write_text(GOLDEN.replace(ISA_TAIL, "*^*00501*000000101*0*T**~"))
    assert main(["x12", "validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
