"""CSV code lists: CARC, RARC, POS, modifiers, NUCC taxonomy, X12 code lists, CPT."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cleanclaim.codes.importers import RefdataFileError, detect
from cleanclaim.codes.importers.lists import parse_list


def _one(path: Path, kind: str):  # type: ignore[no-untyped-def]
    data = path.read_bytes()
    assert detect(path, data[:65536]) == kind
    return parse_list(path, data)


@pytest.mark.shared_data
def test_it_reads_every_shared_list(shared_data: Path) -> None:
    codes = shared_data / "codes"
    carc = _one(codes / "carc.csv", "carc")[0]
    assert len(carc.codes) == 407 and any(c.status == "deactivated" for c in carc.codes)
    assert len(_one(codes / "rarc.csv", "rarc")[0].codes) == 1216
    pos = {c.code: c for c in _one(codes / "pos.csv", "pos")[0].codes}
    assert (
        len(pos) == 52
        and pos["01"].effective == dt.date(2003, 10, 1)
        and pos["72"].effective is None
    )
    mods = _one(codes / "modifiers.csv", "modifiers")[0]
    assert len(mods.codes) == 415 and {c.extra["level"] for c in mods.codes} == {"I", "II"}
    tax = _one(codes / "nucc_taxonomy_v14.0_2014.csv", "taxonomy")[0]
    assert len(tax.codes) == 831 and tax.release == "v14.0"
    group = _one(codes / "x12_5010_element_code_lists.csv", "x12-elements")[0]
    assert {c.code for c in group.codes} >= {"CO", "PR", "OA", "PI", "CR"}
    pyx12 = {p.system: p for p in _one(codes / "x12_code_values_pyx12.csv", "pyx12-values")}
    assert (
        len(pyx12["claim_status_category"].codes) == 48 and len(pyx12["claim_status"].codes) == 759
    )


def test_it_reads_small_fixtures_in_the_same_layouts(fixtures: Path) -> None:
    carc = _one(fixtures / "carc_small.csv", "carc")[0]
    assert [c.status for c in carc.codes] == ["current", "current", "deactivated"]
    rarc = _one(fixtures / "rarc_small.csv", "rarc")[0]
    assert rarc.codes[-1].code == "MA01"
    pos = _one(fixtures / "pos_small.csv", "pos")[0]
    assert pos.codes[1].effective == dt.date(2022, 1, 1)


def test_it_reads_a_practice_cpt_file(fixtures: Path) -> None:
    cpt = _one(fixtures / "cpt_2026_practice.csv", "cpt")[0]
    assert cpt.release == "CPT 2026" and cpt.effective == dt.date(2026, 1, 1)
    assert [c.code for c in cpt.codes] == ["99213", "99214", "36415", "0001U"]
    assert cpt.codes[0].short == "Office visit est low" and cpt.codes[0].billable is True


def test_it_names_the_file_and_row_of_a_bad_value(tmp_path: Path) -> None:
    bad = tmp_path / "carc.csv"
    bad.write_text("code,status,description\n1,current,ok\n2,retired,bad status\n")
    with pytest.raises(RefdataFileError, match=r"carc.csv row 3: status 'retired'"):
        parse_list(bad, bad.read_bytes())
