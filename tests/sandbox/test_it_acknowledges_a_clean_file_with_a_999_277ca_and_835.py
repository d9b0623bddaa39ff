"""A clean 837P gets a 999 (accepted), a 277CA per set and an 835 per payer, each
passing our validator and pyx12."""

from __future__ import annotations

from sandbox_helpers import golden_claim, make_837, our_errors

from cleanclaim.x12 import parse


def test_it_answers_with_a_999_a_277ca_and_an_835(make_adjudicator, pyx12_validate) -> None:
    files = make_adjudicator().receive("batch-1.837", make_837([golden_claim(0), golden_claim(1)]))
    assert [f.kind for f in files] == ["999", "277CA", "835"]
    assert [f.name for f in files] == [
        "batch-1.999",
        "batch-1-0001.277",
        "batch-1-60054-1245319599.835",
    ]
    for f in files:
        assert our_errors(f.data) == [], f.kind
        ok, errors = pyx12_validate(f.data)
        assert ok and errors == [], (f.kind, errors)
    ack = files[0].data.decode()
    assert "IK5*A~" in ack and "AK9*A*1*1*1~" in ack
    assert ack.count("STC*A2:20:PR") == 0
    assert files[1].data.decode().count("STC*A2:20:PR") == 2


def test_it_answers_in_the_received_files_test_or_production_mode(make_adjudicator) -> None:
    files = make_adjudicator().receive("b.837", make_837([golden_claim(0)]))
    for f in files:
        assert parse(f.data).document.interchanges[0].isa.get(15) == "T"
