"""SE01/GE01/IEA01 and control numbers are checked on read and computed on write."""

from __future__ import annotations

from cleanclaim.x12 import check_envelopes, read_document, write_document

GOOD = (
    "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       "
    "*261127*0930*^*00501*000000007*0*T*:~"
    "GS*HC*S*R*20261127*0930*42*X*005010X222A1~"
    "ST*837*0001*005010X222A1~BHT*0019*00*1*20261127*0930*CH~SE*3*0001~"
    "ST*837*0002*005010X222A1~BHT*0019*00*2*20261127*0930*CH~SE*3*0002~"
    "GE*2*42~IEA*1*000000007~"
)


def test_it_finds_nothing_wrong_in_a_balanced_file() -> None:
    assert check_envelopes(read_document(GOOD)) == []


def test_it_reports_each_wrong_count_and_control_number() -> None:
    bad = (
        GOOD.replace("SE*3*0002", "SE*4*0003")
        .replace("GE*2*42", "GE*3*41")
        .replace("IEA*1*000000007", "IEA*2*000000008")
    )
    found = {(f.code, f.element) for f in check_envelopes(read_document(bad))}
    assert found == {
        ("x12.envelope.se-count", "SE01"),
        ("x12.envelope.se-control", "SE02"),
        ("x12.envelope.ge-count", "GE01"),
        ("x12.envelope.ge-control", "GE02"),
        ("x12.envelope.iea-count", "IEA01"),
        ("x12.envelope.iea-control", "IEA02"),
    }


def test_it_computes_counts_and_trailers_on_write() -> None:
    bad = GOOD.replace("SE*3*0002", "SE*9*0009").replace("GE*2*42", "GE*7*1")
    assert write_document(read_document(bad)) == GOOD


def test_it_reports_a_missing_trailer() -> None:
    doc = read_document(GOOD.replace("SE*3*0002~", ""))
    codes = [f.code for f in check_envelopes(doc)]
    assert "x12.envelope.se-missing" in codes
