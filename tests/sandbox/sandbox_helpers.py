"""Helpers for the sandbox tests: 837Ps made from the golden claims, our validator's
errors, the files of one kind."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

from cleanclaim.sandbox.adjudicator import OutFile
from cleanclaim.x12 import parse, validate, write_json

GOLDEN = Path(__file__).parents[1] / "x12" / "golden" / "claims.json"
EXAMPLE_WORLD = Path(__file__).parents[2] / "src" / "cleanclaim" / "sandbox" / "example_world.json"
TODAY = dt.date(2026, 11, 5)


def golden_claim(index: int = 0, **changes: Any) -> dict[str, Any]:
    """A golden claim (0: Jane Smith, 99214-25 + 83036) with top-level fields changed."""
    obj = json.loads(GOLDEN.read_text())
    claim = copy.deepcopy(obj["transactions"][0]["claims"][index])
    claim.update(changes)
    return claim


def make_837(claims: list[dict[str, Any]], control: int = 101) -> bytes:
    """An 837P (the golden envelope and submitter) holding ``claims``."""
    obj = json.loads(GOLDEN.read_text())
    tx = obj["transactions"][0]
    tx["claims"] = claims
    tx["interchange_control_number"] = str(control)
    tx["group_control_number"] = str(control)
    return write_json(obj, now=dt.datetime(2026, 11, 2, 9, 30)).encode()


def of_kind(files: list[OutFile], kind: str) -> list[OutFile]:
    return [f for f in files if f.kind == kind]


def our_errors(data: bytes) -> list[str]:
    return [f"{f.code}: {f.message}" for f in validate(parse(data)).findings() if f.is_error]


def remits(data: bytes) -> dict[str, list[Any]]:
    """The 835's claim payments by patient control number (CLP01), in file order."""
    out: dict[str, list[Any]] = {}
    for t in parse(data).transactions:
        for c in t.data.remittance.claims:
            out.setdefault(c.clp.claim_submitters_identifier, []).append(c)
    return out


def adjustments(cas: list[Any]) -> list[tuple[str, str, Any]]:
    """CAS segments as (group, CARC, amount) triples."""
    return [
        (c.claim_adjustment_group_code, a.claim_adjustment_reason_code, a.monetary_amount)
        for c in cas
        for a in c.adjustments
    ]


def make_270(member: dict[str, Any], payer_id: str = "60054", day: str = "") -> bytes:
    """A 270 from the demo practice to ``payer_id`` about ``member``."""
    obj: dict[str, Any] = {
        "transaction_set": "270",
        "version": "005010X279A1",
        "created": "2026-11-02",
        "reference": "ELIG1",
        "sender_id": "CLEANCLAIMDEMO",
        "receiver_id": "CLEARINGHOUSE",
        "information_source": {"name": "ACME HEALTH PLAN", "id": payer_id},
        "information_receiver": {"name": "RIVERSIDE FAMILY MEDICINE", "npi": "1245319599"},
        "subscriber": member,
        "service_types": ["30"],
    }
    if day:
        obj["date"] = day
    return write_json(obj, now=dt.datetime(2026, 11, 2, 9, 30)).encode()


def make_276(claims: list[dict[str, Any]]) -> bytes:
    """A 276 from the demo practice asking about ``claims`` (patient control numbers)."""
    obj = {
        "transaction_set": "276",
        "version": "005010X212",
        "created": "2026-11-20",
        "reference": "STAT1",
        "sender_id": "CLEANCLAIMDEMO",
        "receiver_id": "CLEARINGHOUSE",
        "information_source": {"name": "ACME HEALTH PLAN", "id": "60054"},
        "information_receiver": {"name": "RIVERSIDE FAMILY MEDICINE", "id": "RFM0001"},
        "claims": [
            dict(
                {
                    "provider": {"name": "RIVERSIDE FAMILY MEDICINE", "id": "1245319599"},
                    "subscriber": {
                        "last_name": "SMITH",
                        "first_name": "JANE",
                        "member_id": "W123456789",
                        "dob": "1961-04-12",
                        "sex": "F",
                    },
                    "service_dates": [{"date": "2026-10-20"}],
                },
                **c,
            )
            for c in claims
        ],
    }
    return write_json(obj, now=dt.datetime(2026, 11, 20, 9, 30)).encode()
