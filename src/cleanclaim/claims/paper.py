"""A claim on paper: the CMS-1500 (02/12) PDF of one claim or a selection.

The claim is mapped once to the engine's 837P claim (:func:`.x837p.to_837p`), which the
paper engine reads (:func:`cleanclaim.paper.from_837p.from_837p`) and renders
(:func:`cleanclaim.paper.render.render`) with the alignment offset setting
(``CLEANCLAIM_CMS1500_OFFSET_MM``). ``mode`` is ``red-form`` (data only, for the
pre-printed red OCR form) or ``plain`` (the whole form drawn on plain paper).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings

from cleanclaim.claims.models import Claim
from cleanclaim.claims.x837p import to_837p
from cleanclaim.paper.claim import Cms1500Error
from cleanclaim.paper.from_837p import from_837p
from cleanclaim.paper.render import MODES, render

__all__ = ["MODES", "Cms1500Error", "cms1500_pdf"]


def cms1500_pdf(claims: Sequence[Claim], *, mode: str = "plain") -> bytes:
    """One PDF of every claim (a batch of paper claims), or :class:`Cms1500Error` naming
    the claim and the box of each value the form cannot take; ``ValueError`` for an
    unknown ``mode``."""
    if mode not in MODES:
        raise ValueError(f"mode {mode!r} is not one of {', '.join(MODES)}")
    forms = [from_837p(to_837p(claim)) for claim in claims]
    dx, dy = settings.CMS1500_OFFSET_MM
    return render(forms, mode=mode, offset=(dx, dy))  # type: ignore[arg-type]
