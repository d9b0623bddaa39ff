"""A 278 request and a 278 response read into the typed review: the parties,
the patient event, its services and, in the response, the UMO's decision
(005010X217). BHT02 picks the tree: 11 reads as a response, 13 as a request."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cleanclaim.x12 import parse
from cleanclaim.x12.x217_278.codes import ActionCode, RequestCategoryCode

FOLDER = "x12/278"


def _review(shared_data, name: str):
    parsed = parse((shared_data / FOLDER / f"stupidedi_X217_pass_{name}.edi").read_bytes())
    (t,) = parsed.transactions
    assert t.guide.name == "278"
    return t.data


@pytest.mark.shared_data
def test_it_tells_requests_from_responses_by_bht02(shared_data):
    for path in sorted((shared_data / FOLDER).iterdir()):
        (t,) = parse(path.read_bytes()).transactions
        expected = "response" if "response" in path.name else "request"
        assert t.data.kind == expected, path.name


@pytest.mark.shared_data
def test_it_reads_the_parties_and_event_of_a_request(shared_data):
    tx = _review(shared_data, "admission-request-for-review")
    r = tx.review
    assert r.umo.name.name_last_or_organization_name == "MARYLAND CAPITAL INSURANCE COMPANY"
    assert (
        r.requester.name.name_last_or_organization_name,
        r.requester.contact.communication_number,
    ) == (
        "WATSON",
        "4029993456",
    )
    assert r.patient is r.subscriber
    assert r.subscriber.name.identification_code == "12345678901"
    event = r.event
    assert event.um.request_category_code == RequestCategoryCode.ADMISSION_REVIEW
    assert (event.um.certification_type_code, event.um.service_type_code) == ("I", "2")
    assert (event.um.facility_code_value, event.um.facility_code_qualifier) == ("21", "B")
    assert event.um.release_of_information_code == "Y"
    assert [(d.date_time_qualifier, d.date_time_period) for d in event.dates] == [
        ("435", "20050516")
    ]
    assert event.diagnoses == [("BF", "41090")]
    assert (event.delivery.quantity_qualifier, event.delivery.quantity) == ("DY", Decimal(7))
    assert [p.name.name_last_or_organization_name for p in event.providers] == [
        "MONTGOMERY HOSPITAL"
    ]
    assert event.providers[0].city.city_name == "ANYTOWN"
    assert event.decision is None and r.authorization_number == ""
    (service,) = event.services
    assert service.um.request_category_code == "HS"
    assert service.institutional is not None
    assert (service.procedure.qualifier, service.procedure.code) == ("HC", "33510")
    assert [(d.date_time_qualifier, d.date_time_period) for d in service.dates] == [
        ("472", "20050516")
    ]
    assert service.providers[0].provider.reference_identification == "203BS0133X"


@pytest.mark.shared_data
def test_it_reads_quantities_and_modifiers_of_professional_services(shared_data):
    tx = _review(shared_data, "request-for-non-emergency-transportation")
    services = tx.review.event.services
    assert [(s.procedure.code, s.procedure.modifiers, s.quantity) for s in services] == [
        ("A0428", ["RX"], ("UN", Decimal(5))),
        ("A0428", ["PD"], ("UN", Decimal(8))),
        ("A0428", ["DR"], ("UN", Decimal(14))),
    ]
    assert [p.name.entity_identifier_code for p in tx.review.event.transport] == [
        "PW",
        "ND",
        "R3",
        "FS",
    ]
    assert tx.review.subscriber.demographics.date_time_period == "19580322"


@pytest.mark.shared_data
def test_it_reads_the_decision_and_certification_number_of_a_response(shared_data):
    tx = _review(shared_data, "admission-response-to-request-for-review")
    event = tx.review.event
    assert event.decision.action_code == ActionCode.MODIFIED
    assert event.decision.review_identification_number == "AUTH0002"
    assert event.traces[0].trace_type_code == "2"
    (service,) = event.services
    assert service.decision.action_code == ActionCode.CERTIFIED_IN_TOTAL
    assert tx.review.authorization_number == "AUTH0002"
    assert event.delivery.quantity == Decimal(5)  # 7 days asked, 5 certified


@pytest.mark.shared_data
def test_it_reads_a_pended_response_with_its_reason_and_reference(shared_data):
    tx = _review(shared_data, "emergency-admission-response-to-request-for-review")
    event = tx.review.event
    assert (event.decision.action_code, event.decision.decision_reason_code) == (
        ActionCode.PENDED,
        "0U",
    )
    assert event.decision.review_identification_number == ""
    assert event.reference("NT") == "P20030216001"
    assert tx.review.authorization_number == ""


@pytest.mark.shared_data
def test_it_reads_the_certified_period_of_a_referral(shared_data):
    tx = _review(shared_data, "referral-response-to-request-for-review")
    event = tx.review.event
    assert event.decision.action_code == ActionCode.CERTIFIED_IN_TOTAL
    assert tx.review.authorization_number == "AUTH0001"
    assert [
        (d.date_time_qualifier, d.date_time_period_format_qualifier, d.date_time_period)
        for d in event.dates
    ] == [("AAH", "RD8", "20050502-20050602")]
