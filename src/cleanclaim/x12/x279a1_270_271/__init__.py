"""270/271 Health Care Eligibility Benefit Inquiry and Response, 005010X279A1.

Loop tree (HL 20 → 21 → 22 → 23)::

    ST BHT
    2000A Information Source         HL*20   2100A NM1*PR (271: PER, AAA)
      2000B Information Receiver     HL*21   2100B NM1*1P (REF, 271: AAA)
        2000C Subscriber             HL*22   TRN 2100C NM1*IL REF N3 N4 (AAA) DMG INS DTP
          2110C Eligibility          270: EQ AMT III REF DTP
                                     271: EB HSD REF DTP AAA MSG, 2115C III, 2120C NM1
          2000D Dependent            HL*23   TRN 2100D NM1*03 ... 2110D (as 2110C)
    SE

Modules (the same names in every guide package): :mod:`.loops` (the loop
trees as data, the trees built from pyx12's maps), :mod:`.codes` (HL03, EB01,
EB02, EB06, EB12, AAA03, AAA04 enums), :mod:`.parsing`, :mod:`.view` (typed
members, benefits, rejections read from the placed tree: EQ, EB, MSG and the
guide kit's HL, NM1, DMG, DTP, AAA), :mod:`.validation` (guide checks, HL hierarchy),
:mod:`.writing`, :mod:`.building` (JSON fields → 270/271), :mod:`.json`.
"""

from __future__ import annotations

from .._registry import Guide
from .building import build_270, build_271
from .json import to_json
from .parsing import VERSION, VERSIONS, TransactionEligibility, parse_270, parse_271
from .validation import validate
from .writing import from_json_270, from_json_271, write

GUIDES = (
    Guide(
        "270",
        "270",
        VERSIONS,
        "HS",
        parse_270,
        write,
        validate,
        to_json,
        from_json_270,
        "Eligibility, Coverage or Benefit Inquiry (005010X279A1)",
    ),
    Guide(
        "271",
        "271",
        VERSIONS,
        "HB",
        parse_271,
        write,
        validate,
        to_json,
        from_json_271,
        "Eligibility, Coverage or Benefit Information (005010X279A1)",
    ),
)

__all__ = [
    "GUIDES",
    "VERSION",
    "TransactionEligibility",
    "build_270",
    "build_271",
    "from_json_270",
    "from_json_271",
    "parse_270",
    "parse_271",
    "to_json",
    "validate",
    "write",
]
