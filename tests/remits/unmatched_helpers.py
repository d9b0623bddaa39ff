"""An unmatched payment with two candidate claims, for the match-by-hand tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import Claim
from cleanclaim.remits import actions
from cleanclaim.remits.models import RemittanceFile, Unmatched
from cleanclaim.testing.remits import claims_for_835, many_claims_835


@dataclass
class Waiting:
    rf: RemittanceFile
    unmatched: Unmatched
    #: The claim the payment answers (number OTHER1) and its twin (OTHER2, same
    #: patient and dates, another charge).
    right: Claim
    twin: Claim


def waiting_payment(tenant: Any) -> Waiting:
    """RC0000001 posts; RC0000002's claim was renumbered OTHER1 and a twin of the same
    patient fits the dates too, so the payment waits for a person."""
    actor = Actor(user=None, label="system: test")
    data = many_claims_835(2)
    where = (tenant.practice, tenant.payer, tenant.provider, tenant.location)
    claims = claims_for_835(actions.read(data)[0], *where)
    claims[1].number = "OTHER1"
    claims[1].save(update_fields=["number"])
    twin = claims_for_835(actions.read(many_claims_835(1, first=2))[0], *where)[0]
    twin.number = "OTHER2"
    twin.total_charge = twin.total_charge + 10
    twin.save(update_fields=["number", "total_charge"])
    twin.patient.last_name = claims[1].patient.last_name
    twin.patient.save(update_fields=["last_name"])
    rf = actions.take_in_835(actor, tenant.practice, "x.835", data)
    actions.post_file(actor, rf)
    # this file's: the demo leaves one unmatched payment of its own
    waiting = Unmatched.objects.get(resolved_at__isnull=True, claim_payment__remittance=rf)
    return Waiting(rf, waiting, claims[1], twin)
