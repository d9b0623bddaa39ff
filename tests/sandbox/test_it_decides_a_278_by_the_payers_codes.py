"""A 278 response per request: each service certified (HCR*A1 with an authorization
number), pended (A4, 0U) or not certified (A3) by the codes the payer pends or denies;
the event takes the most cautious decision of its services."""

from __future__ import annotations

import datetime as dt

from sandbox_helpers import our_errors

from cleanclaim.x12 import document_json, parse, write_json


def _request(*codes: str) -> bytes:
    obj = {
        "transaction_set": "278",
        "version": "005010X217",
        "created": "2026-11-02",
        "reference": "PA1",
        "sender_id": "CLEANCLAIMDEMO",
        "receiver_id": "CLEARINGHOUSE",
        "umo": {"name": "ACME HEALTH PLAN", "id": "60054"},
        "requester": {"name": "RIVERSIDE FAMILY MEDICINE", "npi": "1245319599"},
        "subscriber": {"last_name": "SMITH", "first_name": "JANE", "member_id": "W123456789"},
        "event": {
            "request_category": "HS",
            "service_type": "73",
            "facility_code": "11",
            "dates": [{"qualifier": "AAH", "start": "2026-11-20", "end": "2026-12-20"}],
            "diagnoses": [{"code": "M54.50"}],
            "services": [{"procedure": {"code": c}, "quantity": "1"} for c in codes],
        },
    }
    return write_json(obj, now=dt.datetime(2026, 11, 2, 9, 30)).encode()


def _decisions(data: bytes) -> list[tuple[str, str | None, str | None]]:
    assert our_errors(data) == []  # pyx12 4.0 has no 5010 278 map
    (tx,) = document_json(parse(data))["transactions"]
    assert tx["kind"] == "response"
    levels = [tx["event"], *tx["event"]["services"]]
    return [
        (d["action"], d.get("certification_number"), d.get("reason"))
        for d in (level["decision"] for level in levels)
    ]


def test_it_certifies_pends_and_denies(make_adjudicator) -> None:
    adjudicator = make_adjudicator()
    event, mri, spine = _decisions(adjudicator.answer_278(_request("70553", "72148")))
    assert event[0] == "A4" and mri == ("A4", None, "0U")
    assert spine[0] == "A1" and spine[1] and spine[1].startswith("SBA")
    event, denied = _decisions(adjudicator.answer_278(_request("S9083")))
    assert event[0] == "A3" and denied == ("A3", None, "0T")


def test_it_gives_the_same_authorization_number_for_the_same_request(make_adjudicator) -> None:
    first = _decisions(make_adjudicator(state="a").answer_278(_request("72148")))
    second = _decisions(make_adjudicator(state="b").answer_278(_request("72148")))
    assert first == second and first[0][0] == "A1"
