"""Each 837P guide rule catches its defect, named by element, in an otherwise clean claim file.

The clean file is the golden 837P (tests/x12/golden/claims.837): a practice in
Portland bills Jane Smith (the subscriber herself), Lily Brown (a dependent
child) and a replacement of an earlier claim.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.x12 import parse, validate

GOLDEN = Path(__file__).parent / "golden"


def _clean() -> str:
    return (GOLDEN / "claims.837").read_text()


def _errors(text: str) -> set[tuple[str, str]]:
    found = validate(parse(text)).findings()
    return {
        (f.code, f.element or f"{f.loop_id} {f.segment_id}".strip()) for f in found if f.is_error
    }


def test_it_finds_nothing_wrong_in_the_clean_file() -> None:
    assert _errors(_clean()) == set()


CASES = [
    # (what, old, new, expected finding)
    (
        "5-digit billing ZIP",
        "N4*PORTLAND*OR*972011234",
        "N4*PORTLAND*OR*97201",
        ("837p.billing.zip9", "2010AA N403"),
    ),
    (
        "total is not the sum of the lines",
        "CLM*RFM-1001*182.50",
        "CLM*RFM-1001*182.00",
        ("837p.claim.balance", "2300 CLM02"),
    ),
    ("patient under the wrong parent", "HL*4*3*23*0", "HL*4*2*23*0", ("837p.hl", "2000C HL02")),
    ("HL numbers skip", "HL*2*1*22*0", "HL*5*1*22*0", ("837p.hl", "2000B HL01")),
    (
        "pointer past the diagnoses",
        "SV1*HC:83036*32.50*UN*1***1",
        "SV1*HC:83036*32.50*UN*1***5",
        ("837p.line.pointer", "2400 SV107-1"),
    ),
    (
        "replacement without the payer's claim number",
        "REF*F8*ACME20261001777~\n",
        "",
        ("837p.claim.frequency-ref", "2300 CLM05-3"),
    ),
    (
        "impossible date of service",
        "DTP*472*D8*20261020",
        "DTP*472*D8*20261320",
        ("837p.date", "2400 DTP03"),
    ),
    (
        "unknown claim filing indicator",
        "SBR*P*18*******CI",
        "SBR*P*18*******QQ",
        ("x12.element.invalid-code", "2000B SBR09"),
    ),
    ("unknown frequency code", "11:B:1", "11:B:5", ("x12.element.invalid-code", "2300 CLM05-3")),
    (
        "diagnosis written with its dot",
        "HI*ABK:E119",
        "HI*ABK:E11.9",
        ("837p.claim.diagnosis", "2300 HI01-2"),
    ),
    (
        "a line without its date of service",
        "DTP*472*D8*20261021~\n",
        "",
        ("837p.line.service-date", "2400 DTP"),
    ),
    (
        "a name longer than NM103 allows",
        "NM1*QC*1*BROWN*LILY",
        "NM1*QC*1*" + "B" * 61 + "*LILY",
        ("x12.element.too-long", "2010CA NM103"),
    ),
    (
        "a segment that is not in the 837P",
        "LX*1~\nSV1*HC:99213*110",
        "LX*1~\nZZZ*1~\nSV1*HC:99213*110",
        ("x12.segment.unrecognized", "2400 ZZZ"),
    ),
    (
        "SE01 does not count the segments",
        "SE*53*0001",
        "SE*50*0001",
        ("x12.envelope.se-count", "SE01"),
    ),
    ("a mistyped NPI", "XX*1497758544", "XX*1497758545", ("837p.provider.npi", "2310B NM109")),
    (
        "the payer loop is missing",
        "NM1*PR*2*ACME HEALTH PLAN*****PI*60054~\nCLM*RFM-1001",
        "CLM*RFM-1001",
        ("x12.loop.required-missing", "2010BB NM1"),
    ),
    ("lines numbered out of order", "LX*2~", "LX*3~", ("837p.line.number", "2400 LX01")),
    (
        "a line date qualifier the guide does not list",
        "DTP*472*D8*20261021",
        "DTP*999*D8*20261021",
        ("x12.element.invalid-code", "2400 DTP01"),
    ),
    (
        "a claim reference qualifier the guide does not list",
        "REF*F8*ACME",
        "REF*ZZ*ACME",
        ("x12.element.invalid-code", "2300 REF01"),
    ),
    (
        "subscriber-is-patient claim without SBR02 18",
        "SBR*P*18*",
        "SBR*P**",
        ("837p.subscriber.relationship", "2000B SBR02"),
    ),
]


@pytest.mark.parametrize("what,old,new,finding", CASES, ids=[c[0] for c in CASES])
def test_it_reports_the_defect(what: str, old: str, new: str, finding: tuple[str, str]) -> None:
    text = _clean()
    assert old in text, what
    assert finding in _errors(text.replace(old, new, 1))
