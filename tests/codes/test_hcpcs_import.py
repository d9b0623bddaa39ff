"""HCPCS Level II ANWEB files: fixed width (with continuation records), CSV, xlsx, zip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from cleanclaim.codes.importers import detect
from cleanclaim.codes.importers.hcpcs import parse_hcpcs


def _parse(path: Path):  # type: ignore[no-untyped-def]
    data = path.read_bytes()
    assert detect(path, data[:65536]) == "hcpcs-anweb"
    return {p.system: p for p in parse_hcpcs(path, data)}


@pytest.mark.shared_data
def test_it_reads_the_2020_annual_zip(shared_data: Path) -> None:
    got = _parse(shared_data / "hcpcs" / "2020-Alpha-Numeric-HCPCS-File.zip")
    assert len(got["hcpcs"].codes) == 6710 and len(got["modifier"].codes) == 369
    assert got["hcpcs"].release == "2020-01" and got["hcpcs"].effective == dt.date(2020, 1, 1)
    g0438 = next(c for c in got["hcpcs"].codes if c.code == "G0438")
    # the long description continues on a second record
    assert g0438.long.endswith("(pps), initial visit") and g0438.effective == dt.date(2011, 1, 1)
    assert len(got["hcpcs"].sha256) == 64


@pytest.mark.shared_data
def test_it_reads_the_current_csv_layout(shared_data: Path) -> None:
    got = _parse(shared_data / "hcpcs" / "HCPC2026_OCT_ANWEB.excerpt.csv")
    mods = {c.code: c for c in got["modifier"].codes}
    assert set(mods) == {"AA", "AC", "AS", "GD", "JG"}
    assert mods["JG"].end == dt.date(2024, 12, 31)
    assert got["modifier"].effective == dt.date(2026, 10, 1)


def test_it_merges_continuation_records_of_a_fixed_width_file(fixtures: Path) -> None:
    got = _parse(fixtures / "HCPC2021_ANWEB_fixture.txt")
    a = next(c for c in got["hcpcs"].codes if c.code == "A9999")
    assert a.long.endswith("continues on the next record of the same code")
    assert [c.code for c in got["modifier"].codes] == ["LT"]


def test_it_reads_an_xlsx_in_the_csv_layout(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    header = "HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,"
    header += "ADD DT,ACT EFF DT,TERM DT,ACTION CD"
    ws.append(header.split(","))
    ws.append(["A9998", "0010", "3", "Fixture item from a spreadsheet", "Fixture item", "20250101",
               "20250101", "", "A"])  # fmt: skip
    path = tmp_path / "HCPC2026_JAN_ANWEB.xlsx"
    wb.save(path)
    got = _parse(path)
    assert got["hcpcs"].release == "2026-01"
    assert got["hcpcs"].codes[0].effective == dt.date(2025, 1, 1)


@pytest.mark.shared_data
def test_the_xls_of_the_annual_zip_matches_its_fixed_width_file(
    shared_data: Path, tmp_path: Path
) -> None:
    import zipfile

    with zipfile.ZipFile(shared_data / "hcpcs" / "2020-Alpha-Numeric-HCPCS-File.zip") as zf:
        xls = tmp_path / "HCPC2020_ANWEB_w_disclaimer.xls"
        xls.write_bytes(zf.read("HCPC2020_ANWEB_w_disclaimer.xls"))
    from_xls = _parse(xls)
    from_txt = _parse(shared_data / "hcpcs" / "2020-Alpha-Numeric-HCPCS-File.zip")
    assert len(from_xls["hcpcs"].codes) == len(from_txt["hcpcs"].codes) == 6710
    txt = {c.code: c for c in from_txt["hcpcs"].codes}
    for c in from_xls["hcpcs"].codes[::97]:
        assert (c.long, c.effective, c.end) == (
            txt[c.code].long,
            txt[c.code].effective,
            txt[c.code].end,
        )
