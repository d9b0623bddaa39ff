"""The profile a practice works with: the organisation's payer profile with the
practice's overrides applied. One function, :func:`effective_profile`, resolves it
for pages, the API and the deadlines."""

from __future__ import annotations

import copy
from typing import Any

from django.core.exceptions import ValidationError

from cleanclaim.payers.models import OVERRIDABLE_FIELDS, Payer, PracticePayerOverride
from cleanclaim.practices.models import Practice

__all__ = ["effective_profile", "overrides_of", "to_python"]


def to_python(name: str, value: Any) -> Any:
    """A stored override value (JSON) as the model field's Python value."""
    return Payer._meta.get_field(name).to_python(value)


def overrides_of(payer: Payer, practice: Practice | None) -> dict[str, Any]:
    """The fields ``practice`` overrides on ``payer`` (Python values); {} for none."""
    if practice is None:
        return {}
    row = PracticePayerOverride.objects.filter(payer=payer, practice=practice).first()
    if row is None:
        return {}
    return {k: to_python(k, v) for k, v in row.values.items() if k in OVERRIDABLE_FIELDS}


def effective_profile(payer: Payer, practice: Practice | None = None) -> Payer:
    """``payer`` as ``practice`` sees it: an unsaved copy with the practice's
    overridden fields applied (``payer`` itself when nothing is overridden).
    The copy's ``overridden`` attribute names the fields that came from the
    practice. Raises ``ValidationError`` when the practice is in another organisation."""
    if practice is not None and practice.organisation_id != payer.organisation_id:
        raise ValidationError(f"{practice} is not in the organisation of payer {payer.payer_id}")
    values = overrides_of(payer, practice)
    if not values:
        payer.overridden = frozenset()  # type: ignore[attr-defined]
        return payer
    profile = copy.copy(payer)
    for name, value in values.items():
        setattr(profile, name, value)
    profile.overridden = frozenset(values)  # type: ignore[attr-defined]
    return profile
