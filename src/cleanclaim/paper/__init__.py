"""cleanclaim.paper -- the CMS-1500 (02/12) paper claim as PDF (plain Python, no Django).

    from cleanclaim.paper import Cms1500Claim, Cms1500Line, render

    pdf = render([claim], mode="plain")            # bytes of one PDF
    pdf = render(claims, mode="red-form", offset=(1.5, -0.5))

* :mod:`.claim` -- :class:`Cms1500Claim` (every box), :func:`check` (problems name
  their box, :class:`Cms1500Error`).
* :mod:`.layout` -- where each box is on the 8.5" x 11" form, as data.
* :mod:`.render` -- :func:`render`: ``red-form`` (data only, for pre-printed forms) or
  ``plain`` (the form drawn, for plain paper); six service lines per page.
* :mod:`.from_837p` -- :func:`from_837p`: paper claims from the X12 engine's 837P view.
"""

from __future__ import annotations

from .claim import Address, Cms1500Claim, Cms1500Error, Cms1500Line, check, total_charge
from .from_837p import from_837p
from .layout import FIELDS, LINE_FIELDS, Field, field_rect, line_field
from .render import Mode, pages_of, render

__all__ = [
    "FIELDS",
    "LINE_FIELDS",
    "Address",
    "Cms1500Claim",
    "Cms1500Error",
    "Cms1500Line",
    "Field",
    "Mode",
    "check",
    "field_rect",
    "from_837p",
    "line_field",
    "pages_of",
    "render",
    "total_charge",
]
