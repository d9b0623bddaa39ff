"""Sections other apps' pages include: a payer's contacts and calls, a patient's
"log a call" link. Each checks the permission itself, so the including view
needs no change."""

from __future__ import annotations

from typing import Any

from django import template

from cleanclaim.payercalls.models import Contact
from cleanclaim.tenancy.scoping import has_permission, practice_ids, scoped

register = template.Library()


@register.inclusion_tag("payercalls/_payer_people.html", takes_context=True)
def payer_people(context: Any, payer: Any) -> dict[str, Any]:
    user = context["request"].user
    contacts = scoped(Contact, user, "payers.view").filter(payer=payer)
    return {
        "payer": payer,
        "contacts": list(contacts),
        "can_edit": has_permission(user, "payers.contacts"),
        "can_log": has_permission(user, "calls.log"),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("payercalls/_patient_call_link.html", takes_context=True)
def patient_call_link(context: Any, patient: Any) -> dict[str, Any]:
    user = context["request"].user
    return {
        "patient": patient,
        "can_log": patient.practice_id in practice_ids(user, "calls.log"),
    }
