"""A 277 for a 276: a claim never received is not found (A4:35); a claim accepted and
paid is finalized (F1:65) with its charge, payment and payer claim control number."""

from __future__ import annotations

from sandbox_helpers import golden_claim, make_276, make_837, our_errors


def test_it_answers_not_found_then_paid(make_adjudicator) -> None:
    adjudicator = make_adjudicator()
    request = make_276([{"patient_control_number": "RFM-1001", "charge": "182.50"}])
    before = adjudicator.answer_276(request)
    assert "STC*A4:35*20261105~" in before.decode()
    adjudicator.receive("b.837", make_837([golden_claim(0)]))
    after = adjudicator.answer_276(request).decode()
    assert "TRN*2*RFM-1001~\nSTC*F1:65*20261105**182.5*105~\nREF*1K*SB" in after
    for data in (before, after.encode()):
        assert our_errors(data) == []  # pyx12 4.0 maps HN groups to the 277CA only
