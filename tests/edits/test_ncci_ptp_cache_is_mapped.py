"""The PTP table is mapped from its binary cache, not parsed: the mapped part answers
exactly what the parse of the official file gave, keeps answering after a re-import
replaced its file, and a damaged cache is named with what to do."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from cleanclaim.codes import ncci
from cleanclaim.codes.ncci_common import NcciFormatError
from cleanclaim.codes.ncci_ptp import parse_ptp

sys.path.insert(0, str(Path(__file__).parent))

from ncci_ptp_reference import edits, ptp_edits

HEADER = (
    "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\t"
    "Deletion Date *=no data\tModifier 0=not allowed,1=allowed,9=not applicable\t"
    "PTP Edit Rationale\n"
)
ROWS = [
    "99214\t99213\t\t20200101\t*\t0\tMutually exclusive procedures",
    "20610\t20604\t*\t19960101\t20231231\t1\tStandards of medical / surgical practice",
    "20610\t20604\t\t20240701\t*\t1\tStandards of medical / surgical practice",
    "G0101\tG0102\t\t20100101\t*\t9\tMisuse of column two code with column one code",
]
PAIRS = [("99214", "99213"), ("20610", "20604"), ("G0101", "G0102"), ("99213", "99214")]


def _file(tmp: Path, rows: list[str]) -> Path:
    f = tmp / "ccipra-v322r0-f1.txt"
    f.write_text(HEADER + "\n".join(rows) + "\n")
    return f


def test_it_maps_the_rows_the_parse_gave(tmp_path: Path) -> None:
    f = _file(tmp_path, ROWS)
    parsed = parse_ptp(f, "x")
    ncci.import_file(f, tmp_path / "refdata")
    (mapped,) = ncci.load_tables(tmp_path / "refdata").ptp["v322r0"]
    assert isinstance(mapped.keys, memoryview)
    for col in ("keys", "eff", "dele", "mod", "rat", "pre96"):
        assert list(getattr(mapped, col)) == list(getattr(parsed, col)), col
    assert (mapped.first, mapped.last, mapped.rationales) == (
        parsed.first,
        parsed.last,
        parsed.rationales,
    )
    for a, b in PAIRS:
        assert edits(mapped, a, b) == edits(parsed, a, b)
    assert [e.deletion for e in edits(mapped, "20610", "20604")] == [dt.date(2023, 12, 31), None]


def test_it_keeps_reading_its_file_after_a_reimport(tmp_path: Path) -> None:
    root = tmp_path / "refdata"
    ncci.import_file(_file(tmp_path, ROWS), root)
    old = ncci.load_tables(root)
    ncci.import_file(_file(tmp_path, ROWS[:1]), root)  # replaces release v322r0 part 1
    new = ncci.load_tables(root)
    assert len(ptp_edits(old, "20610", "20604", dt.date(2026, 8, 3))) == 2
    assert ptp_edits(new, "20610", "20604", dt.date(2026, 8, 3)) == []
    assert len(ptp_edits(new, "99214", "99213", dt.date(2026, 8, 3))) == 1


def test_it_names_a_truncated_cache(tmp_path: Path) -> None:
    root = tmp_path / "refdata"
    ncci.import_file(_file(tmp_path, ROWS), root)
    (cache,) = (root / "ncci").glob("ptp-*.bin")
    cache.write_bytes(cache.read_bytes()[:-3])
    with pytest.raises(NcciFormatError, match=r"ptp-v322r0-f1\.bin: truncated .*re-import"):
        ncci.load_tables(root)


def test_the_cli_names_a_truncated_cache_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cleanclaim.cli import main

    root = tmp_path / "refdata"
    ncci.import_file(_file(tmp_path, ROWS), root)
    (cache,) = (root / "ncci").glob("ptp-*.bin")
    cache.write_bytes(cache.read_bytes()[:-3])
    monkeypatch.setenv("CLEANCLAIM_REFDATA_DIR", str(root))
    claims = tmp_path / "claims.json"
    claims.write_text("[]")
    assert main(["scrub", str(claims)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cleanclaim scrub: ") and "truncated PTP cache" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
