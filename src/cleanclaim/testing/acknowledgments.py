"""Acknowledgment files (999, TA1, 277CA) as a clearinghouse writes them, built with the
X12 engine: for tests of the intake."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cleanclaim.x12 import write_json

NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)


def ack_999(
    group: int,
    sets: list[dict[str, Any]],
    *,
    control: int = 901,
    result: dict[str, str] | None = None,
) -> bytes:
    """A 999 answering our group ``group`` (GS06); ``sets``: per ST02 a status and
    segment errors (the 999 JSON fields)."""
    tx = {
        "transaction_set": "999",
        "interchange_control_number": str(control),
        "group_control_number": str(control),
        "control_number": "0001",
        "submitter": {"id": "SANDBOXCH"},
        "receiver": {"id": "CLEANCLAIM"},
        "acknowledgment": {
            "group": {
                "functional_id": "HC",
                "control_number": str(group),
                "version": "005010X222A1",
            },
            "transaction_sets": [
                {"transaction_set": "837", "version": "005010X222A1", **s} for s in sets
            ],
            "result": result or {},
        },
    }
    return write_json(tx, now=NOW).encode()


def ta1(interchange: int, code: str = "R", note: str = "006") -> bytes:
    """A bare TA1 interchange answering our ISA13 ``interchange``."""
    isa = (
        "ISA*00*          *00*          *ZZ*SANDBOXCH      *ZZ*CLEANCLAIM     "
        "*260302*0930*^*00501*000000777*0*T*:~"
    )
    return (f"{isa}TA1*{interchange:09d}*260302*0930*{code}*{note}~IEA*0*000000777~").encode()


def ack_277ca(claims: list[dict[str, Any]], *, control: int = 902) -> bytes:
    """A 277CA with one entry per claim: ``pcn``, ``status`` ("A2:20:PR"), optional
    ``action``, ``payer_claim`` (REF*1K), ``charge``."""
    items = []
    for c in claims:
        category, status, entity = ([*c["status"].split(":"), "", ""])[:3]
        item = {
            "provider": {"name": "NORTHSIDE CLINIC", "id": "1234567893"},
            "patient": {"last_name": "DOE", "first_name": "JANE", "member_id": "M1"},
            "patient_control_number": c["pcn"],
            "charge": c.get("charge", "125.00"),
            "service_dates": [{"date": "2026-01-15"}],
            "statuses": [
                {
                    "category": category,
                    "status_code": status,
                    "entity": entity,
                    **({"action": c["action"]} if "action" in c else {}),
                }
            ],
        }
        if c.get("payer_claim"):
            item["payer_claim_control_number"] = c["payer_claim"]
        items.append(item)
    tx = {
        "transaction_set": "277",
        "version": "005010X214",
        "interchange_control_number": str(control),
        "group_control_number": str(control),
        "control_number": "0001",
        "reference": f"ACK{control}",
        "created": "2026-03-02",
        "information_source": {"name": "SANDBOX CLEARINGHOUSE", "id": "SANDBOXCH"},
        "information_receiver": {"name": "NORTHSIDE BILLING", "id": "SUB01"},
        "claims": items,
    }
    return write_json(tx, now=NOW).encode()


def status_277(pcn: str, status: str = "F1:65", *, paid: str = "100", charge: str = "125") -> bytes:
    """A 277 claim status answer (005010X212) for one claim: ``status`` is STC01
    (category:status[:entity]); STC04 charge, STC05 paid."""
    body = [
        "ST*277*0001*005010X212",
        "BHT*0010*08*STATUS1*20260302*0930*DG",
        "HL*1**20*1",
        "NM1*PR*2*NORTHSIDE HEALTH PLAN*****PI*NHP01",
        "HL*2*1*21*1",
        "NM1*41*2*NORTHSIDE BILLING*****46*NORTHSIDE",
        "HL*3*2*19*1",
        "NM1*1P*2*NORTHSIDE CLINIC*****XX*1234567893",
        "HL*4*3*22*0",
        "NM1*IL*1*DOE*JANE****MI*M1",
        f"TRN*2*{pcn}",
        f"STC*{status}*20260301**{charge}*{paid}",
        "REF*1K*PAY1",
        "DTP*472*RD8*20260115-20260115",
    ]
    body.append(f"SE*{len(body) + 1}*0001")
    isa = (
        "ISA*00*          *00*          *ZZ*SANDBOXCH      *ZZ*NORTHSIDE      "
        "*260302*0930*^*00501*000000778*0*T*:"
    )
    return "~".join(
        [
            isa,
            "GS*HN*SANDBOXCH*NORTHSIDE*20260302*0930*778*X*005010X212",
            *body,
            "GE*1*778",
            "IEA*1*000000778",
            "",
        ]
    ).encode()
