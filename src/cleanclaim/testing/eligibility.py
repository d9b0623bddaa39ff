"""271s built with the guide package's builder, and an in-process payer answering
270s with them (tests, the demo and the bench)."""

from __future__ import annotations

from typing import Any

from cleanclaim.x12 import write_json


def answer(members: list[dict[str, Any]], **extra: Any) -> str:
    """A 271 interchange from the guide's JSON fields."""
    tx = {
        "transaction_set": "271",
        "created": "2026-12-05",
        "information_source": {"name": "NORTHWIND HEALTH", "id": "NWH01"},
        "information_receiver": {"name": "NORTHSIDE FAMILY MEDICINE", "npi": "1234567893"},
        "members": members,
    }
    tx.update(extra)
    return write_json({"x12_json_version": "1", "transactions": [tx]})


def member(benefits: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    return {
        "last_name": "DOE",
        "first_name": "JANE",
        "member_id": "W123456789",
        "dob": "1980-01-02",
        "sex": "F",
        "benefits": benefits,
        **fields,
    }


#: What the in-process responder answers for a member id it is not told about.
ACTIVE_BENEFITS: list[dict[str, Any]] = [
    {"eligibility_code": "1", "service_types": ["30"], "plan_description": "SILVER PPO"},
    {
        "eligibility_code": "B",
        "service_types": ["98"],
        "time_period": "27",
        "amount": "25",
        "in_network": True,
    },
    {"eligibility_code": "A", "service_types": ["30"], "percent": "0.2", "in_network": True},
    {
        "eligibility_code": "C",
        "coverage_level": "IND",
        "service_types": ["30"],
        "time_period": "23",
        "amount": "1500",
        "in_network": True,
    },
    {
        "eligibility_code": "C",
        "coverage_level": "IND",
        "service_types": ["30"],
        "time_period": "29",
        "amount": "1200",
        "in_network": True,
    },
    {
        "eligibility_code": "G",
        "coverage_level": "IND",
        "service_types": ["30"],
        "time_period": "23",
        "amount": "6000",
        "in_network": True,
    },
    {
        "eligibility_code": "G",
        "coverage_level": "IND",
        "service_types": ["30"],
        "time_period": "29",
        "amount": "5100",
        "in_network": True,
    },
]
INACTIVE_BENEFITS: list[dict[str, Any]] = [{"eligibility_code": "6", "service_types": ["30"]}]


def responder(
    answers: dict[str, Any] | None = None,
) -> Any:
    """An in-process payer: a ``send(connection, x12) -> bytes`` answering each 270 with a
    271 for the member asked about. ``answers`` maps a member id to a list of benefits
    (the builder's fields), ``"not found"`` (AAA 75), or a dict of member fields to
    override (``{"first_name": "JANET", "benefits": [...]}``); others get
    :data:`ACTIVE_BENEFITS`."""
    from cleanclaim.x12 import parse
    from cleanclaim.x12.x279a1_270_271.parsing import TransactionEligibility

    table = answers or {}

    def send(connection: Any, x12: str) -> bytes:
        tx = parse(x12.encode()).transactions[0].data
        assert isinstance(tx, TransactionEligibility)
        e = tx.eligibility
        people = []
        for m in e.members:
            nm1, dmg = m.name, m.demographics
            person: dict[str, Any] = {
                "last_name": nm1.name_last_or_organization_name if nm1 else "",
                "first_name": nm1.name_first if nm1 else "",
            }
            if nm1 and nm1.identification_code:
                person["member_id"] = nm1.identification_code
            if dmg and dmg.date_time_period:
                d = dmg.date_time_period
                person["dob"] = f"{d[:4]}-{d[4:6]}-{d[6:8]}"
                person["sex"] = dmg.gender_code
            people.append(person)
        member_id = people[0].get("member_id", "")
        said = table.get(member_id, ACTIVE_BENEFITS)
        patient = people[-1]
        if said == "not found":
            patient["rejections"] = [
                {"reason": "75", "follow_up_action": "C", "valid_request": True}
            ]
        elif isinstance(said, dict):
            patient.update(said)
        else:
            patient["benefits"] = said
        src, rcv = e.information_source, e.information_receiver
        return answer(
            people,
            information_source={
                "name": src.name_last_or_organization_name if src else "PAYER",
                "id": src.identification_code if src else "PAYER",
            },
            information_receiver={
                "name": rcv.name_last_or_organization_name if rcv else "PROVIDER",
                "npi": rcv.identification_code if rcv else "1234567893",
            },
        ).encode()

    return send


#: What :func:`send` answers per member id (tests set it; empty: every member active).
ANSWERS: dict[str, Any] = {}


def send(connection: Any, x12: str) -> bytes:
    """The in-process payer as ``CLEANCLAIM_ELIGIBILITY_SENDER``
    (``"cleanclaim.testing.eligibility.send"``), answering from :data:`ANSWERS`."""
    return bytes(responder(ANSWERS)(connection, x12))
