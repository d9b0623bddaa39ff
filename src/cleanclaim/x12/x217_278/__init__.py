"""278 Health Care Services Review Request and Response (prior authorization), 005010X217.

Loop tree (HL 20 → 21 → 22 → (23) → EV → SS)::

    ST BHT
    2000A UMO                 HL*20  (resp: AAA) 2010A NM1*X3 (resp: PER AAA)
      2000B Requester         HL*21  2010B NM1*1P/FA REF N3 N4 (req: PER) (resp: AAA) PRV
        2000C Subscriber      HL*22  2010C NM1*IL REF N3 N4 (resp: AAA) DMG
          2000D Dependent     HL*23  2010D NM1*QC REF N3 N4 (resp: AAA) DMG INS
          2000E Patient Event HL*EV  TRN (resp: AAA) UM (resp: HCR) REF*BB REF*NT
                                     DTP*439/484/ABC/431/AAH/435/096 (resp: 102/036/007)
                                     HI HSD CRC CL1 CR1 CR2 CR5 CR6 PWK MSG
            2010EA Event Provider    NM1*71/72/AAJ/DD/DK/DN/FA/G3/P3/QB/QV/SJ REF N3 N4 PER PRV
            2010EB Transport         NM1*45/FS/ND/PW/R3 N3 N4
            2000F Service     HL*SS  TRN (resp: AAA) UM (resp: HCR) REF DTP*472
                                     (resp: 102/036/007) SV1 SV2 SV3 TOO HSD PWK MSG
              2010F Service Provider NM1 REF N3 N4 PER PRV
    SE

(2000E sits under 2000D when there is a dependent, else under 2000C.) The
request and the response share ST01 ``278`` and ST03 ``005010X217``; BHT02
tells them apart (``11`` response; ``13`` request, ``01`` cancellation), so
the one registered :class:`~cleanclaim.x12._registry.Guide` reads both: its
``parse`` picks the tree (:mod:`.parsing`).

Modules (the same names in every guide package): :mod:`.loops` (the loop
trees as data: pyx12's 4010 X094 maps with the 5010 layout and corrections of
``patches_5010.json``), :mod:`.codes` (BHT02, HL03, UM01, UM02, UM06, HCR01
enums), :mod:`.parsing`, :mod:`.view` (typed parties, patient event, services,
decisions read from the placed tree: UM, HCR, HSD, HI, SV1, SV2, SV3 and the
guide kit's HL, NM1, DMG, DTP, REF, TRN, N3, N4, PER, PRV, AAA), :mod:`.validation`
(guide checks, HL hierarchy and child codes), :mod:`.writing`,
:mod:`.building` (JSON fields → 278), :mod:`.json`.
"""

from __future__ import annotations

from .._registry import Guide
from .building import build_278
from .json import to_json
from .parsing import VERSION, VERSIONS, TransactionReview, parse_278
from .validation import validate
from .writing import from_json_278, write

GUIDE = Guide(
    "278",
    "278",
    VERSIONS,
    "HI",
    parse_278,
    write,
    validate,
    to_json,
    from_json_278,
    "Health Care Services Review Request and Response (005010X217)",
)

__all__ = [
    "GUIDE",
    "VERSION",
    "TransactionReview",
    "build_278",
    "from_json_278",
    "parse_278",
    "to_json",
    "validate",
    "write",
]
