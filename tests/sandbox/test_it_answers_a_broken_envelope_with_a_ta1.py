"""A file whose interchange envelope is bad gets a TA1 (and nothing else): unreadable
(TA105 024), IEA02 not ISA13 (001), IEA01 not the number of groups (021)."""

from __future__ import annotations

from sandbox_helpers import golden_claim, make_837


def _ta1(files) -> str:
    assert [f.kind for f in files] == ["TA1"]
    assert files[0].name == "x.ta1"
    return files[0].data.decode()


def test_it_answers_an_unreadable_file_with_ta1_024(make_adjudicator) -> None:
    text = _ta1(make_adjudicator().receive("x.837", b"this is not X12 at all"))
    assert "*R*024~" in text


def test_it_answers_a_wrong_iea_control_number_with_ta1_001(make_adjudicator) -> None:
    data = make_837([golden_claim(0)]).replace(b"IEA*1*000000101", b"IEA*1*000000999")
    text = _ta1(make_adjudicator().receive("x.837", data))
    assert text.splitlines()[1] == "TA1*000000101*261102*0930*R*001~"
    assert "*ZZ*CLEARINGHOUSE  *ZZ*CLEANCLAIMDEMO *" in text.splitlines()[0]


def test_it_answers_a_wrong_group_count_with_ta1_021(make_adjudicator) -> None:
    data = make_837([golden_claim(0)]).replace(b"IEA*1*", b"IEA*2*")
    assert "*R*021~" in _ta1(make_adjudicator().receive("x.837", data))
