"""276/277 Health Care Claim Status Request and Response, 005010X212.

Loop tree (HL 20 → 21 → 19 → 22 → 23)::

    ST BHT
    2000A Information Source      HL*20  2100A NM1*PR (277: PER)
      2000B Information Receiver  HL*21  2100B NM1*41 (277: 2200B TRN STC)
    2000C Service Provider        HL*19  2100C NM1*1P (277: 2200C TRN STC)
    2000D Subscriber              HL*22  (276: DMG) 2100D NM1*IL
      2200D Claim Status Tracking        TRN (277: STC) REF*1K/BLT/EJ/XZ/D9 AMT*T3 DTP*472
        2210D/2220D Service Line         SVC (277: STC) REF DTP
    2000E Dependent               HL*23  2100E NM1*QC 2200E 2210E/2220E (as 2200D)
    SE

HL nesting follows HL02 (the parent's HL01); the guide's order is checked by
the HL rule (:mod:`cleanclaim.x12.guidekit.hl`).

``spec_277.json`` is pyx12's 5010 X212 277 map; pyx12 has no 5010 276 map, so
``spec_276.json`` is its 4010 X093A1 map with the corrections in
``patches_5010.json`` (see docs/decisions/0402-guide-specs.md).
"""

from __future__ import annotations

from pathlib import Path

from ..guidekit.hl import PARENTS_212
from ..guidekit.simple import SimpleGuide
from ..registry import Guide
from .json_view import fields

VERSION = "005010X212"
VERSIONS = (VERSION,)
_HERE = Path(__file__).parent

G276 = SimpleGuide(str(_HERE / "spec_276.json"), "276", VERSION, PARENTS_212, fields)
G277 = SimpleGuide(str(_HERE / "spec_277.json"), "277", VERSION, PARENTS_212, fields)

GUIDES = (
    Guide(
        "276",
        "276",
        VERSIONS,
        "HR",
        G276.parse,
        G276.write,
        G276.validate,
        G276.to_json,
        G276.no_from_json,
        "Health Care Claim Status Request (005010X212)",
    ),
    Guide(
        "277",
        "277",
        VERSIONS,
        "HN",
        G277.parse,
        G277.write,
        G277.validate,
        G277.to_json,
        G277.no_from_json,
        "Health Care Claim Status Response (005010X212)",
    ),
)

__all__ = ["G276", "G277", "GUIDES", "VERSION"]
