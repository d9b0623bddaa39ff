"""The 835 loop tree: 005010X221A1 kept as data (pyx12's map).

The loops and segments are not Python classes here: the spec (generated
from pyx12's 835 map by :mod:`cleanclaim.x12.guidekit.from_pyx12`) lists them in
guide order with usage, repeats, elements, types, lengths and code values, and
:mod:`cleanclaim.x12.guidekit.tree` places a transaction's segments in it. The
typed remittance built from the placed tree is in :mod:`.view`.
"""

from __future__ import annotations

from ..guidekit.spec import LoopSpec, load_spec

MAP = "835.5010.X221.A1.xml"

#: Loop ids of the guide, for readers of the tree.
HEADER, PAYER, PAYEE, HEADER_NUMBER, CLAIM, SERVICE = "ST", "1000A", "1000B", "2000", "2100", "2110"


def spec() -> LoopSpec:
    """The 835 guide's loop tree (loaded once)."""
    return load_spec(MAP)
