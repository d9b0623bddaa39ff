"""277CA Health Care Claim Acknowledgment, 005010X214.

Loop tree (HL 20 → 21 → 19 → 22)::

    ST BHT
    2000A Information Source     HL*20  2100A NM1*PR  2200A TRN DTP*050 DTP*009
      2000B Information Receiver HL*21  2100B NM1*41  2200B TRN STC QTY AMT
        2000C Billing Provider   HL*19  2100C NM1*85  2200C TRN STC REF QTY AMT
          2000D Patient          HL*PT  2100D NM1*QC
            2200D Claim Status Tracking  TRN STC REF*1K/D9/BLT DTP*472
              2220D Service Line         SVC STC REF DTP
    SE

Per claim: STC01-1 category (A1 received, A2 accepted into adjudication, A3
returned unprocessable, A6/A7/A8 rejected), STC01-2 status (code list 508),
STC01-3 entity. ``spec.json`` is pyx12's 5010 X214 map.
"""

from __future__ import annotations

from pathlib import Path

from ..guidekit.simple import SimpleGuide
from ..registry import Guide
from ..x212_276_277.json_view import fields

VERSION = "005010X214"
#: X214 HL03 codes: 20 source, 21 receiver, 19 billing provider, PT patient.
PARENTS_214: dict[str, tuple[str, ...]] = {"20": ("",), "21": ("20",), "19": ("21",), "PT": ("19",)}

G277CA = SimpleGuide(
    str(Path(__file__).with_name("spec.json")), "277", VERSION, PARENTS_214, fields
)

GUIDE = Guide(
    "277CA",
    "277",
    (VERSION,),
    "HN",
    G277CA.parse,
    G277CA.write,
    G277CA.validate,
    G277CA.to_json,
    G277CA.no_from_json,
    "Health Care Claim Acknowledgment (005010X214)",
)

__all__ = ["G277CA", "GUIDE", "VERSION"]
