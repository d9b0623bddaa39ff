"""A file may hold several interchanges, each with several groups and transaction sets."""

from __future__ import annotations

from cleanclaim.x12 import read_document, write_document


def _interchange(ctl: int, elem: str = "*") -> str:
    isa = (
        f"ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       "
        f"*261127*0930*^*00501*{ctl:09d}*0*T*:~"
    )
    groups = ""
    for g in (1, 2):
        sets = "".join(
            f"ST*837*{s:04d}*005010X222A1~BHT*0019*00*{s}*20261127*0930*CH~SE*3*{s:04d}~"
            for s in (1, 2, 3)
        )
        groups += f"GS*HC*S*R*20261127*0930*{g}*X*005010X222A1~{sets}GE*3*{g}~"
    text = isa + groups + f"IEA*2*{ctl:09d}~"
    return text.replace("*", elem)


def test_it_reads_every_interchange_group_and_set() -> None:
    doc = read_document(_interchange(1) + "\n" + _interchange(2, elem="|"))
    assert [ic.control_number for ic in doc.interchanges] == ["000000001", "000000002"]
    assert [ic.delimiters.element for ic in doc.interchanges] == ["*", "|"]
    assert [len(g.transactions) for ic in doc.interchanges for g in ic.groups] == [3, 3, 3, 3]
    assert len(list(doc.transactions())) == 12


def test_it_writes_each_interchange_with_its_own_delimiters() -> None:
    text = _interchange(1) + _interchange(2, elem="|")
    assert write_document(read_document(text)) == text
