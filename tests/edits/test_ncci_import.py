"""Importing the official NCCI files: kind sniffed, release from the file name,
idempotent by SHA-256, status lists what is loaded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cleanclaim.codes import ncci
from cleanclaim.codes.ncci_common import NcciFormatError

FIXTURES = Path(__file__).parent / "fixtures"


def test_it_sniffs_each_official_layout(shared_data: Path) -> None:
    d = shared_data / "ncci"
    ptp = d / "ccipra-v322r0-f1.excerpt.txt"
    mue = d / "MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv"
    aoc = FIXTURES / "AOC_V2026Q3-MCR.txt"
    assert ncci.sniff(ptp, ptp.read_bytes()[:4096]) == "ncci-ptp"
    assert ncci.sniff(mue, mue.read_bytes()[:4096]) == "ncci-mue"
    assert ncci.sniff(aoc, aoc.read_bytes()[:4096]) == "ncci-addon"
    carc = shared_data / "codes" / "carc.csv"
    assert ncci.sniff(carc, carc.read_bytes()[:4096]) is None


def test_it_imports_once_and_reports_no_change_the_second_time(
    shared_data: Path, tmp_path: Path
) -> None:
    ptp = shared_data / "ncci" / "ccipra-v322r0-f1.excerpt.txt"
    first = ncci.import_file(ptp, tmp_path)
    again = ncci.import_file(ptp, tmp_path)
    assert [(r.kind, r.release, r.rows, r.changed) for r in first] == [
        ("ncci-ptp", "v322r0", 13, True)
    ]
    assert [(r.release, r.rows, r.changed) for r in again] == [("v322r0", 13, False)]
    assert first[0].sha256 == again[0].sha256


def test_it_lists_releases_with_effective_dates(shared_data: Path, tmp_path: Path) -> None:
    for f in sorted((shared_data / "ncci").iterdir()):
        ncci.import_file(f, tmp_path)
    ncci.import_file(FIXTURES / "AOC_V2026Q3-MCR.txt", tmp_path)
    got = {(r.system, r.release, r.effective, r.rows) for r in ncci.status(tmp_path)}
    assert got == {
        ("ncci-ptp", "v322r0-f1", dt.date(2026, 7, 1), 13),
        ("ncci-mue", "2026-07-01", dt.date(2026, 7, 1), 44),
        ("ncci-addon", "2026Q3", dt.date(2026, 7, 1), 8),
    }


def test_it_reads_mue_values_and_adjudication_indicators(shared_data: Path, tmp_path: Path) -> None:
    ncci.import_file(
        shared_data / "ncci" / "MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv", tmp_path
    )
    table = ncci.load_tables(tmp_path).mue_table(dt.date(2026, 8, 1))
    assert table is not None
    e = table.edits["0009U"]
    assert (e.value, e.mai, e.rationale) == (2, 3, "Nature of Analyte")
    assert table.edits["0001U"].mai == 2


def test_it_names_file_and_line_of_a_malformed_row(tmp_path: Path) -> None:
    bad = tmp_path / "ccipra-v322r0-f2.txt"
    bad.write_text(
        "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\t"
        "Deletion Date (*=no data)\tModifier (0=not allowed,1=allowed,9=not applicable)\t"
        "PTP Edit Rationale\n"
        "11042\t97597\t\t2013101\t*\t7\tMutually exclusive procedures\n"
    )
    with pytest.raises(NcciFormatError, match=r"ccipra-v322r0-f2.txt:2: modifier indicator 7"):
        ncci.import_file(bad, tmp_path / "out")


def test_it_refuses_a_ptp_file_without_a_release_in_its_name(
    shared_data: Path, tmp_path: Path
) -> None:
    src = (shared_data / "ncci" / "ccipra-v322r0-f1.excerpt.txt").read_bytes()
    renamed = tmp_path / "edits.txt"
    renamed.write_bytes(src)
    with pytest.raises(NcciFormatError, match="release"):
        ncci.import_file(renamed, tmp_path / "out")


def test_it_rejects_a_code_that_is_not_five_characters(tmp_path: Path) -> None:
    bad = tmp_path / "ccipra-v322r0-f3.txt"
    bad.write_text(
        "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\t"
        "Deletion Date (*=no data)\tModifier (0=not allowed,1=allowed,9=not applicable)\t"
        "PTP Edit Rationale\n"
        "0001U\t0030U\t\t20180701\t*\t1\tMisuse of Column Two code with Column One code\n"
        "0001U\t003-0\t\t20180701\t*\t1\tMisuse of Column Two code with Column One code\n"
    )
    with pytest.raises(NcciFormatError, match=r"f3.txt:3: '003-0' is not a 5-character"):
        ncci.import_file(bad, tmp_path / "out")
