"""999 Implementation Acknowledgment for Health Care Insurance, 005010X231A1.

Loop tree (data: pyx12's X231A1 map with the corrections of ``patches_5010.json``)::

    ST*999  AK1                         Functional group response header (R)
    ├── 2000  AK2                       Transaction set response header (S, repeats)
    │   ├── 2100  IK3                   Error identification: the segment (S, repeats)
    │   │   ├── CTX*SITUATIONAL TRIGGER Segment context (S, up to 9)
    │   │   ├── CTX*CLM01:...           Business unit identifier (S, 1)
    │   │   └── 2110  IK4 [CTX]         Implementation data element note (S, repeats)
    │   └── IK5                         Transaction set response trailer: A / E / R (R)
    AK9                                 Functional group response trailer (R)
    SE

Modules (the same names in every guide package): :mod:`.view` (read: the placed
tree and the typed :class:`~.view.Acknowledgment`; write back), :mod:`.validation`
(guide checks, AK9 counts and verdict, IK5), :mod:`.building` (our findings → the
999 we send, :func:`build_ack`; the JSON fields → a 999), :mod:`.json` (the JSON
fields), :mod:`.codes` (IK501, IK502, AK901, AK905 enums).
"""

from __future__ import annotations

from .._registry import Guide
from .building import build_999, build_ack, build_ack_document
from .json import from_json, to_json
from .parsing import VERSION_999, Transaction999, parse
from .validation import validate
from .view import Acknowledgment, ElementError, SegmentError, SetResponse
from .writing import write

__all__ = [
    "GUIDE",
    "VERSION_999",
    "Acknowledgment",
    "ElementError",
    "SegmentError",
    "SetResponse",
    "Transaction999",
    "build_999",
    "build_ack",
    "build_ack_document",
    "from_json",
    "parse",
    "to_json",
    "validate",
    "write",
]

GUIDE = Guide(
    name="999",
    st01="999",
    versions=(VERSION_999,),
    functional_id="FA",
    parse=parse,
    write=write,
    validate=validate,
    to_json=to_json,
    from_json=from_json,
    title="Implementation Acknowledgment for Health Care Insurance",
)
