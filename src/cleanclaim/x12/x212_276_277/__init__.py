"""276/277 Health Care Claim Status Request and Response, 005010X212.

Loop tree (HL 20 → 21 → 19 → 22 → 23)::

    ST BHT
    2000A Information Source      HL*20  2100A NM1*PR (PER)
      2000B Information Receiver  HL*21  2100B NM1*41 (277: 2200B TRN STC)
    2000C Service Provider        HL*19  2100C NM1*1P (277: 2200C TRN STC)
    2000D Subscriber              HL*22  (276: DMG) 2100D NM1*IL
      2200D Claim Status Tracking        TRN (277: STC) REF*1K/BLT/EJ/XZ/D9 AMT*T3 DTP*472
        2210D (276) / 2220D (277) Service Line  SVC (277: STC) REF DTP
    2000E Dependent               HL*23  DMG 2100E NM1*QC 2200E 2210E/2220E (as 2200D)
    SE

HL nesting follows HL02 (the parent's HL01), checked by the HL rule
(:mod:`cleanclaim.x12.guidekit.hl`).

Modules (the same names in every guide package): :mod:`.loops` (the loop
trees as data), :mod:`.codes` (HL03, STC01-1 category, STC03 action),
:mod:`.parsing`, :mod:`.view` (typed parties and per-claim status read from the
placed tree: STC, SVC and the guide kit's HL, NM1, DMG, DTP, REF, TRN, AMT),
:mod:`.validation`, :mod:`.writing`, :mod:`.building` (JSON fields → 276),
:mod:`.json`.
"""

from __future__ import annotations

from typing import Any

from .._registry import Guide
from .._segments import Delimiters
from .building import build_276, build_277
from .json import report_json
from .parsing import VERSION, VERSIONS, TransactionStatus, parse_276, parse_277
from .validation import validate
from .writing import from_json_276, from_json_277, write


def to_json(tx: TransactionStatus, delimiters: Delimiters) -> dict[str, Any]:
    """The convenient fields of one 276 or 277."""
    bht = tx.placed.tree.first("BHT")
    head = [bht.get(2), bht.get(3), bht.get(4)] if bht else ["", "", ""]
    return report_json(tx.report, head, delimiters)


GUIDES = (
    Guide(
        "276",
        "276",
        VERSIONS,
        "HR",
        parse_276,
        write,
        validate,
        to_json,
        from_json_276,
        "Health Care Claim Status Request (005010X212)",
    ),
    Guide(
        "277",
        "277",
        VERSIONS,
        "HN",
        parse_277,
        write,
        validate,
        to_json,
        from_json_277,
        "Health Care Claim Status Response (005010X212)",
    ),
)

__all__ = [
    "GUIDES",
    "VERSION",
    "TransactionStatus",
    "build_276",
    "build_277",
    "from_json_276",
    "parse_276",
    "parse_277",
    "to_json",
    "validate",
    "write",
]
