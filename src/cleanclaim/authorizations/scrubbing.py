"""The authorizations on file, for the scrubber's ``auth`` rules
(:mod:`cleanclaim.edits.rules.authorization`).

For a claim: every authorization of the claim's patient as an
:class:`~cleanclaim.edits.authorization.AuthorizationFact` keyed by its payer's id,
with the units left *not counting* the claim's own uses (nor those of the claim it
replaces or voids), so scrubbing a claim again judges it the same. A practice that has
recorded no authorization at all gets None: the rules stay silent (the payer rule
``PAYER-AUTH`` still asks for a REF*G1 number)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q, Sum

from cleanclaim.authorizations.models import Authorization, AuthorizationUse
from cleanclaim.claims.models import Claim
from cleanclaim.edits.authorization import AuthorizationFact, AuthorizationTable, parse_services

__all__ = ["authorizations_on_file", "fact_of"]


def fact_of(a: Authorization, used: Decimal) -> AuthorizationFact:
    left = None if a.units_authorized is None else a.units_authorized - used
    return AuthorizationFact(
        number=a.number,
        payer_id=a.coverage.payer.payer_id,
        services=parse_services(a.services),
        start=a.start_date,
        end=a.end_date,
        status=a.status,
        authorized=a.units_authorized,
        remaining=left,
        modifiers=tuple(a.modifiers),
        label=f"authorization {a.number or a.pk}",
    )


def authorizations_on_file(claim: Claim) -> AuthorizationTable | None:
    if not Authorization.objects.filter(practice_id=claim.practice_id).exists():
        return None
    mine = [claim.pk] + ([claim.replaces_id] if claim.replaces_id else [])
    rows = list(
        Authorization.objects.filter(patient_id=claim.patient_id).select_related("coverage__payer")
    )
    used = dict(
        AuthorizationUse.objects.filter(authorization__in=rows)
        .exclude(Q(claim_id__in=mine) | Q(released_by_id__in=mine))
        .values_list("authorization_id")
        .annotate(s=Sum("units"))
    )
    return AuthorizationTable(fact_of(a, Decimal(used.get(a.pk) or 0)) for a in rows)
