"""Claim status (276/277, 005010X212): ask the payer where a sent claim is.

:func:`ask` builds the 276 for one claim (:func:`request_json` →
``x212_276_277.building.build_276``), sends it in real time through the claim's
clearinghouse connection (``cleanclaim.clearinghouses.realtime.exchange`` with the CORE
payload type ``X12_276_Request_005010X212``), reads the 277
(``x212_276_277.view.status_report``) and records a ``status_answer`` event on the
claim with each STC in plain words (:func:`cleanclaim.clearinghouses.acks.explain_stc`).
A failure (the clearinghouse did not answer, the payer is down, bad credentials, no
connection) is recorded too, as the plain message, and answered, never raised: the
claim page and the API show it.

The connection: the one the claim was last sent through (its latest batch), else the
one the payer profile names (``clearinghouse_connection``) in the practice's
organisation. Asked automatically for claims with no answer after the payer profile's
``claim_status_after_days`` (:func:`due`, the task
``cleanclaim.clearinghouses.ask_due_claim_status``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone

from cleanclaim.audit.actor import Actor
from cleanclaim.caqhcore.envelope import X12_276_REQUEST
from cleanclaim.claims import events
from cleanclaim.claims.actions import view_claim
from cleanclaim.claims.events import Kind
from cleanclaim.claims.models import Claim, ClaimEvent
from cleanclaim.x12 import X12Error, write_json

__all__ = ["X12_276_REQUEST", "Answer", "NoConnection", "ask", "due", "request_json"]

#: Statuses of a claim whose status may be asked: sent, no final answer yet.
ASKABLE = ("submitted", "accepted")
#: Where the real-time exchange lives (the clearinghouse app), looked up at run time.


class NoConnection(Exception):
    """The claim has no clearinghouse connection to ask through."""


@dataclass(frozen=True)
class Answer:
    """What the payer said (``ok``) or why there is no answer; ``text`` in plain words."""

    ok: bool
    text: str
    statuses: list[dict[str, str]] = field(default_factory=list)
    event_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "text": self.text, "statuses": self.statuses}


def _connection(claim: Claim) -> Any:
    from cleanclaim.clearinghouses.models import BatchClaim, Connection

    held = (
        BatchClaim.objects.filter(claim=claim)
        .select_related("batch__connection")
        .order_by("-batch_id")
        .first()
    )
    if held is not None:
        return held.batch.connection
    name = claim.payer.clearinghouse_connection
    found = (
        Connection.objects.filter(
            organisation_id=claim.practice.organisation_id, name=name, active=True
        )
        .filter(Q(practice=claim.practice) | Q(practice__isnull=True))
        .order_by("practice_id")  # the practice's own first (nulls last in both databases)
        .first()
        if name
        else None
    )
    if found is None:
        raise NoConnection(
            f"claim {claim.number} has no clearinghouse connection to ask the payer through"
        )
    return found


def _payer_claim_number(claim: Claim) -> str:
    for data in (
        ClaimEvent.objects.filter(claim=claim, kind=Kind.ACKNOWLEDGED)
        .order_by("-id")
        .values_list("data", flat=True)
    ):
        if data.get("payer_claim_number"):
            return str(data["payer_claim_number"])
    return ""


def _payer_id(claim: Claim, connection: Any) -> str:
    routed = claim.payer.connection_ids.filter(connection=connection.name).first()
    return routed.connection_payer_id if routed else claim.payer.payer_id


def request_json(claim: Claim, connection: Any, *, today: dt.date) -> dict[str, Any]:
    """The 276's convenient fields (``x212_276_277.building``) for one claim."""
    coverage = claim.coverage
    patient = claim.patient
    is_self = coverage.relationship == "18" or not coverage.subscriber_last_name
    person = {
        "last_name": patient.last_name if is_self else coverage.subscriber_last_name,
        "first_name": patient.first_name if is_self else coverage.subscriber_first_name,
        "member_id": coverage.member_id,
    }
    item: dict[str, Any] = {
        "provider": {"name": claim.practice.legal_name, "id": claim.practice.npi},
        "subscriber": person,
        "patient_control_number": claim.number,
        "charge": str(claim.total_charge),
        "service_dates": [
            {"start": claim.service_from.isoformat(), "end": claim.service_to.isoformat()}
        ],
    }
    if not is_self:
        item["patient"] = {"last_name": patient.last_name, "first_name": patient.first_name}
    number = _payer_claim_number(claim)
    if number:
        item["payer_claim_control_number"] = number
    return {
        "transaction_set": "276",
        "version": "005010X212",
        "interchange_control_number": str(claim.pk % 1_000_000_000 or 1),
        "group_control_number": str(claim.pk % 1_000_000_000 or 1),
        "control_number": "0001",
        "test": connection.usage_indicator == "T",
        "submitter": {"id": connection.isa_sender_id},
        "receiver": {"id": connection.isa_receiver_id},
        "reference": claim.number,
        "created": today.isoformat(),
        "information_source": {"name": claim.payer.name, "id": _payer_id(claim, connection)},
        "information_receiver": {"name": connection.submitter_name, "id": connection.submitter_id},
        "claims": [item],
    }


