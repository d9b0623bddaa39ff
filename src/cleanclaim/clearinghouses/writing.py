"""One batch's 837P: the claims in one ISA/GS/ST with the connection's envelope.

Everything in the envelope comes from the :class:`~cleanclaim.clearinghouses.models.
Connection`, so a file is never written with another connection's ids or usage:

=========  ==============================================  ==========================
element    meaning                                          from
=========  ==============================================  ==========================
ISA05/06   interchange sender qualifier and id             ``isa_sender_*``
ISA07/08   interchange receiver qualifier and id           ``isa_receiver_*``
ISA13      interchange control number (nine digits)        :func:`~.control.next_numbers`
ISA15      usage indicator, T test / P production          ``usage_indicator``
GS02/03    application sender and receiver codes           ``gs_sender``/``gs_receiver``
GS06       group control number                            :func:`~.control.next_numbers`
ST02       transaction set control number                  :func:`~.control.next_numbers`
1000A      submitter name, id (NM109), contact (PER)       ``submitter_*``
1000B      receiver name and id                            ``receiver_*``
2010BB     payer id                                        the payer's id on this
                                                           connection (``PayerConnectionId``)
=========  ==============================================  ==========================
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from cleanclaim.claims.models import Claim
from cleanclaim.claims.x837p import to_837p
from cleanclaim.clearinghouses.control import Numbers
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.x12 import write_json
from cleanclaim.x12.x222a1_837p.json import claim_json

#: The guide's advice: at most 5,000 claims (CLM) per transaction set (837P 1.4.1).
MAX_CLAIMS_PER_FILE = 5000
VERSION = "005010X222A1"


def envelope(connection: Connection, numbers: Numbers, now: dt.datetime) -> dict[str, list[str]]:
    """ISA and GS for one batch (X12.5; 837P appendix C)."""
    isa = [
        "ISA",
        "00",
        " " * 10,
        "00",
        " " * 10,
        connection.isa_sender_qualifier,
        connection.isa_sender_id[:15].ljust(15),
        connection.isa_receiver_qualifier,
        connection.isa_receiver_id[:15].ljust(15),
        now.strftime("%y%m%d"),
        now.strftime("%H%M"),
        "^",
        "00501",
        f"{numbers.isa13:09d}",
        "0",
        connection.usage_indicator,
        ":",
    ]
    gs = [
        "GS",
        "HC",
        connection.gs_sender,
        connection.gs_receiver,
        now.strftime("%Y%m%d"),
        now.strftime("%H%M"),
        str(numbers.gs06),
        "X",
        VERSION,
    ]
    return {"isa": isa, "gs": gs}


def claim_views(
    claims: Sequence[Claim], payer_ids: Mapping[int, str]
) -> tuple[list[tuple[Claim, Any]], list[tuple[Claim, str]]]:
    """Each claim as the engine's 837P claim with the connection's payer id
    (``payer_ids``: payer pk → id on this connection); those that cannot be written
    (the engine names the missing field) apart, with the reason."""
    from cleanclaim.x12 import X12Error

    good: list[tuple[Claim, Any]] = []
    bad: list[tuple[Claim, str]] = []
    for claim in claims:
        try:
            view = to_837p(claim)
            routed = payer_ids.get(claim.payer_id)
            if routed:
                view = dataclasses.replace(view, payer=dataclasses.replace(view.payer, id=routed))
            good.append((claim, claim_json(view)))
        except (X12Error, ValueError) as exc:
            bad.append((claim, str(exc)))
    return good, bad


def write_batch(
    connection: Connection,
    claims_json: Sequence[dict[str, Any]],
    numbers: Numbers,
    *,
    now: dt.datetime,
) -> bytes:
    """The 837P interchange of one batch, bytes (ASCII, one segment a line)."""
    submitter = {
        "name": connection.submitter_name,
        "id": connection.submitter_id,
        "contact_name": connection.submitter_contact,
        "phone": "".join(ch for ch in connection.submitter_phone if ch.isdigit()),
    }
    receiver = {"name": connection.receiver_name, "id": connection.receiver_id}
    doc = {
        "x12_json_version": "1",
        "transactions": [
            {
                "transaction_set": "837",
                "envelope": envelope(connection, numbers, now),
                "control_number": str(numbers.st02).rjust(4, "0"),
                "test": connection.usage_indicator == "T",
                "reference": f"B{numbers.isa13:09d}",
                "created": now.strftime("%Y-%m-%dT%H:%M"),
                "submitter": submitter,
                "receiver": receiver,
                "claims": list(claims_json),
            }
        ],
    }
    return write_json(doc, now=now).encode("ascii")
