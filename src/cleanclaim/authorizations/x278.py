"""Requesting an authorization through a 278 (005010X217) and reading the answer.

:func:`request_x12` builds the 278 request interchange for a coverage and services
(:func:`cleanclaim.x12.x217_278.building.build_278` through the JSON writer): the UMO is
the payer (2010A NM1*X3), the requester the practice (2010B NM1*1P, its NPI), the
subscriber (2010C, the patient when self) or the dependent (2010D), the event
(2000E UM01 ``HS`` health services review, UM02 ``I`` initial, DTP*AAH the dates asked)
and one 2000F service per code (SV1 procedure, HSD quantity).

:func:`read_answer` reads the 278 response with :func:`cleanclaim.x12.x217_278.view.review`:
HCR01 ``A1`` certified (approved with HCR02's number), ``A6`` modified (approved),
``A3`` not certified (denied, HCR03 the reason), ``A4`` pended (requested); an AAA
rejection is refused with its reason.

:func:`request_authorization` sends through ``send`` (text in, text out: the practice's
real-time connection) and records the authorization from the answer, keeping both raw
X12 texts with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from cleanclaim.audit.actor import Actor
from cleanclaim.authorizations.actions import Invalid, record_authorization
from cleanclaim.authorizations.models import Authorization
from cleanclaim.patients.models import Coverage
from cleanclaim.x12 import X12Error, parse, write_json

__all__ = [
    "Answer",
    "NotSent",
    "read_answer",
    "request_authorization",
    "request_through_connection",
    "request_x12",
]

_STATUS = {"A1": "approved", "A6": "approved", "A3": "denied", "A4": "requested"}


def _person(last: str, first: str, dob: dt.date | None, sex: str) -> dict[str, str]:
    out = {"last_name": last.upper(), "first_name": first.upper()}
    if dob is not None:
        out["dob"] = dob.isoformat()
    if sex:
        out["sex"] = sex
    return out


def request_x12(
    coverage: Coverage,
    codes: Sequence[str],
    start: dt.date,
    end: dt.date,
    *,
    diagnoses: Sequence[str] = (),
    quantity: Decimal = Decimal(1),
    control_number: int = 1,
    now: dt.datetime | None = None,
) -> str:
    """The 278 request interchange (ISA..IEA) as X12 text; :class:`X12Error` names a
    missing required field."""
    when = now or timezone.now()
    patient = coverage.patient
    practice = patient.practice
    if coverage.relationship == Coverage.Relationship.SELF:
        subscriber = _person(
            patient.last_name, patient.first_name, patient.date_of_birth, patient.sex
        )
        dependent = None
    else:
        subscriber = _person(
            coverage.subscriber_last_name,
            coverage.subscriber_first_name,
            coverage.subscriber_date_of_birth,
            coverage.subscriber_sex,
        )
        dependent = _person(
            patient.last_name, patient.first_name, patient.date_of_birth, patient.sex
        )
    subscriber["member_id"] = coverage.member_id
    ctl = str(control_number)
    event: dict[str, object] = {
        "request_category": "HS",
        "certification_type": "I",
        "service_type": "1",
        "dates": [{"qualifier": "AAH", "start": start.isoformat(), "end": end.isoformat()}],
        "services": [{"procedure": {"code": c}, "quantity": str(quantity)} for c in codes],
    }
    if diagnoses:
        event["diagnoses"] = [{"code": d} for d in diagnoses]
    tx: dict[str, object] = {
        "transaction_set": "278",
        "interchange_control_number": ctl,
        "group_control_number": ctl,
        "control_number": ctl.rjust(4, "0")[-9:],
        "reference": f"PA{ctl}",
        "created": when.date().isoformat(),
        "sender_id": practice.npi,
        "receiver_id": coverage.payer.payer_id,
        "umo": {"name": coverage.payer.name.upper(), "id": coverage.payer.payer_id},
        "requester": {
            "name": (practice.legal_name or practice.name).upper()[:60],
            "npi": practice.npi,
        },
        "subscriber": subscriber,
        "event": event,
    }
    if dependent is not None:
        tx["dependent"] = dependent
    return str(write_json({"x12_json_version": "1", "transactions": [tx]}, now=when))


@dataclass(frozen=True, slots=True)
class Answer:
    status: str  # approved, denied, requested
    number: str
    reason: str  # HCR03 or the AAA rejection, for the notes


def read_answer(text: str) -> Answer:
    """The decision of a 278 response; :class:`Invalid` when it is not one or the UMO
    rejected the request (AAA), naming the reason."""
    try:
        parsed = parse(text)
    except X12Error as exc:
        raise Invalid({"response": [f"the answer is not X12: {exc}"]}) from None
    txs = [t for t in parsed.transactions if getattr(t.data, "kind", "") == "response"]
    if not txs:
        raise Invalid({"response": ["the answer holds no 278 response"]})
    review = txs[0].data.review
    if review.rejections:
        why = "; ".join(str(r) for r in review.rejections)
        raise Invalid({"response": [f"the payer rejected the request: {why}"]})
    decision = review.event.decision if review.event else None
    if decision is None and review.event and review.event.services:
        decision = next((s.decision for s in review.event.services if s.decision), None)
    if decision is None:
        raise Invalid({"response": ["the response carries no decision (HCR)"]})
    status = _STATUS.get(decision.action_code, "requested")
    return Answer(status, review.authorization_number, decision.decision_reason_code)


def request_authorization(
    actor: Actor,
    coverage: Coverage,
    codes: Sequence[str],
    start: dt.date,
    end: dt.date,
    send: Callable[[str], str],
    *,
    units: Decimal | None = None,
    diagnoses: Sequence[str] = (),
) -> Authorization:
    """Send a 278 for ``codes`` through ``send`` and record the authorization the
    answer gives (approved with its number, pended as requested, denied with the reason)."""
    try:
        request = request_x12(
            coverage, codes, start, end, diagnoses=diagnoses, quantity=units or Decimal(1)
        )
    except X12Error as exc:
        raise Invalid({"request": [str(exc)]}) from None
    response = send(request)
    answer = read_answer(response)
    notes = f"278 answer: {answer.status}" + (f", reason {answer.reason}" if answer.reason else "")
    return record_authorization(
        actor,
        coverage,
        services=" ".join(codes),
        start_date=start,
        end_date=end,
        number=answer.number,
        units_authorized=units,
        status=answer.status,
        source=Authorization.Source.X278,
        notes=notes,
        request_x12=request,
        response_x12=response,
    )


class NotSent(Exception):
    """A 278 that could not be sent or got no answer; ``message`` in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def request_through_connection(
    actor: Actor,
    coverage: Coverage,
    codes: Sequence[str],
    start: dt.date,
    end: dt.date,
    *,
    units: Decimal | None = None,
    diagnoses: Sequence[str] = (),
) -> Authorization:
    """:func:`request_authorization` through the practice's real-time connection
    (:func:`cleanclaim.clearinghouses.realtime.connection_for`, CORE payload type
    ``X12_278_REQUEST``). :class:`NotSent` when the practice has no real-time
    connection or the clearinghouse does not answer (nothing is recorded then)."""
    from cleanclaim.caqhcore import X12_278_REQUEST, CoreError
    from cleanclaim.clearinghouses import realtime

    practice = coverage.patient.practice
    connection = realtime.connection_for(practice)
    if connection is None:
        raise NotSent(
            "This practice has no real-time clearinghouse connection: record the "
            "authorization from the payer's portal or a call instead."
        )

    def send(x12: str) -> str:
        try:
            answer = realtime.exchange(connection, X12_278_REQUEST, x12, practice=practice)
        except CoreError as exc:
            raise NotSent(exc.message) from exc
        return answer.decode("ascii", "replace")

    return request_authorization(
        actor, coverage, codes, start, end, send, units=units, diagnoses=diagnoses
    )
