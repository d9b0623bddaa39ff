"""Pretty-printed files: a terminator followed by line breaks and indentation, blank
lines, or a line break as the terminator with leading spaces on every segment. Read
with a warning; written back with one line break per segment and no indentation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main
from cleanclaim.x12 import document_json, parse, tokenize, validate, write_document, write_json

GOLDEN = (Path(__file__).parent / "golden" / "claims.837").read_text()
SEGMENTS = [s.as_list() for s in tokenize(GOLDEN)[1]]


def _indented(text: str, terminator: str = "~") -> str:
    """Each segment on its own line, indented by its envelope depth (as editors do)."""
    depth = {"ISA": 0, "IEA": 0, "GS": 2, "GE": 2, "ST": 4, "SE": 4}
    lines = [line.rstrip("~") for line in text.splitlines()]
    out = [" " * depth.get(line.split("*")[0], 6) + line + terminator for line in lines]
    return "\n".join(out) + "\n"


SHAPES = {
    "terminator, line break, spaces": _indented(GOLDEN),
    "terminator, CRLF, tabs": GOLDEN.replace("~\n", "~\r\n\t"),
    "terminator, blank lines": GOLDEN.replace("~\n", "~\n\n"),
    "line break as terminator, leading spaces": _indented(GOLDEN, terminator=""),
    "line break as terminator, blank lines": GOLDEN.replace("~\n", "\n\n"),
    "CR as terminator, LF, spaces": GOLDEN.replace("~\n", "\r\n  "),
}


@pytest.mark.parametrize("text", SHAPES.values(), ids=SHAPES.keys())
def test_it_reads_the_same_segments_with_a_warning(text: str) -> None:
    assert text != GOLDEN
    assert [s.as_list() for s in tokenize(text)[1]] == SEGMENTS
    found = validate(parse(text)).findings()
    assert [(f.code, f.severity, f.position, f.segment_id) for f in found] == [
        ("x12.layout.pretty-printed", "warning", 1, "ISA")
    ]
    assert "pretty-printed" in found[0].message


def test_it_names_what_is_pretty() -> None:
    (indented,) = validate(parse(_indented(GOLDEN))).findings()
    assert "(indentation between segments)" in indented.message
    (blank,) = validate(parse(GOLDEN.replace("~\n", "~\n\n"))).findings()
    assert "(blank lines between segments)" in blank.message


def test_it_writes_back_one_line_break_per_segment_without_indentation() -> None:
    # terminator "~": the line break after the ISA's terminator is kept (suffix)
    assert write_document(parse(_indented(GOLDEN)).document) == GOLDEN
    assert write_document(parse(GOLDEN.replace("~\n", "~\r\n\t")).document) == GOLDEN.replace(
        "~\n", "~\r\n"
    )
    # a line break as the terminator: the same segments, each ending with it
    written = write_document(parse(_indented(GOLDEN, terminator="")).document)
    assert written == GOLDEN.replace("~\n", "\n")
    written = write_document(parse(GOLDEN.replace("~\n", "\r\n  ")).document)
    assert written == GOLDEN.replace("~\n", "\r\n")


def test_it_reads_pretty_printed_interchanges_one_after_the_other() -> None:
    second = GOLDEN.replace("000000101", "000000102")
    text = (_indented(GOLDEN) + "\n" + _indented(second)).replace("\nIEA", "\n\n  IEA")
    doc = parse(text).document
    assert [ic.control_number for ic in doc.interchanges] == ["000000101", "000000102"]
    assert [len(ic.groups) for ic in doc.interchanges] == [1, 1]
    assert [f.position for f in doc.notes] == [1, len(SEGMENTS) + 1]
    assert write_document(doc) == GOLDEN + second


def test_it_reads_and_writes_it_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "pretty.837"
    path.write_text(_indented(GOLDEN))
    assert main(["x12", "validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "warning: segment 1 ISA: the file is pretty-printed" in out
    assert main(["x12", "parse", "--json", str(path)]) == 0
    view = capsys.readouterr().out
    assert [w["code"] for w in json.loads(view)["warnings"]] == ["x12.layout.pretty-printed"]
    (tmp_path / "view.json").write_text(view)
    assert main(["x12", "write", str(tmp_path / "view.json"), "-o", str(tmp_path / "out.837")]) == 0
    assert (tmp_path / "out.837").read_text() == GOLDEN
    assert write_json(document_json(parse(path.read_text()))) == GOLDEN
