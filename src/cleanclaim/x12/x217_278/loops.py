"""The 278 loop trees: 005010X217 kept as data (pyx12's 4010 maps + 5010 layout and corrections).

pyx12 ships no 5010 X217 map, only the 4010 X094A1 request and response maps,
whose hierarchy differs (4010: HL 20 → 21 → 22 → 23 → 19 service provider →
SS service; 5010: 20 → 21 → 22 → (23) → EV patient event → SS service). The
trees are generated from the 4010 maps by
:mod:`cleanclaim.x12.guidekit.from_pyx12` with ``patches_5010.json``: first the
5010 loop layout (segments copied from the 4010 maps and, for SV1, SV2, SV3 and
TOO, from pyx12's 837 maps), then the 5010 element corrections, each with its
reason and TR3 section. See docs/decisions/0402-guide-specs-without-a-5010-map.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from ..guidekit.spec import LoopSpec, load_spec

_HERE = Path(__file__).parent
PATCHES = _HERE / "patches_5010.json"

#: pyx12's 4010 maps the two trees are built from.
MAPS = {"request": "278.4010.X094.A1.xml", "response": "278.4010.X094.27.A1.xml"}

Kind = Literal["request", "response"]

#: HL loops and the level each one is.
UMO, REQUESTER, SUBSCRIBER, DEPENDENT, EVENT, SERVICE = (
    "2000A",
    "2000B",
    "2000C",
    "2000D",
    "2000E",
    "2000F",
)


def spec(kind: Kind) -> LoopSpec:
    """The loop tree of the 278 request or response (loaded once)."""
    return load_spec(MAPS[kind], PATCHES)
