"""The patient page's visits section (each checks the permission itself, so the patient
view needs no change)."""

from __future__ import annotations

from typing import Any

from django import template

from cleanclaim.claims.events import STATUSES
from cleanclaim.tenancy.scoping import practice_ids

register = template.Library()


@register.inclusion_tag("claims/_patient_visits.html", takes_context=True)
def patient_visits(context: Any, patient: Any) -> dict[str, Any]:
    user = context["request"].user
    can_code = patient.practice_id in practice_ids(user, "coding.work")
    can_bill = patient.practice_id in practice_ids(user, "claims.work")
    visits = []
    if can_code or can_bill:
        for e in patient.encounters.prefetch_related("claims")[:20]:
            claims = [(c, STATUSES.get(c.status, c.status)) for c in e.claims.all()]
            visits.append((e, claims))
    return {
        "patient": patient,
        "visits": visits,
        "can_code": can_code,
        "can_bill": can_bill,
        "csrf_token": context.get("csrf_token"),
    }
