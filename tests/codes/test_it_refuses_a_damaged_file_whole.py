"""``refdata import`` of a damaged file (cut off mid-line, mid-quote or at a line break, a
row of the wrong shape, XML with a DTD or nested past any tabular) exits 2 with one line
naming the file and the line, and the release in use stays the one in use."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.cli import main
from cleanclaim.codes.store import open_store

EDITS_FIXTURES = Path(__file__).parents[1] / "edits" / "fixtures"
MUE = "MCR_MUE_PractitionerServices_Eff_10-01-2026.csv"
AOC = "AOC_V2026Q3-MCR.txt"


def _import(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["refdata", "import", str(path)])
    err = capsys.readouterr().err
    return code, err


def _carcs(root: Path) -> list[tuple[str, int]]:
    return [(r.source_file, r.rows) for r in open_store(root).in_use("carc")]


def test_it_keeps_the_carc_list_in_use_when_a_copy_is_cut_off(
    empty_root: Path, fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = (fixtures / "carc_small.csv").read_bytes()
    assert main(["refdata", "import", str(fixtures / "carc_small.csv")]) == 0
    before = _carcs(empty_root)
    assert before == [("carc_small.csv", 3)]
    cut = tmp_path / "carc.csv"
    for data in (whole[: len(whole) - 9], whole[: whole.index(b"\n") + 1] + b"1,cur"):
        cut.write_bytes(data)
        code, err = _import(cut, capsys)
        assert code == 2
        assert err.count("\n") == 1 and "carc.csv line " in err and "cut off" in err
        assert _carcs(empty_root) == before


def test_it_keeps_the_list_in_use_when_a_copy_ends_at_a_line_break_with_most_rows_gone(
    empty_root: Path, fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["refdata", "import", str(fixtures / "carc_small.csv")]) == 0
    lines = (fixtures / "carc_small.csv").read_bytes().splitlines(keepends=True)
    cut = tmp_path / "carc.csv"
    cut.write_bytes(b"".join(lines[:2]))  # the header and one of three codes
    code, err = _import(cut, capsys)
    assert code == 2 and "1 carc code(s), the list in use (carc_small.csv) has 3" in err
    assert _carcs(empty_root) == [("carc_small.csv", 3)]


@pytest.mark.parametrize(
    "name,tail,message",
    [
        ("carc_small.csv", b'999,current,"Cut inside a quote\n', "line 5: not readable as CSV"),
        ("pos_small.csv", b"99,Short\n", "line 4: 2 field(s), the header has 6"),
        ("rarc_small.csv", b"N9,current,a,b\n", "line 5: 4 field(s), the header has 3"),
    ],
)
def test_it_names_the_line_of_a_row_of_the_wrong_shape(
    empty_root: Path,
    fixtures: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    tail: bytes,
    message: str,
) -> None:
    path = tmp_path / name
    path.write_bytes((fixtures / name).read_bytes() + tail)
    code, err = _import(path, capsys)
    assert code == 2 and f"{name} {message}" in err and err.count("\n") == 1


def test_it_refuses_an_mue_file_cut_mid_quote_or_with_no_rows(
    empty_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = (EDITS_FIXTURES / MUE).read_bytes()
    path = tmp_path / MUE
    path.write_bytes(whole + b'0001U,"1,2 Date of Service\n')
    code, err = _import(path, capsys)
    assert code == 2 and f"{MUE}:6: not readable as CSV" in err
    header_end = whole.index(b"\n", whole.index(b"HCPCS")) + 1
    path.write_bytes(whole[:header_end])
    code, err = _import(path, capsys)
    assert code == 2 and "no MUE rows after the header" in err
    assert not (empty_root / "ncci" / "manifest.json").exists()


def test_it_refuses_an_addon_row_with_fields_missing(
    empty_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / AOC
    path.write_bytes((EDITS_FIXTURES / AOC).read_bytes() + b"99999\t99213\n")
    code, err = _import(path, capsys)
    assert code == 2 and f"{AOC}:10: 2 field(s)" in err


def test_it_refuses_a_hcpcs_record_shorter_than_its_layout(
    empty_root: Path, fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = (fixtures / "HCPC2021_ANWEB_fixture.txt").read_bytes().splitlines(keepends=True)
    path = tmp_path / "HCPC2021_ANWEB_fixture.txt"
    path.write_bytes(b"".join(lines[:-1]) + lines[-1][:200] + b"\r\n")
    code, err = _import(path, capsys)
    assert code == 2 and "record is cut off" in err and f"line {len(lines)}" in err
    assert [r.release for r in open_store(empty_root).in_use("hcpcs")] == []


def _tabular(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<ICD10CM.tabular><version>2026</version>'
        "<chapter><name>1</name><desc>Certain infectious diseases</desc>"
        f'<section id="A00-A09"><desc>Intestinal</desc>{body}</section></chapter>'
        "</ICD10CM.tabular>\n"
    )


def test_it_refuses_a_tabular_nested_past_any_icd_code(
    empty_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    depth = 5000
    body = "".join(f"<diag><name>A{i:05d}</name><desc>d</desc>" for i in range(depth))
    path = tmp_path / "icd10cm_tabular_2026.xml"
    path.write_text(_tabular(body + "</diag>" * depth))
    code, err = _import(path, capsys)
    assert code == 2 and "nested 17 deep under A00-A09" in err and err.count("\n") == 1


def test_it_refuses_a_tabular_that_declares_entities(
    empty_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laughs = '<!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>\n'
    path = tmp_path / "icd10cm_tabular_2026.xml"
    path.write_text(_tabular("<diag><name>A00</name><desc>&b;</desc></diag>").replace(
        "?>\n", "?>\n" + laughs, 1
    ))  # fmt: skip
    code, err = _import(path, capsys)
    assert code == 2 and "icd10cm_tabular_2026.xml line 2: the XML declares a DTD" in err
