"""999 Implementation Acknowledgment for Health Care Insurance, 005010X231A1.

Loop tree::

    ST*999  AK1                         Functional group response header (R)
    ├── 2000  AK2                       Transaction set response header (S, repeats)
    │   ├── 2100  IK3 [CTX...]          Error identification: the segment (S, repeats)
    │   │   └── 2110  IK4 [CTX...]      Implementation data element note (S, up to 99)
    │   └── IK5                         Transaction set response trailer: A / E / R (R)
    AK9                                 Functional group response trailer (R)
    SE

Reading and writing go through the shared loop walker; :mod:`.ack` builds the
999 we send for any file we receive, from our validation findings (each
:class:`~cleanclaim.x12.errors.Finding` carries its IK304/IK403 code).
"""

from __future__ import annotations

from typing import Any

from ..registry import Guide
from ..segments import Delimiters
from .ack import VERSION_999, build_ack, build_ack_document
from .json import from_json, to_json
from .loops import Transaction999
from .parsing import parse_999
from .validation import validate_999
from .writing import write_999

__all__ = [
    "GUIDE",
    "VERSION_999",
    "Transaction999",
    "build_ack",
    "build_ack_document",
    "parse_999",
    "validate_999",
    "write_999",
]


def _to_json(tx: Any, d: Delimiters) -> dict[str, Any]:
    return to_json(tx, d)


GUIDE = Guide(
    name="999",
    st01="999",
    versions=(VERSION_999,),
    functional_id="FA",
    parse=parse_999,
    write=write_999,
    validate=validate_999,
    to_json=_to_json,
    from_json=from_json,
    title="Implementation Acknowledgment for Health Care Insurance",
)
