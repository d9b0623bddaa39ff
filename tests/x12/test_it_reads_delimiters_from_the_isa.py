"""The tokenizer takes every delimiter from the ISA: any characters, line breaks, CRLF, BOM."""

from __future__ import annotations

import pytest

from cleanclaim.x12 import X12Error, read_document, tokenize

ISA = (
    "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       "
    "*261127*0930*^*00501*000000001*0*T*:~"
)
BODY = (
    "GS*HC*S*R*20261127*0930*1*X*005010X222A1~ST*837*0001*005010X222A1~"
    "SV1*HC:99213:25*100*UN*1***1:2~SE*3*0001~GE*1*1~IEA*1*000000001~"
)


def _swap(text: str, elem: str, rep: str, comp: str, term: str) -> str:
    table = str.maketrans({"*": elem, "^": rep, ":": comp, "~": term})
    return text.translate(table)


@pytest.mark.parametrize(
    "elem,rep,comp,term",
    [
        ("*", "^", ":", "~"),
        ("|", "!", ">", "\x1c"),
        ("\x1d", "\x1f", "\x1e", "'"),
        ("+", "{", "}", "\n"),
    ],
)
def test_it_reads_any_delimiters(elem: str, rep: str, comp: str, term: str) -> None:
    delims, segs = tokenize(_swap(ISA + BODY, elem, rep, comp, term))
    assert (delims.element, delims.repetition, delims.component, delims.segment) == (
        elem,
        rep,
        comp,
        term,
    )
    sv1 = next(s for s in segs if s.id == "SV1")
    assert sv1.components(1, delims) == ["HC", "99213", "25"]
    assert sv1.components(7, delims) == ["1", "2"]
    assert [s.position for s in segs] == list(range(1, 8))


@pytest.mark.parametrize("brk", ["\n", "\r\n"])
def test_it_accepts_line_breaks_and_a_bom(brk: str) -> None:
    text = (ISA + BODY).replace("~", "~" + brk)
    delims, segs = tokenize(b"\xef\xbb\xbf" + text.encode())
    assert delims.suffix == brk
    assert [s.id for s in segs] == ["ISA", "GS", "ST", "SV1", "SE", "GE", "IEA"]
    assert segs[3].elements[-1] == "1:2"  # no line break leaks into data


def test_it_names_a_file_that_is_not_x12() -> None:
    with pytest.raises(X12Error, match="must start with an ISA"):
        read_document(b"%PDF-1.4 not a claim")


def test_it_rejects_a_truncated_isa() -> None:
    with pytest.raises(X12Error, match="ISA"):
        read_document(ISA[:60])
