"""277CA Health Care Claim Acknowledgment, 005010X214.

Loop tree (HL 20 → 21 → 19 → PT)::

    ST BHT
    2000A Information Source     HL*20  2100A NM1*AY/PR  2200A TRN DTP*050 DTP*009
      2000B Information Receiver HL*21  2100B NM1*41  2200B TRN STC QTY AMT
        2000C Billing Provider   HL*19  2100C NM1*85  2200C TRN STC REF QTY AMT
          2000D Patient          HL*PT  2100D NM1*QC
            2200D Claim Status Tracking  TRN STC REF*1K/D9/BLT DTP*472
              2220D Service Line         SVC STC REF DTP
    SE

Per claim: STC01-1 category (A1 received, A2 accepted into adjudication, A3
returned unprocessable, A6/A7/A8 rejected), STC01-2 status (code list 508),
STC01-3 entity, STC03 action (WQ accept, U reject). The loop tree is built from pyx12's
5010 X214 map.

Modules (the same names in every guide package):
:mod:`.loops`, :mod:`.codes`, :mod:`.parsing`, :mod:`.view`,
:mod:`.validation` (guide checks, HL, STC03 vs category), :mod:`.writing`,
:mod:`.building` (JSON fields → 277CA), :mod:`.json`. The typed transaction
is the 276/277 :class:`~cleanclaim.x12.x212_276_277.parsing.TransactionStatus`.
"""

from __future__ import annotations

from .._registry import Guide
from .building import build_277ca
from .json import to_json
from .parsing import VERSION, parse
from .validation import validate
from .writing import from_json, write

GUIDE = Guide(
    "277CA",
    "277",
    (VERSION,),
    "HN",
    parse,
    write,
    validate,
    to_json,
    from_json,
    "Health Care Claim Acknowledgment (005010X214)",
)

__all__ = ["GUIDE", "VERSION", "build_277ca", "from_json", "parse", "to_json", "validate", "write"]
