"""Build the 270 for one policy (005010X279A1) through the guide package's builder.

The :class:`Inquiry` carries what the 270 needs: the payer (2100A NM1*PR, NM109 its
payer id), the provider asking (2100B NM1*1P with NM108 ``XX`` and its NPI), the
subscriber (2100C NM1*IL: name, member id; DMG birth date and sex), the patient as a
dependent (2100D NM1*03) when the patient is not the subscriber, the date of
service (DTP*291) and the service types (EQ01, repeated; 30 when none are chosen).
The interchange (ISA/GS) is written by the engine's JSON writer with its counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cleanclaim.x12 import write_json

from ._codes import DEFAULT_SERVICE_TYPES

__all__ = ["Inquiry", "Person", "build_270"]


@dataclass(frozen=True, slots=True)
class Person:
    """A subscriber or patient as asked about (2100C/2100D NM1 and DMG)."""

    last_name: str
    first_name: str
    date_of_birth: dt.date | None = None
    sex: str = ""
    member_id: str = ""


@dataclass(frozen=True, slots=True)
class Inquiry:
    """One 270: who asks whom about whom, for which day and service types."""

    payer_name: str
    payer_id: str
    provider_name: str
    provider_npi: str
    subscriber: Person
    day: dt.date
    service_types: tuple[str, ...] = DEFAULT_SERVICE_TYPES
    dependent: Person | None = None  # the patient, when not the subscriber
    reference: str = "1"  # BHT03 and TRN02: how the answer is matched to the question
    control_number: int = 1  # ISA13, GS06, ST02
    submitter_id: str = "CLEANCLAIM"  # ISA06/GS02
    receiver_id: str = ""  # ISA08/GS03 (the payer id when blank)
    extra: dict[str, str] = field(default_factory=dict)


def _member(p: Person) -> dict[str, Any]:
    out: dict[str, Any] = {"last_name": p.last_name, "first_name": p.first_name}
    if p.member_id:
        out["member_id"] = p.member_id
    if p.date_of_birth:
        out["dob"] = p.date_of_birth.isoformat()
    if p.sex:
        out["sex"] = p.sex
    return out


def build_270(inquiry: Inquiry, *, now: dt.datetime | None = None) -> str:
    """The 270 interchange (ISA..IEA) as X12 text. Raises
    :class:`cleanclaim.x12.X12Error` naming a missing required field."""
    when = now or dt.datetime.now(dt.UTC)
    types = list(inquiry.service_types or DEFAULT_SERVICE_TYPES)
    subscriber = _member(inquiry.subscriber)
    dated = [{"qualifier": "291", "date": inquiry.day.isoformat()}]
    members = [subscriber]
    if inquiry.dependent is not None:
        dependent = _member(inquiry.dependent)
        dependent.pop("member_id", None)  # the dependent is named under the subscriber's id
        dependent.update(service_types=types, plan_dates=dated)
        members.append(dependent)
    else:
        subscriber.update(service_types=types, plan_dates=dated)
    ctl = str(inquiry.control_number)
    tx = {
        "transaction_set": "270",
        "interchange_control_number": ctl,
        "group_control_number": ctl,
        "control_number": ctl.rjust(4, "0")[-9:],
        "reference": inquiry.reference,
        "created": when.date().isoformat(),
        "sender_id": inquiry.submitter_id,
        "receiver_id": inquiry.receiver_id or inquiry.payer_id,
        "information_source": {"name": inquiry.payer_name, "id": inquiry.payer_id},
        "information_receiver": {"name": inquiry.provider_name, "npi": inquiry.provider_npi},
        "members": members,
    }
    return write_json({"x12_json_version": "1", "transactions": [tx]}, now=when)
