"""A 271 for a 270, from the world's member: active with benefits by service type,
inactive after the plan ended, and AAA rejections (75 not found, 72 bad id, 71 birth
date mismatch with the corrected data, 79 unknown payer)."""

from __future__ import annotations

from sandbox_helpers import make_270, our_errors

from cleanclaim.x12 import document_json, parse

JANE = {"last_name": "SMITH", "first_name": "JANE", "member_id": "W123456789", "dob": "1961-04-12"}


def _answer(make_adjudicator, request: bytes) -> dict:
    data = make_adjudicator().answer_270(request)
    assert our_errors(data) == []  # pyx12 4.0 has no 5010 271 map
    (tx,) = document_json(parse(data))["transactions"]
    assert tx["transaction_set"] == "271"
    return tx


def _ebs(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(("EB*", "MSG*", "AAA*"))]


def test_it_answers_an_active_member_with_benefits(make_adjudicator) -> None:
    data = make_adjudicator().answer_270(make_270(JANE))
    assert _ebs(data.decode()) == [
        "EB*1*IND*30*C1*ACME GOLD PPO~",
        "EB*A*IND*30***27**0.2****Y~",
        "EB*C*IND*30***23*500*****Y~",
        "EB*C*IND*30***29*20*****Y~",
        "EB*G*IND*30***23*3000*****Y~",
        "EB*G*IND*30***29*2400*****Y~",
        "EB*B*IND*98***27*25*****Y~",
        "EB*G*IND*98***23*3000*****Y~",
        "EB*G*IND*98***29*2400*****Y~",
        "EB*1**30********Y~",
        "MSG*AUTHORIZATION REQUIRED FOR 72148~",
    ]
    assert "DTP*346*D8*20260101~" in data.decode()
    _answer(make_adjudicator, make_270(JANE))


def test_it_answers_inactive_after_the_plan_ended(make_adjudicator) -> None:
    owen = {"last_name": "GRAY", "first_name": "OWEN", "member_id": "Z555000"}
    tx = _answer(make_adjudicator, make_270(owen))
    (member,) = tx["members"]
    assert [b["eligibility_code"] for b in member["benefits"]] == ["6"]


def test_it_names_another_coverage(make_adjudicator) -> None:
    robert = {"last_name": "BROWN", "first_name": "ROBERT", "member_id": "X998877"}
    text = make_adjudicator().answer_270(make_270(robert)).decode()
    assert "EB*R**30~\nMSG*OTHER PAYER SECOND CHANCE INSURANCE 77001~" in text


def test_it_rejects_an_unknown_member(make_adjudicator) -> None:
    tx = _answer(make_adjudicator, make_270(dict(JANE, member_id="W000")))
    (member,) = tx["members"]
    assert [(r["reason"], r["follow_up_action"]) for r in member["rejections"]] == [("75", "C")]
    assert member["benefits"] == []


def test_it_rejects_a_malformed_member_id(make_adjudicator) -> None:
    tx = _answer(make_adjudicator, make_270(dict(JANE, member_id="W#1")))
    assert tx["members"][0]["rejections"][0]["reason"] == "72"


def test_it_returns_the_right_birth_date_with_a_mismatch(make_adjudicator) -> None:
    tx = _answer(make_adjudicator, make_270(dict(JANE, dob="1961-04-21")))
    (member,) = tx["members"]
    assert member["rejections"][0]["reason"] == "71"
    assert member["dob"] == "1961-04-12"


def test_it_rejects_an_unknown_payer_at_the_source(make_adjudicator) -> None:
    tx = _answer(make_adjudicator, make_270(JANE, payer_id="00000"))
    assert [r["reason"] for r in tx["rejections"]] == ["79"]
