"""Seeded: a subscriber member id starting REJ999 rejects its whole set in the 999
(IK3 on the NM1 in loop 2010, IK303 being four characters; IK4 on NM109, IK5 R),
so no 277CA or 835 follows."""

from __future__ import annotations

from sandbox_helpers import golden_claim, make_837, our_errors


def test_it_rejects_the_set_and_sends_nothing_else(make_adjudicator, pyx12_validate) -> None:
    claim = golden_claim(0)
    claim["subscriber"] = dict(claim["subscriber"], member_id="REJ999001")
    files = make_adjudicator().receive("s.837", make_837([claim, golden_claim(1)]))
    assert [f.kind for f in files] == ["999"]
    text = files[0].data.decode()
    assert "IK3*NM1*" in text and "*2010*8~" in text
    assert "IK4*9**7*REJ999001~" in text
    assert "IK5*R*5~" in text and "AK9*R*1*1*0~" in text
    assert our_errors(files[0].data) == []
    ok, errors = pyx12_validate(files[0].data)
    assert ok, errors
