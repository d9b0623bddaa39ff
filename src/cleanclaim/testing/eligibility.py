"""271s built with the guide package's builder for the benefits tests."""

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
        **extra,
    }
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
