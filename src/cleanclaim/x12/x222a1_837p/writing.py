"""Write 837P transaction sets back to segments.

:func:`write` gives ST, the segments in the order read (unknown ones kept),
then SE counting them (SE01) and echoing ST02 (SE02). :func:`from_json` builds
an 837P from the convenient JSON fields (:func:`.json.from_json`: the claim form
read into view claims, then :mod:`.building`) and reads it back with
:func:`~.parsing.parse`, so it is a normal transaction.
"""

from __future__ import annotations

from typing import Any

from .._segments import Delimiters, Segment
from . import json as _json
from .parsing import Transaction837P


def write(tx: Transaction837P, delimiters: Delimiters) -> list[Segment]:
    """ST..SE of a transaction set (as read or as built), SE01/SE02 recomputed."""
    segs = tx.placed.segments()
    if segs[-1].id == "SE":
        segs[-1] = Segment("SE", [str(len(segs)), segs[0].get(2)], segs[-1].position)
    return segs


def from_json(obj: dict[str, Any]) -> Transaction837P:
    """An 837P from the convenient JSON fields (no ``segments``; see :mod:`.json`)."""
    return _json.from_json(obj)
