"""The 276 and 277 loop trees: 005010X212 kept as data (pyx12's maps).

The 277 tree is built from pyx12's 5010 X212 277 map; pyx12 ships no
5010 276 map, so the 276 tree comes from its 4010 X093A1 map with the 5010
corrections of ``patches_5010.json`` (BHT03/BHT05 required, DTP*472 with D8 or
RD8, the 2200D/E REF qualifiers). Loop ids are those of the guide: 2000A-2000E
(HL), 2100A-2100E (names), 2200B-2200E (status tracking), 2210D/E (276) and
2220D/E (277) service lines.
"""

from __future__ import annotations

from pathlib import Path

from ..guidekit.spec import LoopSpec, load_spec

_HERE = Path(__file__).parent
PATCHES_276 = _HERE / "patches_5010.json"
PATCHES_277 = _HERE / "patches_277.json"

#: The claim status tracking loops (one claim each) and service-line loops.
CLAIM_LOOPS = ("2200D", "2200E")
LINE_LOOPS = ("2210D", "2210E", "2220D", "2220E")
#: HL loops and the party each one names.
PARTY_LOOPS = {
    "2000A": "information_source",
    "2000B": "information_receiver",
    "2000C": "provider",
    "2000D": "subscriber",
    "2000E": "dependent",
}


def spec(set_id: str) -> LoopSpec:
    """The loop tree of the 276 or 277 (loaded once)."""
    if set_id == "276":
        return load_spec("276.4010.X093.A1.xml", PATCHES_276)
    return load_spec("277.5010.X212.xml", PATCHES_277)
