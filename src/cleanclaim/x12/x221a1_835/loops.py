"""The 835 loop tree: 005010X221A1 kept as data (``spec.json``).

The loops and segments are not Python classes here: ``spec.json`` (generated
from pyx12's 835 map by :mod:`cleanclaim.x12.guidekit.from_pyx12`) lists them in
guide order with usage, repeats, elements, types, lengths and code values, and
:mod:`cleanclaim.x12.guidekit.tree` places a transaction's segments in it. The
typed remittance built from the placed tree is in :mod:`.view`.
"""

from __future__ import annotations

from pathlib import Path

from ..guidekit.spec import LoopSpec, load_spec

SPEC_PATH = str(Path(__file__).with_name("spec.json"))

#: Loop ids of the guide, for readers of the tree.
HEADER, PAYER, PAYEE, HEADER_NUMBER, CLAIM, SERVICE = "ST", "1000A", "1000B", "2000", "2100", "2110"


def spec() -> LoopSpec:
    """The 835 guide's loop tree (loaded once)."""
    return load_spec(SPEC_PATH)
