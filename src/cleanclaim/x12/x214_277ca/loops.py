"""The 277CA loop tree: 005010X214 kept as data (built from pyx12's X214 map).

HL 20 information source (2100A name, 2200A TRN, DTP*050 received, DTP*009
processed) → 21 information receiver (2100B, 2200B TRN STC QTY AMT) → 19
billing provider (2100C, 2200C TRN STC REF QTY AMT) → PT patient (2100D
NM1*QC, 2200D claim: TRN STC REF DTP*472, 2220D service lines).
"""

from __future__ import annotations

from ..guidekit.spec import LoopSpec, load_spec

MAP = "277.5010.X214.xml"

#: HL loops and the party each one names (2000D is the patient in X214).
PARTY_LOOPS = {
    "2000A": "information_source",
    "2000B": "information_receiver",
    "2000C": "provider",
    "2000D": "patient",
}


def spec() -> LoopSpec:
    """The 277CA loop tree (loaded once)."""
    return load_spec(MAP)