def _exchange(connection: Any, payload_type: str, x12: bytes) -> bytes:
    from cleanclaim.clearinghouses import realtime  # the clearinghouse app builds on claims

    return realtime.exchange(connection, payload_type, x12)


def _read_277(claim: Claim, data: bytes) -> list[dict[str, str]]:
    from cleanclaim.clearinghouses.acks import explain_stc, status_reports

    out: list[dict[str, str]] = []
    for report in status_reports(data):
        for found in report.claims:
            trace = found.trace.reference_identification if found.trace else ""
            if trace and trace != claim.number:
                continue
            for stc in found.statuses:
                for info in (
                    stc.health_care_claim_status,
                    stc.health_care_claim_status_2,
                    stc.health_care_claim_status_3,
                ):
                    if info is None:
                        continue
                    row = explain_stc(info).as_dict()
                    if stc.monetary_amount_2 is not None:
                        row["paid"] = str(stc.monetary_amount_2)
                    if stc.date:
                        row["date"] = stc.date
                    out.append(row)
    return out


def ask(actor: Actor, claim: Claim, *, today: dt.date | None = None) -> Answer:
    """Ask the payer for ``claim``'s status now; the answer (or the failure) is recorded
    as a ``status_answer`` event and returned."""
    if claim.status not in ASKABLE:
        label = events.STATUSES.get(claim.status, claim.status).lower()
        return Answer(False, f"a claim that is {label} has no status to ask: it is not out")
    day = today or timezone.localdate()
    data: dict[str, Any] = {"asked": timezone.now().isoformat()}
    try:
        connection = _connection(claim)
        data["connection"] = connection.name
        x12 = write_json(request_json(claim, connection, today=day)).encode()
        answer = _exchange(connection, X12_276_REQUEST, x12)
        statuses = _read_277(claim, answer)
    except NoConnection as exc:
        result = Answer(False, str(exc))
    except X12Error as exc:
        result = Answer(False, f"the claim status answer could not be read: {exc}")
    except Exception as exc:  # the real-time errors carry a plain .message
        message = getattr(exc, "message", "") or str(exc) or type(exc).__name__
        result = Answer(False, message)
    else:
        if statuses:
            text = "; ".join(s["text"] for s in statuses)
            result = Answer(True, text, statuses)
        else:
            result = Answer(False, "the payer's answer names no status for this claim")
    data.update(ok=result.ok, text=result.text, statuses=result.statuses)
    event = events.append(actor, claim, Kind.STATUS_ANSWER, data)
    # the 276 tells the payer who the patient is: the disclosure is audited
    view_claim(actor, claim, what=f"claim status inquiry (276) via {data.get('connection', '-')}")
    return Answer(result.ok, result.text, result.statuses, event.pk)


def due(now: dt.datetime) -> list[Claim]:
    """Claims sent (``submitted``/``accepted``) whose last sending or status answer is
    older than their payer's ``claim_status_after_days`` (the practice's override
    applied): the ones to ask about now."""
    from cleanclaim.payers.profile import effective_profile

    out: list[Claim] = []
    claims = Claim.objects.filter(status__in=ASKABLE).select_related("payer", "practice")
    for claim in claims.iterator():
        sent = (
            ClaimEvent.objects.filter(claim=claim, kind__in=(Kind.SUBMITTED, Kind.STATUS_ANSWER))
            .order_by("-id")
            .values_list("at", flat=True)
            .first()
        )
        days = effective_profile(claim.payer, claim.practice).claim_status_after_days
        if sent is not None and sent <= now - dt.timedelta(days=days):
            out.append(claim)
    return out


def ask_due(actor: Actor, now: dt.datetime) -> dict[str, int]:
    """Ask about every claim :func:`due` as of ``now``: counts of answers and failures."""
    done = {"asked": 0, "answered": 0, "failed": 0}
    for claim in due(now):
        answer = ask(actor, claim, today=timezone.localdate(now))
        done["asked"] += 1
        done["answered" if answer.ok else "failed"] += 1
    return done
