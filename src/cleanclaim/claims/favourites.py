"""A rendering provider's favourite codes on the coding screen: the procedures and
diagnoses they bill most, learned from their claims' lines, with the coder's pins and
hides (:class:`~cleanclaim.claims.models.FavouriteCode`) on top.

:func:`for_provider` gives the list shown as one-key picks (keys 1–9 then 0, diagnoses
first); :func:`set_pinned` pins a code or takes it off the list (audited).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import record
from cleanclaim.claims.building import Invalid
from cleanclaim.claims.models import Claim, ClaimLine, FavouriteCode
from cleanclaim.practices.models import RenderingProvider

__all__ = ["KEYS", "TOP", "Favourite", "for_provider", "learned", "set_pinned"]

#: How many learned codes of each kind are offered.
TOP = 5
#: The keys of the one-key picks, in order.
KEYS = "1234567890"
#: How many of the provider's latest claims the diagnoses are counted over.
RECENT_CLAIMS = 500

_PATTERNS = {
    FavouriteCode.Kind.DIAGNOSIS: re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$"),
    FavouriteCode.Kind.PROCEDURE: re.compile(r"^(\d{4}[0-9FTUMA]|[A-V]\d{4})$"),
}


@dataclass(frozen=True)
class Favourite:
    kind: str
    code: str
    pinned: bool  # pinned by hand (else learned)
    key: str  # the one-key pick, "" past ten


def learned(provider: RenderingProvider, kind: str, top: int = TOP) -> list[str]:
    """The codes of ``kind`` the provider bills most, most first (ties by code)."""
    if kind == FavouriteCode.Kind.PROCEDURE:
        rows = (
            ClaimLine.objects.filter(claim__rendering_provider=provider)
            .values("procedure")
            .annotate(n=Count("id"))
            .order_by("-n", "procedure")[:top]
        )
        return [r["procedure"] for r in rows]
    counts: Counter[str] = Counter()
    recent = Claim.objects.filter(rendering_provider=provider).order_by("-created_at", "-id")
    for diagnoses in recent.values_list("diagnoses", flat=True)[:RECENT_CLAIMS]:
        counts.update(str(d) for d in diagnoses or [])
    return [code for code, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]


def for_provider(provider: RenderingProvider) -> list[Favourite]:
    """Pinned codes first, then the learned ones not hidden: diagnoses, then procedures."""
    marks = {(f.kind, f.code): f.pinned for f in provider.favourite_codes.all()}
    out: list[tuple[str, str, bool]] = []
    for kind in (FavouriteCode.Kind.DIAGNOSIS, FavouriteCode.Kind.PROCEDURE):
        pinned = sorted(code for (k, code), on in marks.items() if k == kind and on)
        out += [(kind, code, True) for code in pinned]
        out += [
            (kind, code, False) for code in learned(provider, kind) if (kind, code) not in marks
        ]
    return [
        Favourite(kind, code, pinned, KEYS[i] if i < len(KEYS) else "")
        for i, (kind, code, pinned) in enumerate(out)
    ]


@transaction.atomic
def set_pinned(
    actor: Actor, provider: RenderingProvider, kind: str, code: str, *, pinned: bool
) -> FavouriteCode:
    """Pin ``code`` to the provider's favourites, or (``pinned`` False) take it off."""
    code = code.strip().upper()
    if kind not in _PATTERNS:
        raise Invalid({"kind": [f"{kind!r} is not diagnosis or procedure"]})
    if not _PATTERNS[FavouriteCode.Kind(kind)].match(code):
        raise Invalid({"code": [f"{code!r} is not a {kind} code"]})
    fav, created = FavouriteCode.objects.select_for_update().get_or_create(
        provider=provider,
        kind=kind,
        code=code,
        defaults={"practice_id": provider.practice_id, "pinned": pinned},
    )
    if created:
        record(actor, AuditEntry.Action.CREATE, fav, changes={"pinned": pinned})
    elif fav.pinned != pinned:
        before = fav.pinned
        fav.pinned = pinned
        fav.updated_at = timezone.now()
        fav.save(update_fields=["pinned", "updated_at"])
        record(actor, AuditEntry.Action.UPDATE, fav, changes={"pinned": [before, pinned]})
    return fav
