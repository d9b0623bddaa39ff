"""A payer profile's limits as the deadline engine's :class:`PayerLimits`.

:func:`limits_for` reads one payer (as a practice sees it, overrides applied);
:func:`limits_by_payer_id` reads every payer of an organisation keyed by each id a
claim may carry for it: the payer id, the per-connection ids and the other ids.
"""

from __future__ import annotations

from cleanclaim.deadlines import Limit, PayerLimits
from cleanclaim.payers.models import LIMITS, Payer
from cleanclaim.payers.profile import effective_profile
from cleanclaim.practices.models import Organisation, Practice

__all__ = ["limits_by_payer_id", "limits_for"]


def _limit(profile: Payer, prefix: str) -> Limit | None:
    amount = getattr(profile, f"{prefix}_amount")
    if amount is None:
        return None
    return Limit(
        amount=int(amount),
        unit=getattr(profile, f"{prefix}_unit"),
        citation=getattr(profile, f"{prefix}_citation"),
    )


def limits_for(payer: Payer, practice: Practice | None = None) -> PayerLimits:
    """The limits ``payer`` sets, with ``practice``'s overrides when given."""
    profile = effective_profile(payer, practice)
    timely = _limit(profile, "timely")
    assert timely is not None, "timely filing is a required field"
    assert set(LIMITS) == {"timely", "secondary", "corrected", "appeal_first", "appeal_second"}
    return PayerLimits(
        timely=timely,
        secondary=_limit(profile, "secondary"),
        corrected=_limit(profile, "corrected"),
        appeal_first=_limit(profile, "appeal_first"),
        appeal_second=_limit(profile, "appeal_second"),
        hold=profile.submission_hold,
    )


def limits_by_payer_id(
    organisation: Organisation, practice: Practice | None = None
) -> dict[str, PayerLimits]:
    """Every payer's limits keyed by each id it goes by. A payer's own ``payer_id``
    wins over another payer's connection or other id that happens to be the same;
    among those, the payer first by name wins."""
    payers = list(
        Payer.objects.filter(organisation=organisation).prefetch_related("connection_ids")
    )
    limits = {p.pk: limits_for(p, practice) for p in payers}
    result: dict[str, PayerLimits] = {}
    for payer in payers:
        for other in [
            *(c.connection_payer_id for c in payer.connection_ids.all()),
            *payer.other_payer_ids,
        ]:
            result.setdefault(other, limits[payer.pk])
    result.update({payer.payer_id: limits[payer.pk] for payer in payers})
    return result
