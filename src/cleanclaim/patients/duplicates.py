"""Possible duplicates shown on entry: the same person registered twice splits their
history and their claims. A warning with links, never a refusal (twins, common names):
the desk confirms with "create anyway"."""

from __future__ import annotations

import datetime as dt

from cleanclaim.patients.models import Patient
from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Practice


def same_person(
    practice: Practice,
    *,
    last_name: str,
    first_name: str,
    date_of_birth: dt.date | None,
    exclude_pk: int | None = None,
) -> list[Patient]:
    """Patients of the practice with the same name (any case) and birth date."""
    if not (last_name and first_name and date_of_birth):
        return []
    found = Patient.objects.filter(
        practice=practice,
        last_name__iexact=last_name.strip(),
        first_name__iexact=first_name.strip(),
        date_of_birth=date_of_birth,
    )
    if exclude_pk is not None:
        found = found.exclude(pk=exclude_pk)
    return list(found.order_by("pk")[:10])


def same_member(
    practice: Practice, payer: Payer | None, member_id: str, *, exclude_patient_pk: int | None
) -> list[Patient]:
    """Other patients of the practice holding a policy of ``payer`` with ``member_id``."""
    if payer is None or not member_id:
        return []
    found = Patient.objects.filter(
        practice=practice,
        coverages__payer=payer,
        coverages__member_id__iexact=member_id.strip(),
    ).distinct()
    if exclude_patient_pk is not None:
        found = found.exclude(pk=exclude_patient_pk)
    return list(found.order_by("pk")[:10])


__all__ = ["same_member", "same_person"]
