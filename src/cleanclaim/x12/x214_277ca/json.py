"""277CA convenient JSON fields: those of 276/277 (see :mod:`cleanclaim.x12.x212_276_277.json`).

Per claim ``statuses`` carry ``category`` (STC01-1: A1 received, A2 accepted
into adjudication, A3/A6/A7/A8 rejected), ``status_code`` (STC01-2, list 508),
``entity`` (STC01-3), ``action`` (STC03: WQ accepted, U rejected) and
``charge`` (STC04); ``parties`` carry the receiver's and billing provider's
acknowledgment with ``quantities`` (QTY*90 accepted, QTY*AA rejected) and
``amounts`` (AMT*YU accepted, AMT*YY rejected).
"""

from __future__ import annotations

from typing import Any

from .._segments import Delimiters
from ..guidekit.values import date_json
from ..x212_276_277.json import report_json
from ..x212_276_277.parsing import TransactionStatus


def to_json(tx: TransactionStatus, delimiters: Delimiters) -> dict[str, Any]:
    """The convenient fields of one 277CA."""
    bht = tx.placed.tree.first("BHT")
    head = [bht.get(2), bht.get(3), bht.get(4)] if bht else ["", "", ""]
    out = report_json(tx.report, head, delimiters)
    out["transaction_type"] = bht.get(6) if bht else None
    dates = {s.get(1): s.get(3) for s in tx.placed.tree.walk() if s.id == "DTP"}
    out["received"] = date_json(dates.get("050", ""))
    out["processed"] = date_json(dates.get("009", ""))
    return out
