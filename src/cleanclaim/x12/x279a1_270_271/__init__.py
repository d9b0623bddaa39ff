"""270/271 Health Care Eligibility Benefit Inquiry and Response, 005010X279A1.

Loop tree (HL 20 → 21 → 22 → 23)::

    ST BHT
    2000A Information Source         HL*20   2100A NM1*PR (271: PER, AAA)
      2000B Information Receiver     HL*21   2100B NM1*1P (REF, 271: AAA)
        2000C Subscriber             HL*22   TRN 2100C NM1*IL REF N3 N4 DMG INS DTP (AAA)
          2110C Eligibility          270: EQ AMT III REF DTP
                                     271: EB HSD REF DTP AAA MSG, 2115C III, 2120C NM1
          2000D Dependent            HL*23   TRN 2100D NM1*03 ... 2110D (as 2110C)
    SE

``spec_270.json``/``spec_271.json``: pyx12 ships no 5010 X279A1 map, so the
structure comes from its 4010 X092A1 maps with the 5010 corrections listed in
``patches_5010.json`` (repetition of EQ01/EB03, 5010 code values); see
docs/decisions/0402-guide-specs.md for what this does and does not check.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..guidekit.hl import PARENTS_279
from ..guidekit.simple import GuideTransaction, SimpleGuide
from ..registry import Guide
from ..segments import DEFAULT_DELIMITERS
from .json_view import fields
from .writing import GUIDE as VERSION
from .writing import build_270

VERSIONS = (VERSION, "005010X279")
_HERE = Path(__file__).parent

G270 = SimpleGuide(str(_HERE / "spec_270.json"), "270", VERSION, PARENTS_279, fields)
G271 = SimpleGuide(str(_HERE / "spec_271.json"), "271", VERSION, PARENTS_279, fields)


def from_json_270(obj: dict[str, Any]) -> GuideTransaction:
    """A 270 built from the convenient fields (see :mod:`.writing`)."""
    return G270.parse(build_270(obj), DEFAULT_DELIMITERS)


GUIDES = (
    Guide(
        "270",
        "270",
        VERSIONS,
        "HS",
        G270.parse,
        G270.write,
        G270.validate,
        G270.to_json,
        from_json_270,
        "Eligibility, Coverage or Benefit Inquiry (005010X279A1)",
    ),
    Guide(
        "271",
        "271",
        VERSIONS,
        "HB",
        G271.parse,
        G271.write,
        G271.validate,
        G271.to_json,
        G271.no_from_json,
        "Eligibility, Coverage or Benefit Information (005010X279A1)",
    ),
)

__all__ = ["G270", "G271", "GUIDES", "VERSION", "build_270", "from_json_270"]
