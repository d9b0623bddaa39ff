"""``{% patient_authorizations patient %}``: the warnings and a link to the patient's
authorizations, for the patient page and check-in (the page including it has already
audited its read of the patient)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from cleanclaim.authorizations.warnings import warnings_for

register = template.Library()


@register.inclusion_tag("authorizations/_patient.html")
def patient_authorizations(patient: Any, day: Any = None) -> dict[str, Any]:
    return {"patient": patient, "warnings": warnings_for(patient, day or timezone.localdate())}


@register.inclusion_tag("authorizations/_patient.html")
def visit_authorizations(encounter: Any) -> dict[str, Any]:
    """The warnings for a visit being coded: its coded codes on its date of service."""
    codes = [ln.procedure for ln in encounter.lines.all()]
    return {
        "patient": encounter.patient,
        "warnings": warnings_for(encounter.patient, encounter.service_from, codes),
    }
