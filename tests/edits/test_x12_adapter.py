"""Reading 837P samples into the neutral claim (public samples in ../shared/data)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from cleanclaim.edits.x12_adapter import read_837p
from cleanclaim.x12 import X12Error


def _read(shared_data: Path, name: str):
    return read_837p((shared_data / "x12" / "837P" / name).read_bytes()).claims


def test_it_reads_claim_header_lines_and_parties(shared_data: Path) -> None:
    (rc,) = _read(shared_data, "stupidedi_X222A1_pass_commercial-health-insurance.edi")
    c = rc.claim
    assert c.claim_id == "26463774"
    assert c.total_charge == Decimal(100)
    assert c.place_of_service == "11" and c.frequency_code == "1"
    assert c.diagnoses == ("034.0", "V73.89")  # ICD-9-CM (qualifier BK/BF) in this 2005 sample
    assert c.diagnosis_qualifiers == ("BK", "BF")
    assert [ln.procedure for ln in c.lines] == ["99213", "87070", "99214", "86663"]
    assert sum(ln.charge for ln in c.lines) == c.total_charge
    assert c.lines[0].service_date == dt.date(2006, 10, 3)
    assert c.payer.name and c.payer.id
    assert c.billing_provider.address.zip


def test_it_reports_composites_that_ignore_the_isa16_separator(shared_data: Path) -> None:
    path = shared_data / "x12" / "837P" / "lfh_837_005010X222A2__demo.example11.837"
    (own,) = read_837p(path.read_bytes(), syntax="envelope").claims
    msgs = [f.message for f in own.findings if f.category == "syntax"]
    assert any("SV101" in m and "ISA16" in m for m in msgs)
    # with the X12 engine's guide validation its element-level finding takes the place
    # of the reader's note on the same segment
    (rc,) = read_837p(path.read_bytes(), syntax="guide").claims
    sv1 = [f.message for f in rc.findings if "SV1 (2400 SV101-1)" in f.message]
    assert sv1 and not any("ISA16" in f.message and "SV101" in f.message for f in rc.findings)


def test_it_refuses_4010_with_a_clear_message(shared_data: Path) -> None:
    with pytest.raises(X12Error, match="4010"):
        _read(shared_data, "lfh_837_004010X098A1__patient-is-subscriber.837")


def test_it_refuses_a_file_that_is_not_x12() -> None:
    with pytest.raises(X12Error, match="ISA"):
        read_837p(b"hello, world")
