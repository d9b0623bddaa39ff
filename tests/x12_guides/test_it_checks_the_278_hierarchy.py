"""278 HL rules (005010X217): 20 → 21 → 22 → (23) → EV → SS, HL02 naming the
parent; HL04 says whether child levels follow; a service level names its
procedure; a response gives a decision."""

from __future__ import annotations

import pytest

from cleanclaim.x12 import parse, validate

REQUEST = "x12/278/stupidedi_X217_pass_admission-response-to-request-for-review.edi"


def _codes(text: str) -> dict[str, object]:
    return {f.code: f for f in validate(parse(text)).findings()}


def _text(shared_data) -> str:
    return (shared_data / REQUEST).read_text()


@pytest.mark.shared_data
def test_it_accepts_the_sample(shared_data):
    assert _codes(_text(shared_data)) == {}


@pytest.mark.shared_data
def test_it_reports_a_service_whose_parent_is_not_the_patient_event(shared_data):
    found = _codes(_text(shared_data).replace("HL*5*4*SS*0", "HL*5*3*SS*0"))
    wrong = found["x12.hl.wrong-parent"]
    assert wrong.element == "2000F HL02"
    assert "level SS must have a parent at level EV" in wrong.message


@pytest.mark.shared_data
def test_it_reports_a_child_code_that_does_not_match(shared_data):
    found = _codes(_text(shared_data).replace("HL*4*3*EV*1", "HL*4*3*EV*0"))
    assert found["x12.hl.child-code"].element == "2000E HL04"
    assert set(found) == {"x12.hl.child-code"}


@pytest.mark.shared_data
def test_it_warns_about_a_service_without_a_procedure(shared_data):
    found = _codes(_text(shared_data).replace("SV2**HC:33510~", ""))
    assert found["x12.278.service-without-procedure"].severity == "warning"


@pytest.mark.shared_data
def test_it_warns_about_a_response_without_a_decision(shared_data):
    text = _text(shared_data).replace("HCR*A6*AUTH0002~", "").replace("HCR*A1*AUTH0002~", "")
    found = _codes(text)
    assert found["x12.278.response-without-decision"].severity == "warning"


@pytest.mark.shared_data
def test_it_reports_a_decision_in_a_request(shared_data):
    path = shared_data / "x12/278/stupidedi_X217_pass_referral-request-for-review.edi"
    text = path.read_text().replace("UM*SC*I*3*11:B*****Y~", "UM*SC*I*3*11:B*****Y~HCR*A1*X~")
    text = text.replace("SE*16*", "SE*17*")
    found = validate(parse(text)).findings()
    assert [(f.segment_id, f.loop_id) for f in found if f.severity == "error"] == [("HCR", "2000E")]


@pytest.mark.shared_data
def test_it_reports_a_subscriber_without_a_patient_event(shared_data):
    path = shared_data / "x12/278/stupidedi_X217_pass_referral-request-for-review.edi"
    text = path.read_text()
    body = text[text.index("HL*4*3*EV*0~") : text.index("SE*16*")]
    text = text.replace(body, "").replace("SE*16*", "SE*9*")
    found = _codes(text)
    # HL04 1 on the subscriber now has no child level either
    assert set(found) == {"x12.278.patient-event-missing", "x12.hl.child-code"}
    assert found["x12.278.patient-event-missing"].loop_id == "2000C"


@pytest.mark.shared_data
def test_it_lists_findings_in_segment_order(shared_data):
    path = shared_data / "x12/278/stupidedi_X217_pass_request-for-non-emergency-transportation.edi"
    (t,) = validate(parse(path.read_bytes())).transactions
    positions = [f.position for f in t.findings]
    assert positions == sorted(positions) and len(positions) == 4
