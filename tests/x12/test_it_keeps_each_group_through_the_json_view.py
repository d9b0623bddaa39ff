"""Several GS groups in one interchange and several ST sets in one group, even with
repeated control numbers: the JSON view keeps each set's group (GS elements and which
group it was), so ``parse --json`` then ``write`` restores the same GS/GE boundaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main
from cleanclaim.x12 import X12Error, document_json, parse, read_document, write_json

GOLDEN = (Path(__file__).parent / "golden" / "claims.837").read_text()
ISA, GS, *_ = GOLDEN.splitlines(keepends=True)
SET = GOLDEN[GOLDEN.index("ST*837") : GOLDEN.index("GE*")]


def _interchange(groups: list[int]) -> str:
    """One ISA; one identical GS (control number 101 each time) per entry, holding that
    many identical sets (ST02 0001 each time)."""
    body = "".join(GS + SET * n + f"GE*{n}*101~\n" for n in groups)
    return ISA + body + f"IEA*{len(groups)}*000000101~\n"


def _shape(text: str) -> list[list[list[str]]]:
    """Per interchange, per group, the ST02 of each set (and the GS06 first)."""
    doc = read_document(text)
    return [
        [[g.control_number, *(ts.control_number for ts in g.transactions)] for g in ic.groups]
        for ic in doc.interchanges
    ]


FILES = {
    "two identical groups of one set": _interchange([1, 1]),
    "groups of 2, 1 and 3 sets": _interchange([2, 1, 3]),
    "two identical interchanges": _interchange([1]) + _interchange([2]),
}


@pytest.mark.parametrize("text", FILES.values(), ids=FILES.keys())
def test_it_writes_back_the_same_groups_and_sets(text: str) -> None:
    view = json.loads(json.dumps(document_json(parse(text))))
    written = write_json(view)
    assert _shape(written) == _shape(text)
    assert written == text


def test_it_numbers_the_interchange_and_group_of_each_set() -> None:
    view = document_json(parse(_interchange([2, 1]) + _interchange([1])))
    assert [
        (t["envelope"]["interchange_index"], t["envelope"]["group_index"])
        for t in view["transactions"]
    ] == [(0, 0), (0, 0), (0, 1), (1, 2)]


def test_it_restores_the_groups_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "batch.837"
    path.write_text(_interchange([2, 1, 3]))
    assert main(["x12", "parse", "--json", str(path)]) == 0
    (tmp_path / "view.json").write_text(capsys.readouterr().out)
    assert main(["x12", "write", str(tmp_path / "view.json"), "-o", str(tmp_path / "out.837")]) == 0
    assert _shape((tmp_path / "out.837").read_text()) == [
        [["101", "0001", "0001"], ["101", "0001"], ["101", "0001", "0001", "0001"]]
    ]


def test_it_still_joins_sets_without_group_indexes_by_their_envelope() -> None:
    view = document_json(parse(_interchange([1, 1])))
    for t in view["transactions"]:
        del t["envelope"]["interchange_index"], t["envelope"]["group_index"]
    assert _shape(write_json(view)) == [[["101", "0001", "0001"]]]


def test_it_names_a_bad_group_index() -> None:
    view = document_json(parse(_interchange([1])))
    view["transactions"][0]["envelope"]["group_index"] = "first"
    with pytest.raises(X12Error, match=r"transactions\[0\]\.envelope\.group_index: must be"):
        write_json(view)


@pytest.mark.shared_data
def test_it_changes_nothing_written_back_for_the_samples(shared_data: Path) -> None:
    """The indexes are new in every sample's JSON view (on purpose: nothing else says
    which group a set was read in); on the samples, whose groups all differ, writing
    back with or without them gives the same file."""
    count = 0
    for path in sorted(p for p in (shared_data / "x12").rglob("*") if p.is_file()):
        try:
            view = document_json(parse(path.read_bytes()))
        except X12Error:
            continue
        with_indexes = write_json(json.loads(json.dumps(view)))
        for t in view["transactions"]:
            assert set(t["envelope"]) == {
                "delimiters",
                "isa",
                "gs",
                "interchange_index",
                "group_index",
            }
            del t["envelope"]["interchange_index"], t["envelope"]["group_index"]
        assert write_json(view) == with_indexes, path.name
        count += 1
    assert count > 80
